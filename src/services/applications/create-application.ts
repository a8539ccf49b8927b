import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { applications } from '../../db/schema.js';
import type { ApplicationStage } from '../../domain/calls/vocabulary.js';
import { submissionWindow } from '../../domain/calls/window.js';
import { AppError } from '../../domain/errors.js';
import { authorize } from '../../policies/policy.js';
import type { Actor } from '../actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { callNotFound, canSeeCall, loadCallRow } from '../calls/call-access.js';
import { windowInput } from '../calls/present-call.js';
import { presentApplicationDetail } from './present-application.js';

/**
 * Opens a draft application owned by the caller, while the window of its stage is open. A full
 * proposal of a two-stage call needs the caller's own shortlisted letter of intent.
 */
export async function createApplication(db: Db, actor: Actor, callId: string, input: { stage?: ApplicationStage }) {
  authorize(actor, 'applications.write');
  if (actor.kind !== 'account') throw new AppError('UNAUTHENTICATED', 'Sign in to apply.');
  return db.transaction(async (tx) => {
    const call = await loadCallRow(tx, callId);
    if (!call || !canSeeCall(actor, call)) throw callNotFound(callId);
    const stage: ApplicationStage = input.stage ?? (call.stages === 2 ? 'letter_of_intent' : 'full_proposal');
    const window = submissionWindow(windowInput(call), stage, new Date());
    if (!window.open) {
      const message = window.reason ?? 'The call is not open for this stage.';
      throw new AppError('CONFLICT', message, [{ field: 'stage', code: 'CONFLICT', message }]);
    }
    if (call.stages === 2 && stage === 'full_proposal') {
      const [loi] = await tx
        .select({ id: applications.id })
        .from(applications)
        .where(
          and(
            eq(applications.callId, call.id),
            eq(applications.ownerAccountId, actor.accountId),
            eq(applications.stage, 'letter_of_intent'),
            eq(applications.status, 'shortlisted'),
          ),
        )
        .limit(1);
      if (!loi) {
        const message = 'A full proposal to this call needs your letter of intent to have been shortlisted.';
        throw new AppError('CONFLICT', message, [{ field: 'stage', code: 'CONFLICT', message }]);
      }
    }
    const [application] = await tx
      .insert(applications)
      .values({ callId: call.id, ownerAccountId: actor.accountId, stage, draft: {}, draftRevision: 0 })
      .returning();
    await recordAudit(tx, actor, {
      action: 'application.created',
      subjectType: 'application',
      subjectId: application!.id,
      details: { callId: call.id, stage },
    });
    return presentApplicationDetail(tx, application!, call);
  });
}
