import { and, eq, ne } from 'drizzle-orm';
import type { DbOrTx } from '../../db/connection.js';
import { applications } from '../../db/schema.js';
import { submissionWindow } from '../../domain/calls/window.js';
import type { CallRow } from '../calls/call-access.js';
import { windowInput } from '../calls/present-call.js';
import type { ApplicationRow } from './application-access.js';

export interface FullProposalStep {
  applicationId: string | null;
  canStart: boolean;
  closesAt: string;
  reason?: string;
}

/**
 * What follows a shortlisted letter of intent: the full proposal, started or not, and whether it can
 * be started now (the same window rule create-application.ts enforces). Null for anything else.
 */
export function fullProposalStep(
  application: Pick<ApplicationRow, 'stage' | 'status'>,
  call: CallRow,
  existingFullProposalId: string | null,
  now: Date,
): FullProposalStep | null {
  if (call.stages !== 2 || application.stage !== 'letter_of_intent' || application.status !== 'shortlisted') return null;
  const window = submissionWindow(windowInput(call), 'full_proposal', now);
  return {
    applicationId: existingFullProposalId,
    canStart: existingFullProposalId === null && window.open,
    closesAt: window.closesAt.toISOString(),
    ...(existingFullProposalId === null && !window.open && window.reason ? { reason: window.reason } : {}),
  };
}

/** The owner's full proposal to a call (withdrawn ones left out), if any. */
export async function ownFullProposalId(db: DbOrTx, ownerAccountId: string, callId: string): Promise<string | null> {
  const [row] = await db
    .select({ id: applications.id })
    .from(applications)
    .where(
      and(
        eq(applications.callId, callId),
        eq(applications.ownerAccountId, ownerAccountId),
        eq(applications.stage, 'full_proposal'),
        ne(applications.status, 'withdrawn'),
      ),
    )
    .limit(1);
  return row?.id ?? null;
}
