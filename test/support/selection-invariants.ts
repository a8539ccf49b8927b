import { sql } from 'drizzle-orm';
import { type DbOrTx, queryRows } from '../../src/db/connection.js';

/**
 * Selection invariants: no decided set exceeds a module pool, a sample offer's mass less its
 * reserve, or the call's country cap; and every rejection of a proposal ranked above a selected one
 * (by its merit in the selection model) carries a reason.
 */
export async function selectionInvariants(db: DbOrTx): Promise<string[]> {
  const rows = await queryRows<{ problem: string }>(
    db,
    sql`with chosen as (
          select d.call_id, d.application_id from selection_decisions d where d.outcome in ('selected', 'conditional')
        ), module_use as (
          select m.id, m.call_id, m.pool_mass_g, m.pool_power_mw, m.pool_data_mb_per_day,
                 coalesce(sum(r.mass_g), 0) as mass_g, coalesce(sum(r.avg_power_mw), 0) as power_mw,
                 coalesce(sum(r.data_mb_per_day), 0) as data_mb
          from call_module_offers m
          join application_requests r on r.module_offer_id = m.id
          join applications a on a.id = r.application_id and r.version = a.submitted_version
          join chosen c on c.application_id = a.id and c.call_id = m.call_id
          group by m.id
        )
        select 'call ' || call_id || ' decided more than the pool of module offer ' || id as problem
        from module_use
        where mass_g > pool_mass_g or power_mw > coalesce(pool_power_mw, power_mw) or data_mb > coalesce(pool_data_mb_per_day, data_mb)
        union all
        select 'call ' || o.call_id || ' allocates ' || sum(s.mass_mg) || ' mg of sample offer ' || o.id || ' (available less reserve ' || (o.available_mg - o.reserve_mg) || ')'
        from call_sample_offers o join sample_allocations s on s.sample_offer_id = o.id
        group by o.id
        having sum(s.mass_mg) > o.available_mg - o.reserve_mg
        union all
        select 'allocation ' || s.id || ' belongs to a rejected decision'
        from sample_allocations s join selection_decisions d on d.id = s.decision_id where d.outcome = 'rejected'
        union all
        select 'call ' || c.call_id || ' selects ' || count(*) || ' proposals from ' || coalesce(a.lead_country, '?') || ' (cap ' || r.country_cap || ')'
        from chosen c
        join applications a on a.id = c.application_id
        join selection_rules r on r.call_id = c.call_id and r.country_cap is not null
        group by c.call_id, a.lead_country, r.country_cap
        having count(*) > r.country_cap
        union all
        select 'call ' || rej.call_id || ': proposal ' || rej.application_id || ' ranked above a selected one is rejected without a reason'
        from selection_decisions rej
        join selection_merits mr on mr.call_id = rej.call_id and mr.application_id = rej.application_id
        where rej.outcome = 'rejected' and length(btrim(rej.reason)) = 0
          and exists (
            select 1 from selection_decisions sel
            join selection_merits ms on ms.call_id = sel.call_id and ms.application_id = sel.application_id
            where sel.call_id = rej.call_id and sel.outcome in ('selected', 'conditional') and ms.merit < mr.merit
          )`,
  );
  return rows.map((r) => r.problem);
}
