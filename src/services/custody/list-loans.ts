import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/connection.js';
import { authorize, isAdministrator } from '../../policies/policy.js';
import type { Actor } from '../actor.js';

function scopeIds(actor: Actor, role: 'curator' | 'applicant') {
  if (actor.kind !== 'account') return [];
  return actor.grants.filter((g) => g.role === role && g.scopeId).map((g) => g.scopeId!);
}

const ids = (list: string[]) =>
  sql.join(
    list.map((id) => sql`${id}::uuid`),
    sql`, `,
  );

/**
 * Loans with their state at a glance: for a curator those lending samples of their collections, for
 * a borrower those of their institutions (`as`).
 */
export async function listLoans(db: Db, actor: Actor, as: 'curator' | 'borrower') {
  authorize(actor, as === 'curator' ? 'custody.read' : 'custody.borrower.read');
  const all = as === 'curator' && isAdministrator(actor);
  const scope = scopeIds(actor, as === 'curator' ? 'curator' : 'applicant');
  if (!all && scope.length === 0) return { loans: [] };
  const filter = all
    ? sql`true`
    : as === 'curator'
      ? sql`exists (select 1 from loan_items li join samples s on s.id = li.sample_id where li.loan_id = l.id and s.collection_id in (${ids(scope)}))`
      : sql`l.borrower_institution_id in (${ids(scope)})`;
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`select l.id, l.reference, l.status, to_char(l.due_on, 'YYYY-MM-DD') as "dueOn", i.name as "borrowerName", i.country_code as "borrowerCountry",
          (select count(*)::int from loan_items li where li.loan_id = l.id) as items,
          (select coalesce(sum(li.out_ug), 0)::float8 from loan_items li where li.loan_id = l.id) as "outUg",
          (select count(*)::int from borrower_duties d where d.loan_id = l.id and d.status = 'open' and d.due_on < current_date) as "overdueDuties",
          (select count(*)::int from shipments sh where sh.loan_id = l.id and sh.status = 'in_transit') as "inTransit"
        from loans l join institutions i on i.id = l.borrower_institution_id
        where ${filter} order by l.status, l.reference limit 500`,
  );
  return { loans: rows };
}
