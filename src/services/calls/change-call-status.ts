import { eq } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { calls } from '../../db/schema.js';
import { type CallEvent, nextCallStatus } from '../../domain/calls/call-state.js';
import type { CallStatus } from '../../domain/calls/vocabulary.js';
import { AppError } from '../../domain/errors.js';
import { authorize } from '../../policies/policy.js';
import type { Actor } from '../actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { databaseNow, loadManagedCall } from './call-access.js';
import { presentCallDetail } from './present-call.js';

const AUDIT_ACTION: Record<CallEvent, string> = {
  publish: 'call.published',
  close: 'call.closed',
  start_review: 'call.review_started',
  decide: 'call.decided',
  cancel: 'call.cancelled',
};

/** Moves a call along its state machine (domain/calls/call-state.ts), audited; a refused move changes nothing. */
export async function changeCallStatus(db: Db, actor: Actor, id: string, event: CallEvent) {
  authorize(actor, 'calls.manage');
  return db.transaction(async (tx) => {
    const call = await loadManagedCall(tx, actor, id, true);
    const to = nextCallStatus(call.status as CallStatus, event);
    if (event === 'publish') {
      if (call.closesAt <= (await databaseNow(tx)))
        throw new AppError('CONFLICT', 'The call’s deadline has passed; move closesAt later before publishing.', [
          { field: 'closesAt', code: 'CONFLICT', message: 'The deadline is in the past.' },
        ]);
    }
    const [updated] = await tx.update(calls).set({ status: to, updatedAt: new Date() }).where(eq(calls.id, call.id)).returning();
    await recordAudit(tx, actor, {
      action: AUDIT_ACTION[event],
      subjectType: 'call',
      subjectId: call.id,
      details: { from: call.status, to },
    });
    return presentCallDetail(tx, updated!, actor);
  });
}
