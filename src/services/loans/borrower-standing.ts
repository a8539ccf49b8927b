import type { DbOrTx } from '../../db/connection.js';
import { overdueDuties } from '../custody/borrower-duties.js';

/**
 * Is a borrower institution blocked from new allocations, and why? The hook selection (issue 9)
 * asks before granting samples. Each check returns the reasons it finds (none: in good standing).
 * The borrower's duties (annual inventory, reports, returns; issue 10 item 5) add their overdue
 * check here — one entry in STANDING_CHECKS — so selection needs no change when they arrive.
 */
export type StandingCheck = (db: DbOrTx, institutionId: string) => Promise<string[]>;

/** An overdue duty under an open loan (the same read the selection refuses allocations on). */
const overdue: StandingCheck = async (db, institutionId) =>
  (await overdueDuties(db, { institutionIds: [institutionId] })).map(
    (d) => `overdue ${d.kind.replaceAll('_', ' ')} of loan ${d.loanReference} (due ${d.dueOn})`,
  );

export const STANDING_CHECKS: StandingCheck[] = [overdue];

export interface BorrowerStanding {
  institutionId: string;
  blocked: boolean;
  reasons: string[];
}

export async function borrowerStanding(db: DbOrTx, institutionId: string): Promise<BorrowerStanding> {
  const reasons: string[] = [];
  for (const check of STANDING_CHECKS) reasons.push(...(await check(db, institutionId)));
  return { institutionId, blocked: reasons.length > 0, reasons };
}
