import { eq, sql } from 'drizzle-orm';
import { type Db, type DbOrTx, queryRows } from '../../db/connection.js';
import { experts, reviewConflicts } from '../../db/schema.js';
import { AppError } from '../../domain/errors.js';
import { authorize } from '../../policies/policy.js';
import type { Actor } from '../actor.js';
import { loadOwnApplication } from '../applications/application-access.js';
import { recordAudit } from '../audit/record-audit.js';
import { expertNotFound, loadOwnExpert } from './review-access.js';

function requireReason(reason: string): string {
  const trimmed = reason.trim();
  if (trimmed.length < 5) {
    throw new AppError('VALIDATION_FAILED', 'Say why there is a conflict.', [
      { field: 'reason', code: 'VALIDATION_FAILED', message: 'Give a reason of at least 5 characters.' },
    ]);
  }
  return trimmed;
}

async function upsertDeclared(
  db: DbOrTx,
  actor: Actor,
  values: {
    callId: string;
    expertId: string;
    applicationId: string;
    source: 'declared_by_expert' | 'declared_by_applicant';
    reason: string;
  },
) {
  const [row] = await db
    .insert(reviewConflicts)
    .values({ ...values, createdBy: actor.label })
    .onConflictDoUpdate({
      target: [reviewConflicts.expertId, reviewConflicts.applicationId, reviewConflicts.source],
      set: { reason: values.reason, updatedAt: sql`now()` },
    })
    .returning();
  await recordAudit(db, actor, {
    action: `review_conflict.${values.source}`,
    subjectType: 'review_conflict',
    subjectId: row!.id,
    details: values,
  });
  return row!;
}

/** An expert declares a conflict with a proposal of their call's pool, with a reason. */
export async function declareConflictAsExpert(db: Db, actor: Actor, expertId: string, applicationId: string, reason: string) {
  authorize(actor, 'review.participate');
  const why = requireReason(reason);
  return db.transaction(async (tx) => {
    const expert = await loadOwnExpert(tx, actor, expertId);
    const [application] = await queryRows<{ id: string }>(
      tx,
      sql`select id from applications where id = ${applicationId}::uuid and call_id = ${expert.callId}`,
    );
    if (!application)
      throw new AppError('NOT_FOUND', 'No such proposal in this call.', [
        { field: 'applicationId', code: 'NOT_FOUND', message: 'Not a proposal of this call.' },
      ]);
    return upsertDeclared(tx, actor, {
      callId: expert.callId,
      expertId: expert.id,
      applicationId,
      source: 'declared_by_expert',
      reason: why,
    });
  });
}

/** An applicant declares that an expert of the call's pool conflicts with their own application. */
export async function declareConflictAsApplicant(db: Db, actor: Actor, applicationId: string, expertId: string, reason: string) {
  authorize(actor, 'review.participate');
  const why = requireReason(reason);
  return db.transaction(async (tx) => {
    const { application } = await loadOwnApplication(tx, actor, applicationId);
    const [expert] = await tx.select().from(experts).where(eq(experts.id, expertId));
    if (!expert || expert.callId !== application.callId) throw expertNotFound(expertId);
    return upsertDeclared(tx, actor, {
      callId: application.callId,
      expertId,
      applicationId,
      source: 'declared_by_applicant',
      reason: why,
    });
  });
}

/** The applicant withdraws their own declaration, unless an officer pinned it. */
export async function withdrawApplicantConflict(db: Db, actor: Actor, conflictId: string) {
  authorize(actor, 'review.participate');
  return db.transaction(async (tx) => {
    const [conflict] = await tx.select().from(reviewConflicts).where(eq(reviewConflicts.id, conflictId)).for('update');
    if (conflict?.source !== 'declared_by_applicant') throw new AppError('NOT_FOUND', `No conflict "${conflictId}".`);
    await loadOwnApplication(tx, actor, conflict.applicationId);
    if (conflict.pinned) throw new AppError('CONFLICT', 'The program office pinned this conflict; it cannot be removed.');
    await tx.delete(reviewConflicts).where(eq(reviewConflicts.id, conflict.id));
    await recordAudit(tx, actor, {
      action: 'review_conflict.withdrawn',
      subjectType: 'review_conflict',
      subjectId: conflict.id,
      details: { expertId: conflict.expertId, applicationId: conflict.applicationId },
    });
    return { id: conflict.id };
  });
}
