import type { Db } from '../../db/connection.js';
import { authorize } from '../../policies/policy.js';
import type { Actor } from '../actor.js';
import { loadReadableApplication, ownsApplication } from './application-access.js';
import { fullProposalStep, ownFullProposalId } from './full-proposal-step.js';
import { presentApplicationAs } from './present-application.js';

/**
 * One application: for its owner, the live draft; for an officer or official of the call's program,
 * the latest submitted version (a never-submitted draft is NOT_FOUND to them).
 */
export async function getApplication(db: Db, actor: Actor, id: string) {
  authorize(actor, 'applications.read');
  const { application, call, view } = await loadReadableApplication(db, actor, id);
  const detail = await presentApplicationAs(view, db, application, call);
  // The owner of a shortlisted letter of intent is told about the full proposal that follows.
  const step = ownsApplication(actor, application)
    ? fullProposalStep(application, call, await ownFullProposalId(db, application.ownerAccountId, call.id), new Date())
    : null;
  return step ? { ...detail, fullProposal: step } : detail;
}
