import { sql } from 'drizzle-orm';
import { type DbOrTx, queryRows } from '../../src/db/connection.js';

/**
 * Custody invariants: every sample balances (its cached balance is the sum of its entries, never
 * negative, and its declared mass equals remainder + splits + consumption + losses + out on loan
 * within its weighing tolerance, as `sample_balance` computes it); every split pair balances; a
 * collection's parent samples never declare more than the collection's returned mass. (One
 * custodian per subsample and returns ≤ lent per loan wait for loans, which are not modelled yet.)
 */
export async function custodyInvariants(db: DbOrTx): Promise<string[]> {
  const rows = await queryRows<{ problem: string }>(
    db,
    sql`select 'sample ' || b.number || ' does not balance: declared ' || b.declared_ug || ' µg, ledger ' || b.ledger_ug
             || ' µg (cached ' || b.cached_ug || '), unaccounted ' || b.unaccounted_ug || ' µg, tolerance ' || b.tolerance_ug as problem
        from samples s cross join lateral sample_balance(s.id) b
        where not b.balances
        union all
        select 'split of ' || o.sample_id || ' into ' || o.counterpart_sample_id || ' does not balance'
        from ledger_entries o
        left join ledger_entries i on i.kind = 'split_in' and i.sample_id = o.counterpart_sample_id and i.counterpart_sample_id = o.sample_id
        where o.kind = 'split_out' and (i.id is null or i.delta_ug <> -o.delta_ug)
        union all
        select 'collection ' || c.slug || ' declares ' || sum(s.declared_mass_ug) || ' µg of parent samples, more than its '
             || c.returned_mass_mg || ' mg'
        from sample_collections c join samples s on s.collection_id = c.id and s.parent_id is null
        group by c.id, c.slug, c.returned_mass_mg having sum(s.declared_mass_ug) > c.returned_mass_mg * 1000`,
  );
  return rows.map((r) => r.problem);
}
