import { eq, sql } from 'drizzle-orm';
import { type DbOrTx, queryRows } from '../../db/connection.js';
import { calls } from '../../db/schema.js';
import type { CallStatus } from '../../domain/calls/vocabulary.js';
import { AppError } from '../../domain/errors.js';
import { holdsScoped } from '../../policies/policy.js';
import type { Actor } from '../actor.js';

export type CallRow = typeof calls.$inferSelect;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string) => UUID.test(value);

/** States the public sees; drafts and cancelled calls only the officers of the program. */
export const PUBLIC_CALL_STATUSES: readonly CallStatus[] = ['published', 'closed', 'in_review', 'decided'];

export const callNotFound = (idOrSlug: string) => new AppError('NOT_FOUND', `No call "${idOrSlug}".`);

export const managesProgram = (actor: Actor, programId: string) => holdsScoped(actor, ['program_officer'], 'program', programId);

export const readsProgramApplications = (actor: Actor, programId: string) =>
  holdsScoped(actor, ['program_officer', 'selection_official'], 'program', programId);

export function canSeeCall(actor: Actor, call: Pick<CallRow, 'status' | 'programId'>): boolean {
  return PUBLIC_CALL_STATUSES.includes(call.status as CallStatus) || managesProgram(actor, call.programId);
}

export async function loadCallRow(db: DbOrTx, idOrSlug: string, lock?: 'update' | 'share'): Promise<CallRow | undefined> {
  const where = isUuid(idOrSlug) ? eq(calls.id, idOrSlug) : eq(calls.slug, idOrSlug);
  const query = db.select().from(calls).where(where).limit(1);
  const rows = lock ? await query.for(lock) : await query;
  return rows[0];
}

/** The call an officer manages, or NOT_FOUND: a call of another program does not exist for them. */
export async function loadManagedCall(db: DbOrTx, actor: Actor, id: string, lock = false): Promise<CallRow> {
  const call = isUuid(id) ? await loadCallRow(db, id, lock ? 'update' : undefined) : undefined;
  if (!call || !managesProgram(actor, call.programId)) throw callNotFound(id);
  return call;
}

/** The call whose applications the actor may read (officer or official of its program), or NOT_FOUND. */
export async function loadCallForApplications(db: DbOrTx, actor: Actor, id: string): Promise<CallRow> {
  const call = isUuid(id) ? await loadCallRow(db, id) : undefined;
  if (!call || !readsProgramApplications(actor, call.programId)) throw callNotFound(id);
  return call;
}

/** The database clock (transaction start time): deadlines are judged by it, never by the app server's clock. */
export async function databaseNow(db: DbOrTx): Promise<Date> {
  const [row] = await queryRows<{ now: Date | string }>(db, sql`select now() as now`);
  return new Date(row!.now);
}
