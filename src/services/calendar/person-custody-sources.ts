import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/connection.js';
import { localTime } from '../../domain/calendar/calendar-entry.js';
import type { PersonSource } from './person-sources.js';

// The person's dated duties from agreements and loans (issue 11 item 7): signatures they owe, and
// the duties of loans their institution borrows.

/** Agreements awaiting the person's signature (they are a signatory by e-mail and have not signed): the deadline. */
export const signatureDeadlines: PersonSource = async (db, accountId, base) => {
  const rows = await queryRows<{ id: string; reference: string; title: string; deadline: string; party: string }>(
    db,
    sql`select a.id, a.reference, a.title, a.signature_deadline as deadline, s.party_name as party
        from accounts p
        join agreement_signatories s on lower(s.email) = lower(p.email)
        join agreements a on a.id = s.agreement_id
        where p.id = ${accountId} and a.status = 'awaiting_signatures' and a.signature_deadline is not null
          and not exists (select 1 from agreement_signatures g where g.signatory_id = s.id)`,
  );
  return rows.map((r) => {
    const at = new Date(r.deadline);
    return {
      uid: `signature-${r.id}-${accountId}@orbitshare`,
      kind: 'signature_deadline' as const,
      title: `Signature due: ${r.reference}`,
      at,
      description: `${r.title}. You sign for ${r.party}. Deadline ${localTime(at, 'UTC')}.`,
      url: `${base}/agreements/${r.id}/sign`,
    };
  });
};

const DUTY_TITLES: Record<string, string> = {
  annual_inventory: 'Annual inventory due',
  research_report: 'Research report due',
  return: 'Return or consumption record due',
};

/**
 * Open loans borrowed by an institution the person applies for: each yearly inventory and report
 * not yet fulfilled or waived (computed for the whole loan, not only the ones the scheduled duty has
 * already materialised, so a subscribed calendar shows the years ahead), and the return at the end.
 */
export const loanDuties: PersonSource = async (db, accountId, base) => {
  const rows = await queryRows<{ loan_id: string; reference: string; kind: string; period: number; due_on: string }>(
    db,
    sql`with mine as (
          select l.id, l.reference, l.opened_at, l.due_on from loans l
          where l.status = 'open' and exists (
            select 1 from role_grants g where g.account_id = ${accountId} and g.role = 'applicant' and g.revoked_at is null
              and g.scope_type = 'institution' and g.scope_id = l.borrower_institution_id::text)
        ), due as (
          select m.id, m.reference, k.kind, n.n as period, (m.opened_at::date + make_interval(years => n.n))::date as due_on
          from mine m
          cross join (values ('annual_inventory'), ('research_report')) k(kind)
          cross join lateral generate_series(1, 100) n(n)
          where (m.opened_at::date + make_interval(years => n.n))::date < m.due_on
          union all
          select m.id, m.reference, 'return', 0, m.due_on from mine m
        )
        select d.id as loan_id, d.reference, d.kind, d.period, to_char(d.due_on, 'YYYY-MM-DD') as due_on from due d
        where not exists (
          select 1 from borrower_duties b where b.loan_id = d.id and b.status <> 'open'
            and b.kind = case when d.kind = 'return' then 'final_accounting' else d.kind end and b.period = d.period)`,
  );
  return rows.map((r) => ({
    uid: `loan-duty-${r.loan_id}-${r.kind}-${r.period}-${accountId}@orbitshare`,
    kind: 'loan_duty' as const,
    title: `${DUTY_TITLES[r.kind] ?? r.kind}: loan ${r.reference}`,
    at: new Date(`${r.due_on}T00:00:00Z`),
    description: r.kind === 'return' ? `The loan ends on ${r.due_on}.` : `Year ${r.period} of the loan, due ${r.due_on}.`,
    url: `${base}/borrower/loans/${r.loan_id}`,
  }));
};
