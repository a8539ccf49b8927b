import { sql } from 'drizzle-orm';
import { type DbOrTx, queryRows } from '../../src/db/connection.js';

/**
 * Agreement and loan invariants: no open loan without a sample-loan agreement in force with its
 * borrower; an agreement in force has every signature, each confirming its document's hash; one
 * version in force per series; loan items stay within their allocation. (One current custodian per
 * sample is a custody invariant: each rule is checked by one checker, so it is reported once.)
 */
export async function agreementInvariants(db: DbOrTx): Promise<string[]> {
  const rows = await queryRows<{ problem: string }>(
    db,
    sql`select 'open loan ' || l.reference || ' stands under agreement ' || a.reference || ' v' || a.version || ', which is ' || a.status as problem
        from loans l join agreements a on a.id = l.agreement_id
        where l.status = 'open' and (a.status <> 'in_force' or a.kind <> 'sample_loan' or a.institution_id <> l.borrower_institution_id)
        union all
        select 'agreement ' || a.reference || ' v' || a.version || ' is ' || a.status || ' without every signature'
        from agreements a
        where a.status in ('in_force', 'superseded', 'expired')
          and (not exists (select 1 from agreement_signatories s where s.agreement_id = a.id)
               or exists (select 1 from agreement_signatories s where s.agreement_id = a.id
                          and not exists (select 1 from agreement_signatures g where g.signatory_id = s.id)))
        union all
        select 'signature ' || g.id || ' confirms a hash other than its agreement''s document'
        from agreement_signatures g join agreements a on a.id = g.agreement_id where g.confirmed_sha256 <> a.document_sha256
        union all
        select 'series ' || series_id || ' has ' || count(*) || ' versions in force'
        from agreements where status = 'in_force' group by series_id having count(*) > 1
        union all
        select 'allocation ' || li.allocation_id || ' is lent ' || sum(li.allocated_mass_ug) || ' µg, more than its ' || (sa.mass_mg * 1000)
        from loan_items li join sample_allocations sa on sa.id = li.allocation_id
        group by li.allocation_id, sa.mass_mg having sum(li.allocated_mass_ug) > sa.mass_mg * 1000`,
  );
  return rows.map((r) => r.problem);
}
