import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/connection.js';
import { authorize } from '../../policies/policy.js';
import type { Actor } from '../actor.js';

/** Loans with their borrower, agreement, items and each item's current custodian (curators, officers). */
export async function listLoans(db: Db, actor: Actor, filter: { agreementId?: string } = {}) {
  authorize(actor, 'loans.read');
  const rows = await queryRows<{
    id: string;
    reference: string;
    status: string;
    due_on: string;
    opened_at: Date | string;
    agreement_id: string;
    agreement: string;
    borrower: string;
    items: { number: string; massUg: number; custodian: string | null; custodianKind: string | null }[];
  }>(
    db,
    sql`select l.id, l.reference, l.status, to_char(l.due_on, 'YYYY-MM-DD') as due_on, l.opened_at, l.agreement_id,
               a.reference as agreement, i.name as borrower,
               coalesce((select json_agg(json_build_object('number', s.number, 'massUg', li.allocated_mass_ug,
                          'custodian', c.holder, 'custodianKind', c.custodian_kind) order by s.number)
                 from loan_items li join samples s on s.id = li.sample_id
                 left join sample_custodians c on c.sample_id = s.id and c."until" is null
                 where li.loan_id = l.id), '[]'::json) as items
        from loans l join agreements a on a.id = l.agreement_id join institutions i on i.id = l.borrower_institution_id
        ${filter.agreementId ? sql`where a.series_id = (select series_id from agreements where id = ${filter.agreementId})` : sql``}
        order by l.opened_at desc`,
  );
  return rows.map((r) => ({
    id: r.id,
    reference: r.reference,
    status: r.status,
    dueOn: r.due_on,
    openedAt: new Date(r.opened_at).toISOString(),
    agreementId: r.agreement_id,
    agreement: r.agreement,
    borrower: r.borrower,
    items: r.items.map((i) => ({ ...i, massUg: Number(i.massUg) })),
  }));
}
