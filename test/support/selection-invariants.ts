import { sql } from 'drizzle-orm';
import { type DbOrTx, queryRows } from '../../src/db/connection.js';

/**
 * Selection invariants over every decided call: the decided set (selected and conditional) exceeds
 * no module pool (mass, power, data), no sample offer's mass less its reserve, and neither country
 * rule (at most N per country, at least K distinct countries); it keeps the official's links
 * (exclusive pairs, required-together pairs, must-reject) and decides every merged project whole; an
 * allocation never belongs to a rejection; and every rejection of a proposal ranked above a selected
 * one — by its merit in the selection model, entered or else the frozen panel's calibrated score × 10
 * — carries a reason. Countries are counted as the selection model counts them (the lead's country,
 * 'unknown' when none).
 */
export async function selectionInvariants(db: DbOrTx): Promise<string[]> {
  const rows = await queryRows<{ problem: string }>(
    db,
    sql`with chosen as (
          select d.call_id, d.application_id, coalesce(a.lead_country, 'unknown') as country
          from selection_decisions d join applications a on a.id = d.application_id
          where d.outcome in ('selected', 'conditional')
        ), decided as (
          select distinct call_id from selection_decisions
        ), module_use as (
          select m.id, m.call_id, m.pool_mass_g, m.pool_power_mw, m.pool_data_mb_per_day,
                 coalesce(sum(r.mass_g), 0) as mass_g, coalesce(sum(r.avg_power_mw), 0) as power_mw,
                 coalesce(sum(r.data_mb_per_day), 0) as data_mb
          from call_module_offers m
          join application_requests r on r.module_offer_id = m.id
          join applications a on a.id = r.application_id and r.version = a.submitted_version
          join chosen c on c.application_id = a.id and c.call_id = m.call_id
          group by m.id
        ), latest_panel as (
          select distinct on (rr.call_id) rr.call_id, p.result
          from panel_results p join review_rounds rr on rr.id = p.round_id
          order by rr.call_id, p.frozen_at desc
        ), panel_merit as (
          select lp.call_id, (e->>'applicationId')::uuid as application_id,
                 greatest(0, round((e->>'calibrated')::numeric * 10))::int as merit
          from latest_panel lp, jsonb_array_elements(coalesce(lp.result->'ranking', '[]'::jsonb)) e
          where jsonb_typeof(e->'calibrated') = 'number'
        ), ranked as (
          select d.call_id, d.application_id, d.outcome, d.reason, coalesce(sm.merit, pm.merit) as merit
          from selection_decisions d
          left join selection_merits sm on sm.call_id = d.call_id and sm.application_id = d.application_id
          left join panel_merit pm on pm.call_id = d.call_id and pm.application_id = d.application_id
        ), links as (
          select r.call_id, r.links, r.must_reject from selection_rules r join decided using (call_id)
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
        select 'call ' || c.call_id || ' selects ' || count(*) || ' proposals from ' || c.country || ' (cap ' || r.country_cap || ')'
        from chosen c
        join selection_rules r on r.call_id = c.call_id and r.country_cap is not null
        group by c.call_id, c.country, r.country_cap
        having count(*) > r.country_cap
        union all
        select 'call ' || r.call_id || ' selects from ' || count(distinct c.country) || ' countries (at least ' || r.min_countries || ' required)'
        from selection_rules r
        join decided using (call_id)
        left join chosen c on c.call_id = r.call_id
        where r.min_countries is not null
        group by r.call_id, r.min_countries
        having count(distinct c.country) < r.min_countries
        union all
        select 'call ' || l.call_id || ' selects both ' || (e->>0) || ' and ' || (e->>1) || ', which exclude each other'
        from links l, jsonb_array_elements(l.links->'excludes') e
        where exists (select 1 from chosen c where c.call_id = l.call_id and c.application_id::text = e->>0)
          and exists (select 1 from chosen c where c.call_id = l.call_id and c.application_id::text = e->>1)
        union all
        select 'call ' || l.call_id || ' selects ' || (e->>'proposal') || ' without ' || (e->>'needs') || ', which it needs'
        from links l, jsonb_array_elements(l.links->'requires') e
        where exists (select 1 from chosen c where c.call_id = l.call_id and c.application_id::text = e->>'proposal')
          and exists (select 1 from selection_decisions d where d.call_id = l.call_id and d.application_id::text = e->>'needs'
                      and d.outcome = 'rejected')
        union all
        select 'call ' || l.call_id || ' selects ' || (e->>'id') || ', which the official must reject'
        from links l, jsonb_array_elements(l.must_reject) e
        where exists (select 1 from chosen c where c.call_id = l.call_id and c.application_id::text = e->>'id')
        union all
        select 'call ' || g.call_id || ' splits the merged project ' || g.name
        from selection_merge_groups g
        join selection_merge_members m on m.group_id = g.id
        join selection_decisions d on d.call_id = g.call_id and d.application_id = m.application_id
        group by g.id, g.call_id, g.name
        having bool_or(d.outcome in ('selected', 'conditional')) and bool_or(d.outcome = 'rejected')
        union all
        select 'call ' || rej.call_id || ': proposal ' || rej.application_id || ' ranked above a selected one is rejected without a reason'
        from ranked rej
        where rej.outcome = 'rejected' and length(btrim(coalesce(rej.reason, ''))) = 0
          and exists (
            select 1 from ranked sel
            where sel.call_id = rej.call_id and sel.outcome in ('selected', 'conditional') and sel.merit < rej.merit
          )`,
  );
  return rows.map((r) => r.problem);
}
