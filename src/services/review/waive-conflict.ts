import { eq, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/connection.js';
import { reviewConflicts } from '../../db/schema.js';
import { AppError } from '../../domain/errors.js';
import { authorize } from '../../policies/policy.js';
import type { Actor } from '../actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { loadManagedCall } from '../calls/call-access.js';

async function loadManagedConflict(db: DbOrTx, actor: Actor, conflictId: string) {
  const [conflict] = await db.select().from(reviewConflicts).where(eq(reviewConflicts.id, conflictId)).for('update');
  if (!conflict) throw new AppError('NOT_FOUND', `No conflict "${conflictId}".`);
  await loadManagedCall(db, actor, conflict.callId);
  return conflict;
}

/**
 * An officer waives a conflict with a written justification (kept, audited); the pair may then be
 * assigned. A waiver is never silent: the board shows it beside the evidence.
 */
export async function waiveConflict(db: Db, actor: Actor, conflictId: string, justification: string) {
  authorize(actor, 'review.manage');
  const why = justification.trim();
  if (why.length < 10) {
    throw new AppError('VALIDATION_FAILED', 'A waiver needs a written justification.', [
      {
        field: 'justification',
        code: 'VALIDATION_FAILED',
        message: 'Write at least 10 characters on why the conflict does not matter.',
      },
    ]);
  }
  return db.transaction(async (tx) => {
    const conflict = await loadManagedConflict(tx, actor, conflictId);
    if (conflict.waivedAt) throw new AppError('CONFLICT', 'This conflict is already waived.');
    const [row] = await tx
      .update(reviewConflicts)
      .set({ waivedAt: sql`now()`, waivedBy: actor.label, waiverReason: why, updatedAt: sql`now()` })
      .where(eq(reviewConflicts.id, conflict.id))
      .returning();
    await recordAudit(tx, actor, {
      action: 'review_conflict.waived',
      subjectType: 'review_conflict',
      subjectId: conflict.id,
      details: { justification: why, expertId: conflict.expertId, applicationId: conflict.applicationId },
    });
    return row!;
  });
}

/** An officer pins a conflict (so the applicant cannot withdraw it) or records one of their own. */
export async function pinConflict(db: Db, actor: Actor, conflictId: string) {
  authorize(actor, 'review.manage');
  return db.transaction(async (tx) => {
    const conflict = await loadManagedConflict(tx, actor, conflictId);
    const [row] = await tx
      .update(reviewConflicts)
      .set({ pinned: true, updatedAt: sql`now()` })
      .where(eq(reviewConflicts.id, conflict.id))
      .returning();
    await recordAudit(tx, actor, { action: 'review_conflict.pinned', subjectType: 'review_conflict', subjectId: conflict.id });
    return row!;
  });
}
