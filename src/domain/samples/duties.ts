// The borrower's duties under a loan (NASA's rules for lunar loans): an inventory of every subsample
// held and a research report each year, a return or consumption record for every subsample at the
// end. A borrower with any duty overdue gets no new samples.

export const DUTY_KINDS = ['annual_inventory', 'research_report', 'final_accounting'] as const;
export type DutyKind = (typeof DUTY_KINDS)[number];

export const DUTY_STATUSES = ['open', 'fulfilled', 'waived'] as const;
export type DutyStatus = (typeof DUTY_STATUSES)[number];

/** Days before its due date at which a duty is reminded once, and once more when overdue. */
export const DUE_SOON_DAYS = 30;

export const INVENTORY_STATES = ['intact', 'partly_consumed', 'consumed', 'lost', 'contaminated'] as const;
export type InventoryState = (typeof INVENTORY_STATES)[number];

/** Overdue: still open after its due date (dates as YYYY-MM-DD, compared as UTC days). */
export function isOverdue(duty: { status: DutyStatus; dueOn: string }, today: string): boolean {
  return duty.status === 'open' && duty.dueOn < today;
}

/** The stable reason a selection refuses a borrower with overdue duties. */
export const BORROWER_BLOCKED_REASON = 'BORROWER_BLOCKED';

/** DOIs as Crossref prints them: 10.<registrant>/<suffix>, case kept, an https://doi.org/ prefix dropped. */
export function normaliseDoi(input: string): string | null {
  const doi = input
    .trim()
    .replace(/^https?:\/\/(dx\.)?doi\.org\//i, '')
    .replace(/^doi:/i, '');
  return /^10\.\d{4,9}\/\S+$/.test(doi) ? doi : null;
}
