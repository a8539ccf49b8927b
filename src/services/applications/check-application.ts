import type { Db } from '../../db/connection.js';
import type { ApplicationStage } from '../../domain/calls/vocabulary.js';
import { submissionWindow } from '../../domain/calls/window.js';
import { authorize } from '../../policies/policy.js';
import type { Actor } from '../actor.js';
import { windowInput } from '../calls/present-call.js';
import { loadOwnApplication } from './application-access.js';
import { parseDraftDocument } from './save-draft.js';
import { evaluateSubmission } from './submission-context.js';

/** What submitting the current draft would say, without writing anything (shown before submitting). */
export async function checkApplication(db: Db, actor: Actor, id: string) {
  authorize(actor, 'applications.write');
  const { application, call } = await loadOwnApplication(db, actor, id);
  const stage = application.stage as ApplicationStage;
  const document = parseDraftDocument(application.draft);
  const { issues, check } = await evaluateSubmission(db, call, application.id, stage, document);
  const window = submissionWindow(windowInput(call), stage, new Date());
  return {
    revision: application.draftRevision,
    issues,
    check,
    window: { open: window.open, closesAt: window.closesAt.toISOString(), ...(window.reason ? { reason: window.reason } : {}) },
  };
}
