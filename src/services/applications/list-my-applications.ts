import { desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { applications, calls } from '../../db/schema.js';
import { authorize } from '../../policies/policy.js';
import type { Actor } from '../actor.js';
import { fullProposalStep } from './full-proposal-step.js';
import { presentApplicationSummary } from './present-application.js';

/** The caller's own applications, newest first. */
export async function listMyApplications(db: Db, actor: Actor) {
  authorize(actor, 'applications.read');
  if (actor.kind !== 'account') return [];
  const rows = await db
    .select({ application: applications, call: calls })
    .from(applications)
    .innerJoin(calls, eq(calls.id, applications.callId))
    .where(eq(applications.ownerAccountId, actor.accountId))
    .orderBy(desc(applications.updatedAt));
  const now = new Date();
  const fullProposalOf = (callId: string) =>
    rows.find(
      (r) => r.application.callId === callId && r.application.stage === 'full_proposal' && r.application.status !== 'withdrawn',
    )?.application.id ?? null;
  return rows.map((r) => {
    const step = fullProposalStep(r.application, r.call, fullProposalOf(r.call.id), now);
    return { ...presentApplicationSummary(r.application, r.call), ...(step ? { fullProposal: step } : {}) };
  });
}
