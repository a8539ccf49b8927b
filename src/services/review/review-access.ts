import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/connection.js';
import { experts, reviewRounds } from '../../db/schema.js';
import { AppError } from '../../domain/errors.js';
import type { Actor } from '../actor.js';
import { type CallRow, isUuid, loadCallRow, managesProgram, readsProgramApplications } from '../calls/call-access.js';

export type RoundRow = typeof reviewRounds.$inferSelect;
export type ExpertRow = typeof experts.$inferSelect;

export const roundNotFound = (id: string) => new AppError('NOT_FOUND', `No review round "${id}".`);
export const expertNotFound = (id: string) => new AppError('NOT_FOUND', `No expert "${id}".`);

/** A round with its call, for an officer who manages the call's program (else NOT_FOUND). */
export async function loadManagedRound(db: DbOrTx, actor: Actor, roundId: string): Promise<{ round: RoundRow; call: CallRow }> {
  const row = await loadRound(db, roundId);
  if (!row || !managesProgram(actor, row.call.programId)) throw roundNotFound(roundId);
  return row;
}

/** A round whose board the actor may read: officers and officials of the program. */
export async function loadReadableRound(db: DbOrTx, actor: Actor, roundId: string): Promise<{ round: RoundRow; call: CallRow }> {
  const row = await loadRound(db, roundId);
  if (!row || !readsProgramApplications(actor, row.call.programId)) throw roundNotFound(roundId);
  return row;
}

export async function loadRound(db: DbOrTx, roundId: string): Promise<{ round: RoundRow; call: CallRow } | undefined> {
  if (!isUuid(roundId)) return undefined;
  const [round] = await db.select().from(reviewRounds).where(eq(reviewRounds.id, roundId));
  if (!round) return undefined;
  const call = await loadCallRow(db, round.callId);
  return call && { round, call };
}

/** The actor's own place in a pool: an expert row linked to their account (else NOT_FOUND). */
export async function loadOwnExpert(db: DbOrTx, actor: Actor, expertId: string, lock = false): Promise<ExpertRow> {
  if (actor.kind !== 'account' || !isUuid(expertId)) throw expertNotFound(expertId);
  const query = db
    .select()
    .from(experts)
    .where(and(eq(experts.id, expertId), eq(experts.accountId, actor.accountId)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw expertNotFound(expertId);
  return row;
}

/** The expert row of this account in the round's call, if it is in the pool and accepted. */
export async function loadActiveExpertForRound(db: DbOrTx, actor: Actor, round: RoundRow): Promise<ExpertRow> {
  if (actor.kind !== 'account') throw roundNotFound(round.id);
  const [row] = await db
    .select()
    .from(experts)
    .where(and(eq(experts.callId, round.callId), eq(experts.accountId, actor.accountId), eq(experts.status, 'accepted')));
  if (!row) throw roundNotFound(round.id);
  return row;
}
