import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/connection.js';
import { agreementSignatories, agreementSignatures, agreements, payloadMilestones } from '../../db/schema.js';
import { AppError } from '../../domain/errors.js';
import { holdsScoped } from '../../policies/policy.js';
import type { Actor } from '../actor.js';
import { isUuid } from '../calls/call-access.js';

export type AgreementRow = typeof agreements.$inferSelect;
export type SignatoryRow = typeof agreementSignatories.$inferSelect;

export const agreementNotFound = (id: string) => new AppError('NOT_FOUND', `No agreement "${id}".`);

/** Officers of the agreement's program prepare, send, amend and record signatures. */
export const managesAgreement = (actor: Actor, row: Pick<AgreementRow, 'programId'>) =>
  holdsScoped(actor, ['program_officer'], 'program', row.programId);

/** Officers and officials of the program read it; curators read sample-loan agreements (to open loans). */
export function readsAgreement(actor: Actor, row: Pick<AgreementRow, 'programId' | 'kind'>): boolean {
  if (holdsScoped(actor, ['program_officer', 'selection_official'], 'program', row.programId)) return true;
  return row.kind === 'sample_loan' && actor.kind === 'account' && actor.grants.some((g) => g.role === 'curator');
}

/** Is the actor, signed in, the person a signatory row names (by e-mail address)? */
export const isSignatory = (actor: Actor, signatory: Pick<SignatoryRow, 'email'>) =>
  actor.kind === 'account' && actor.email.toLowerCase() === signatory.email.toLowerCase();

export async function loadAgreementRow(db: DbOrTx, id: string, lock = false): Promise<AgreementRow | undefined> {
  if (!isUuid(id)) return undefined;
  const query = db.select().from(agreements).where(eq(agreements.id, id)).limit(1);
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

/** The agreement an officer manages (locked for the change), or NOT_FOUND. */
export async function loadManagedAgreement(db: DbOrTx, actor: Actor, id: string): Promise<AgreementRow> {
  const row = await loadAgreementRow(db, id, true);
  if (!row || !managesAgreement(actor, row)) throw agreementNotFound(id);
  return row;
}

export async function loadSignatories(db: DbOrTx, agreementId: string) {
  const signatories = await db
    .select()
    .from(agreementSignatories)
    .where(eq(agreementSignatories.agreementId, agreementId))
    .orderBy(asc(agreementSignatories.position));
  const signatures = await db
    .select({
      id: agreementSignatures.id,
      signatoryId: agreementSignatures.signatoryId,
      method: agreementSignatures.method,
      signedAt: agreementSignatures.signedAt,
      place: agreementSignatures.place,
      recordedBy: agreementSignatures.recordedBy,
      scanFilename: agreementSignatures.scanFilename,
      scanSha256: agreementSignatures.scanSha256,
      confirmedSha256: agreementSignatures.confirmedSha256,
    })
    .from(agreementSignatures)
    .where(eq(agreementSignatures.agreementId, agreementId));
  const bySignatory = new Map(signatures.map((s) => [s.signatoryId, s]));
  return signatories.map((s) => ({ ...s, signature: bySignatory.get(s.id) ?? null }));
}

export async function loadMilestones(db: DbOrTx, agreementId: string) {
  return db
    .select()
    .from(payloadMilestones)
    .where(eq(payloadMilestones.agreementId, agreementId))
    .orderBy(asc(payloadMilestones.dueOn), asc(payloadMilestones.kind));
}

/** Whether a fixed rule permits this agreement to change: amendments and signatures need these statuses. */
export function refuseUnless(row: AgreementRow, statuses: readonly AgreementRow['status'][], doing: string): void {
  if (!statuses.includes(row.status))
    throw new AppError(
      'CONFLICT',
      `Agreement ${row.reference} v${row.version} is ${row.status.replaceAll('_', ' ')}: it cannot ${doing}.`,
    );
}
