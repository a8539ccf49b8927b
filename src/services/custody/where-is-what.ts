import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/connection.js';
import { authorize, isAdministrator } from '../../policies/policy.js';
import type { Actor } from '../actor.js';

/**
 * What is where: for every sample of the curator's collections, its current custodian (the store,
 * a courier with the shipment, or a borrower and their country), with counts per place.
 */
export async function whereIsWhat(db: Db, actor: Actor, filter: { custodian?: 'agency' | 'courier' | 'borrower' } = {}) {
  authorize(actor, 'custody.read');
  const collections = isAdministrator(actor)
    ? null
    : actor.kind === 'account'
      ? actor.grants.filter((g) => g.role === 'curator' && g.scopeId).map((g) => g.scopeId!)
      : [];
  if (collections && collections.length === 0) return { summary: [], samples: [] };
  const scope = collections
    ? sql`s.collection_id in (${sql.join(
        collections.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`
    : sql`true`;
  const summary = await queryRows<Record<string, unknown>>(
    db,
    sql`select c.custodian_kind as custodian, coalesce(i.country_code, '') as country, count(*)::int as samples,
          coalesce(sum(s.balance_ug + coalesce((select sum(li.out_ug) from loan_items li where li.sample_id = s.id), 0)), 0)::float8 as "massUg"
        from samples s join sample_custodians c on c.sample_id = s.id and c."until" is null
        left join institutions i on i.id = c.institution_id
        where ${scope} group by 1, 2 order by 1, 2`,
  );
  const samples = await queryRows<Record<string, unknown>>(
    db,
    sql`select s.id, s.number, s.sample_type as "sampleType", s.status, s.balance_ug::float8 as "storeUg",
          coalesce((select sum(li.out_ug) from loan_items li where li.sample_id = s.id), 0)::float8 as "outUg",
          c.custodian_kind as custodian, c.holder, i.name as "institutionName", i.country_code as country, l.reference as "loanReference", l.id as "loanId",
          s.storage_location as "storageLocation"
        from samples s join sample_custodians c on c.sample_id = s.id and c."until" is null
        left join institutions i on i.id = c.institution_id left join loans l on l.id = c.loan_id
        where ${scope} ${filter.custodian ? sql`and c.custodian_kind = ${filter.custodian}` : sql``}
        order by c.custodian_kind desc, s.number limit 500`,
  );
  return { summary, samples };
}
