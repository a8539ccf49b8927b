import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { payloadMilestones } from '../../db/schema.js';
import type { MilestoneStatus } from '../../domain/agreements/vocabulary.js';
import { AppError } from '../../domain/errors.js';
import { authorize } from '../../policies/policy.js';
import type { Actor } from '../actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { databaseNow, isUuid } from '../calls/call-access.js';
import { loadManagedAgreement } from './agreement-access.js';

export interface MilestoneChange {
  status?: MilestoneStatus;
  dueOn?: string;
  owner?: string;
  note?: string | null;
}

/** The officer moves a milestone (status, due date, owner); done stamps today's date. */
export async function updateMilestone(db: Db, actor: Actor, agreementId: string, milestoneId: string, change: MilestoneChange) {
  authorize(actor, 'agreements.manage');
  return db.transaction(async (tx) => {
    const row = await loadManagedAgreement(tx, actor, agreementId);
    const [milestone] = isUuid(milestoneId)
      ? await tx
          .select()
          .from(payloadMilestones)
          .where(and(eq(payloadMilestones.id, milestoneId), eq(payloadMilestones.agreementId, row.id)))
          .for('update')
      : [];
    if (!milestone) throw new AppError('NOT_FOUND', `No milestone "${milestoneId}" on this agreement.`);
    const status = change.status ?? milestone.status;
    const today = (await databaseNow(tx)).toISOString().slice(0, 10);
    const doneOn = status === 'done' ? (milestone.doneOn ?? today) : null;
    const [updated] = await tx
      .update(payloadMilestones)
      .set({
        status,
        doneOn,
        dueOn: change.dueOn ?? milestone.dueOn,
        owner: change.owner?.trim() || milestone.owner,
        note: change.note === undefined ? milestone.note : change.note,
        updatedBy: actor.label,
        updatedAt: sql`now()`,
      })
      .where(eq(payloadMilestones.id, milestone.id))
      .returning();
    await recordAudit(tx, actor, {
      action: 'agreement.milestone_updated',
      subjectType: 'agreement',
      subjectId: row.id,
      details: { milestoneId: milestone.id, kind: milestone.kind, from: milestone.status, to: status, dueOn: updated!.dueOn },
    });
    return updated!;
  });
}
