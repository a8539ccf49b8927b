import { sql } from 'drizzle-orm';
import { type DbOrTx, queryRows } from '../../src/db/connection.js';

/**
 * Custody invariants: every sample balances (its cached balance is the sum of its entries, never
 * negative, and its declared mass equals remainder + splits + consumption + losses + out on loan
 * within its weighing tolerance, as `sample_balance` computes it); every split pair balances; a
 * collection's parent samples never declare more than the collection's returned mass. With loans
 * (issue 10): every collection balances as a whole; every sample has exactly one current custodian;
 * no loan is open without a sample-loan agreement in force with its borrower; per loan item, returns
 * never exceed what was shipped, and what is out equals what its ledger entries say.
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
        group by c.id, c.slug, c.returned_mass_mg having sum(s.declared_mass_ug) > c.returned_mass_mg * 1000
        union all
        select 'collection ' || a.collection_id || ' does not balance: ' || sum(a.unaccounted_ug) || ' µg unaccounted'
        from sample_accounts a group by a.collection_id having abs(sum(a.unaccounted_ug)) > sum(a.tolerance_ug)
        union all
        select 'sample ' || s.number || ' has ' || count(c.id) || ' current custodians'
        from samples s left join sample_custodians c on c.sample_id = s.id and c."until" is null
        group by s.id, s.number having count(c.id) <> 1
        union all
        select 'loan ' || l.reference || ' is open without a sample-loan agreement in force with its borrower'
        from loans l join agreements a on a.id = l.agreement_id
        where l.status = 'open' and (a.status <> 'in_force' or a.kind <> 'sample_loan' or a.institution_id <> l.borrower_institution_id)
        union all
        select 'loan item ' || li.id || ' returned ' || li.returned_ug || ' µg of ' || li.shipped_ug || ' µg shipped (allocated '
             || li.allocated_mass_ug || '), out ' || li.out_ug || ' µg but its ledger says ' || coalesce(e.out_ug, 0)
        from loan_items li left join (
          select loan_item_id,
            sum(case when kind in ('ship', 'return') then -delta_ug when kind in ('consume', 'loss', 'contamination', 'receive') then delta_ug else 0 end) as out_ug
          from ledger_entries where loan_item_id is not null group by loan_item_id) e on e.loan_item_id = li.id
        where li.returned_ug > li.shipped_ug or li.shipped_ug > li.allocated_mass_ug or li.out_ug < 0
          or li.out_ug <> coalesce(e.out_ug, 0)`,
  );
  return rows.map((r) => r.problem);
}
