import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/connection.js';
import type { ApplicationStage } from '../../domain/calls/vocabulary.js';
import { authorize } from '../../policies/policy.js';
import type { Actor } from '../actor.js';
import { loadCallForApplications } from './call-access.js';

/**
 * Counts by country and, per offer, what was offered and what the submitted applications ask. In a
 * two-stage call the figures are those of one stage: the full proposals once there are any, the
 * letters of intent before (adding both would count most requests twice).
 */
export async function callStats(db: Db, actor: Actor, callId: string) {
  authorize(actor, 'calls.applications.read');
  const call = await loadCallForApplications(db, actor, callId);
  const [current] = await queryRows<{ stage: ApplicationStage }>(
    db,
    sql`select case when exists (select 1 from applications a where a.call_id = ${call.id} and a.stage = 'full_proposal'
                                   and a.status in ('submitted', 'shortlisted') and a.submitted_version is not null)
                    or ${call.stages} = 1
               then 'full_proposal' else 'letter_of_intent' end as stage`,
  );
  const stage = current?.stage ?? 'full_proposal';
  // Applications that count: submitted and shortlisted ones of that stage, by their current version.
  const LIVE = sql`a.status in ('submitted', 'shortlisted') and a.submitted_version is not null and a.stage = ${stage}`;
  const [total] = await queryRows<{ n: number | string }>(
    db,
    sql`select count(*) as n from applications a where a.call_id = ${call.id} and ${LIVE}`,
  );
  const byCountry = await queryRows<{
    country_code: string | null;
    team: number | string;
    apps: number | string;
    leads: number | string;
  }>(
    db,
    sql`with members as (
          select a.id as application_id, m->>'institutionId' as institution_id, m->>'role' as role
            from applications a
            join application_versions v on v.application_id = a.id and v.version = a.submitted_version
            cross join lateral jsonb_array_elements(coalesce(v.content->'team', '[]'::jsonb)) m
           where a.call_id = ${call.id} and ${LIVE}
        )
        select i.country_code, count(*) as team, count(distinct mb.application_id) as apps,
               count(distinct mb.application_id) filter (where mb.role = 'lead') as leads
          from members mb
          join institutions i on i.id::text = mb.institution_id
         group by i.country_code
         order by count(*) desc, i.country_code`,
  );
  const samples = await queryRows<{
    id: string;
    sample_type: string;
    collection_name: string;
    available_mg: number | string;
    reserve_mg: number | string;
    requested: number | string;
    requests: number | string;
  }>(
    db,
    sql`select o.id, o.sample_type, c.name as collection_name, o.available_mg, o.reserve_mg,
               coalesce(sum(r.mass_mg) filter (where a.id is not null), 0) as requested,
               count(r.id) filter (where a.id is not null) as requests
          from call_sample_offers o
          join sample_collections c on c.id = o.sample_collection_id
          left join application_requests r on r.sample_offer_id = o.id
          left join applications a on a.id = r.application_id and r.version = a.submitted_version and ${LIVE}
         where o.call_id = ${call.id}
         group by o.id, c.name
         order by c.name, o.sample_type`,
  );
  const modules = await queryRows<{
    id: string;
    name: string;
    pool_mass_g: number | string;
    mass_g: number | string;
    power_mw: number | string;
    requests: number | string;
  }>(
    db,
    sql`select o.id, h.name, o.pool_mass_g,
               coalesce(sum(r.mass_g) filter (where a.id is not null), 0) as mass_g,
               coalesce(sum(r.avg_power_mw) filter (where a.id is not null), 0) as power_mw,
               count(r.id) filter (where a.id is not null) as requests
          from call_module_offers o
          join host_modules h on h.id = o.host_module_id
          left join application_requests r on r.module_offer_id = o.id
          left join applications a on a.id = r.application_id and r.version = a.submitted_version and ${LIVE}
         where o.call_id = ${call.id}
         group by o.id, h.name
         order by h.name`,
  );
  return {
    callId: call.id,
    stage,
    applications: Number(total?.n ?? 0),
    byCountry: byCountry.map((r) => ({
      countryCode: r.country_code,
      teamInstitutions: Number(r.team),
      applications: Number(r.apps),
      leads: Number(r.leads),
    })),
    sampleOffers: samples.map((r) => ({
      offerId: r.id,
      sampleType: r.sample_type,
      collectionName: r.collection_name,
      offeredMg: Number(r.available_mg),
      reserveMg: Number(r.reserve_mg),
      requestedMg: Number(r.requested),
      requests: Number(r.requests),
    })),
    moduleOffers: modules.map((r) => ({
      offerId: r.id,
      hostModuleName: r.name,
      offeredMassG: Number(r.pool_mass_g),
      requestedMassG: Number(r.mass_g),
      requestedPowerMw: Number(r.power_mw),
      requests: Number(r.requests),
    })),
  };
}
