import { eq } from 'drizzle-orm';
import type { UpdateCallBody } from '../../contracts/calls.js';
import type { Db } from '../../db/connection.js';
import { calls } from '../../db/schema.js';
import { AppError, IssueList } from '../../domain/errors.js';
import { authorize } from '../../policies/policy.js';
import type { Actor } from '../actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { translateWriteError } from '../registry/db-errors.js';
import { loadManagedCall } from './call-access.js';
import { type CallShape, checkCallShape, parseTime, replaceCallChildren } from './check-call-input.js';
import { presentCallDetail } from './present-call.js';

/**
 * Edits a draft call (any field; lists replace the old ones). A published call takes one change
 * only: a later deadline (applicants rely on everything else).
 */
export async function updateCall(db: Db, actor: Actor, id: string, change: UpdateCallBody) {
  authorize(actor, 'calls.manage');
  try {
    return await db.transaction(async (tx) => {
      const call = await loadManagedCall(tx, actor, id, true);
      const issues = new IssueList();
      const closesAt = parseTime(issues, 'closesAt', change.closesAt);
      if (call.status === 'published') {
        const others = Object.keys(change).filter((k) => k !== 'closesAt');
        if (others.length > 0 || !closesAt)
          throw new AppError(
            'CONFLICT',
            `A published call may only extend its closesAt; ${others.join(', ') || 'nothing'} cannot change.`,
          );
        if (closesAt <= call.closesAt)
          throw new AppError('CONFLICT', 'A published call’s deadline may only move later.', [
            { field: 'closesAt', code: 'CONFLICT', message: `Give a time after ${call.closesAt.toISOString()}.` },
          ]);
        await tx.update(calls).set({ closesAt, updatedAt: new Date() }).where(eq(calls.id, call.id));
        await recordAudit(tx, actor, {
          action: 'call.deadline_extended',
          subjectType: 'call',
          subjectId: call.id,
          details: { before: call.closesAt.toISOString(), after: closesAt.toISOString() },
        });
        return presentCallDetail(tx, { ...call, closesAt }, actor);
      }
      if (call.status !== 'draft') throw new AppError('CONFLICT', `A call that is ${call.status} cannot be edited.`);

      const opensAt = parseTime(issues, 'opensAt', change.opensAt);
      const loiClosesAt =
        change.loiClosesAt === undefined ? call.loiClosesAt : parseTime(issues, 'loiClosesAt', change.loiClosesAt);
      issues.throwIfAny();
      const shape: CallShape = {
        stages: change.stages ?? call.stages,
        timeZone: change.timeZone ?? call.timeZone,
        opensAt: opensAt ?? call.opensAt,
        loiClosesAt,
        closesAt: closesAt ?? call.closesAt,
        eligibility: change.eligibility ?? (call.eligibility as CallShape['eligibility']),
        requiredDocuments: change.requiredDocuments ?? (call.requiredDocuments as CallShape['requiredDocuments']),
        criteria: change.criteria,
        sampleOffers: change.sampleOffers,
        moduleOffers: change.moduleOffers,
      };
      const moduleRows = await checkCallShape(tx, shape, issues);
      issues.throwIfAny();
      const values = {
        title: change.title ?? call.title,
        summary: change.summary === undefined ? call.summary : change.summary,
        stages: shape.stages,
        timeZone: shape.timeZone,
        opensAt: shape.opensAt,
        loiClosesAt: shape.loiClosesAt,
        closesAt: shape.closesAt,
        eligibility: shape.eligibility,
        requiredDocuments: shape.requiredDocuments,
      };
      const [updated] = await tx
        .update(calls)
        .set({ ...values, updatedAt: new Date() })
        .where(eq(calls.id, call.id))
        .returning();
      await replaceCallChildren(tx, call.id, shape, moduleRows);
      await recordAudit(tx, actor, { action: 'call.updated', subjectType: 'call', subjectId: call.id, details: { change } });
      return presentCallDetail(tx, updated!, actor);
    });
  } catch (error) {
    translateWriteError(error, 'call', 'id');
  }
}
