import { eq } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { agreements } from '../../db/schema.js';
import { canAgreement } from '../../domain/agreements/agreement-state.js';
import { readTerms, type SampleTerm } from '../../domain/agreements/terms.js';
import { AppError, IssueList } from '../../domain/errors.js';
import { authorize } from '../../policies/policy.js';
import type { Actor } from '../actor.js';
import { loadManagedAgreement, loadMilestones, loadSignatories } from './agreement-access.js';
import { insertAgreementVersion } from './insert-agreement.js';

export interface AmendInput {
  /** What the amendment changes and why; printed in the new version. */
  note: string;
  durationMonths?: number;
  samples?: SampleTerm[];
}

/**
 * An amendment is a new version of the agreement in force: a draft with the same parties and
 * milestones and the changed terms, sent and signed like the first. The version in force stays in
 * force until the amendment is (then it is superseded and its loans move to the new version).
 */
export async function amendAgreement(db: Db, actor: Actor, agreementId: string, input: AmendInput) {
  authorize(actor, 'agreements.manage');
  const issues = new IssueList();
  if (!input.note?.trim()) issues.add('note', 'VALIDATION_FAILED', 'Say what the amendment changes.');
  if (
    input.durationMonths !== undefined &&
    !(Number.isInteger(input.durationMonths) && input.durationMonths >= 1 && input.durationMonths <= 600)
  )
    issues.add('durationMonths', 'VALIDATION_FAILED', 'A duration is a whole number of months (1–600).');
  issues.throwIfAny();
  return db.transaction(async (tx) => {
    const row = await loadManagedAgreement(tx, actor, agreementId);
    if (!canAgreement(row.status, 'amend'))
      throw new AppError('CONFLICT', `Only an agreement in force is amended; this one is ${row.status.replaceAll('_', ' ')}.`);
    const pending = await tx
      .select({ id: agreements.id, status: agreements.status })
      .from(agreements)
      .where(eq(agreements.seriesId, row.seriesId));
    if (pending.some((p) => p.status === 'draft' || p.status === 'awaiting_signatures'))
      throw new AppError('CONFLICT', 'An amendment of this agreement is already being prepared or signed.');
    const terms = { ...readTerms(row.terms), amendmentNote: input.note.trim() };
    if (input.samples) terms.samples = input.samples;
    const signatories = await loadSignatories(tx, row.id);
    const milestones = await loadMilestones(tx, row.id);
    const next = await insertAgreementVersion(tx, actor, {
      kind: row.kind,
      programId: row.programId,
      callId: row.callId,
      decisionId: row.decisionId,
      institutionId: row.institutionId,
      reference: row.reference,
      title: row.title,
      terms,
      languages: row.languages,
      durationMonths: input.durationMonths ?? row.durationMonths,
      signatories: signatories.map((s) => ({ ...s })),
      milestones: milestones
        .filter((m) => m.status !== 'done' && m.status !== 'cancelled')
        .map((m) => ({ kind: m.kind, title: m.title, dueOn: m.dueOn, owner: m.owner })),
      supersedes: { id: row.id, seriesId: row.seriesId, version: row.version },
    });
    return { id: next.id, reference: next.reference, version: next.version, status: next.status };
  });
}
