import { sql } from 'drizzle-orm';
import { type DbOrTx, queryRows } from '../../src/db/connection.js';

/**
 * Custody invariants: every sample balances (its cached balance is the sum of its entries, never
 * negative, and its declared mass equals remainder + splits + consumption + losses + out on loan
 * within its weighing tolerance, as the `sample_accounts` view computes it from the ledger itself,
 * in one grouped pass for all samples); every split pair balances; a collection's parent samples
 * never declare more than the collection's returned mass. With loans (issue 10): every collection
 * balances as a whole; every sample has exactly one current custodian; per loan item, returns
 * never exceed what was shipped, and what is out equals what its ledger entries say; the
 * collections a loan draws on (`loan_collections`) are those of its items' samples.
 *
 * Each rule has one owner, so a violation is reported once: "no open loan without an agreement
 * in force" belongs to the agreement invariants, "one current custodian" to these.
 */
export async function custodyInvariants(db: DbOrTx): Promise<string[]> {
  const rows = await queryRows<{ problem: string }>(
    db,
    sql`with accounts as (select * from sample_accounts)
        select 'sample ' || b.number || ' does not balance: declared ' || b.declared_ug || ' µg, ledger ' || b.ledger_ug
             || ' µg (cached ' || b.cached_ug || '), unaccounted ' || b.unaccounted_ug || ' µg, tolerance ' || b.tolerance_ug as problem
        from accounts b
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
        group by c.id, c.slug, c.returned_mass_mg having sum(s.declared_mass_ug) > c.returned_mass_mg * 1000
        union all
        select 'collection ' || a.collection_id || ' does not balance: ' || sum(a.unaccounted_ug) || ' µg unaccounted'
        from accounts a group by a.collection_id having abs(sum(a.unaccounted_ug)) > sum(a.tolerance_ug)
        union all
        select 'sample ' || s.number || ' has ' || count(c.id) || ' current custodians'
        from samples s left join sample_custodians c on c.sample_id = s.id and c."until" is null
        group by s.id, s.number having count(c.id) <> 1
        union all
        select 'loan item ' || li.id || ' returned ' || li.returned_ug || ' µg of ' || li.shipped_ug || ' µg shipped (allocated '
             || li.allocated_mass_ug || '), out ' || li.out_ug || ' µg but its ledger says ' || coalesce(e.out_ug, 0)
        from loan_items li left join (
          select loan_item_id,
            sum(case when kind in ('ship', 'return') then -delta_ug when kind in ('consume', 'loss', 'contamination', 'receive') then delta_ug else 0 end) as out_ug
          from ledger_entries where loan_item_id is not null group by loan_item_id) e on e.loan_item_id = li.id
        where li.returned_ug > li.shipped_ug or li.shipped_ug > li.allocated_mass_ug or li.out_ug < 0
          or li.out_ug <> coalesce(e.out_ug, 0)
        union all
        select 'loan ' || coalesce(d.loan_id, lc.loan_id) || ' and collection ' || coalesce(d.collection_id, lc.collection_id)
             || case when lc.loan_id is null then ' are missing from' else ' are wrongly in' end || ' loan_collections'
        from (select distinct li.loan_id, s.collection_id from loan_items li join samples s on s.id = li.sample_id) d
        full join loan_collections lc on lc.loan_id = d.loan_id and lc.collection_id = d.collection_id
        where d.loan_id is null or lc.loan_id is null`,
  );
  return rows.map((r) => r.problem);
}
