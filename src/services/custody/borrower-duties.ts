import { sql } from 'drizzle-orm';
import { type DbOrTx, queryRows } from '../../db/connection.js';

// Reads of the borrower's duties shared by the curator's overdue list, the selection's block and
// the reminders. "Overdue": open after its due date, on an open loan (database clock, UTC days).

export interface OverdueDuty {
  dutyId: string;
  kind: string;
  period: number;
  dueOn: string;
  daysOverdue: number;
  loanId: string;
  loanReference: string;
  institutionId: string;
  institutionName: string;
  countryCode: string | null;
}

/**
 * Overdue duties, oldest first. `collectionIds`: only loans lending samples of these collections
 * (a curator's); undefined for all (administrators, the selection). The scope is one semi-join on
 * `loan_collections` (migration 0019), not a look at each loan's items and their samples.
 */
export async function overdueDuties(db: DbOrTx, filter: OverdueFilter = {}): Promise<OverdueDuty[]> {
  if (filter.collectionIds?.length === 0 || filter.institutionIds?.length === 0) return [];
  const rows = await queryRows<Record<string, unknown>>(db, overdueDutiesQuery(filter));
  return rows.map((r) => ({
    dutyId: String(r.id),
    kind: String(r.kind),
    period: Number(r.period),
    dueOn: String(r.due_on),
    daysOverdue: Number(r.days),
    loanId: String(r.loan_id),
    loanReference: String(r.reference),
    institutionId: String(r.institution_id),
    institutionName: String(r.name),
    countryCode: (r.country_code as string | null) ?? null,
  }));
}

export interface OverdueFilter {
  collectionIds?: readonly string[];
  institutionIds?: readonly string[];
  limit?: number;
}

/** The overdue list's query (also EXPLAINed by bench/custody.ts). */
export function overdueDutiesQuery(filter: OverdueFilter) {
  const inList = (ids: readonly string[]) =>
    sql.join(
      ids.map((id) => sql`${id}::uuid`),
      sql`, `,
    );
  return sql`select d.id, d.kind, d.period, to_char(d.due_on, 'YYYY-MM-DD') as due_on, (current_date - d.due_on)::int as days,
          l.id as loan_id, l.reference, i.id as institution_id, i.name, i.country_code
        from borrower_duties d
        join loans l on l.id = d.loan_id and l.status = 'open'
        join institutions i on i.id = l.borrower_institution_id
        where d.status = 'open' and d.due_on < current_date
          ${filter.institutionIds ? sql`and l.borrower_institution_id in (${inList(filter.institutionIds)})` : sql``}
          ${
            filter.collectionIds
              ? sql`and l.id in (select lc.loan_id from loan_collections lc where lc.collection_id in (${inList(filter.collectionIds)}))`
              : sql``
          }
        order by d.due_on, l.reference, d.kind
        limit ${filter.limit ?? 1000}`;
}

/** Institutions blocked from new sample allocations, each with its overdue duties. */
export async function blockedBorrowers(db: DbOrTx, institutionIds: readonly string[]): Promise<Map<string, OverdueDuty[]>> {
  const blocked = new Map<string, OverdueDuty[]>();
  if (institutionIds.length === 0) return blocked;
  for (const duty of await overdueDuties(db, { institutionIds: [...new Set(institutionIds)] }))
    blocked.set(duty.institutionId, [...(blocked.get(duty.institutionId) ?? []), duty]);
  return blocked;
}
