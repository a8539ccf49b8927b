import { sql } from 'drizzle-orm';
import type { ProgramList } from '../../contracts/portal.js';
import { type DbOrTx, queryRows } from '../../db/connection.js';
import { authorize } from '../../policies/policy.js';
import type { Actor } from '../actor.js';
import { PROGRAM_COLUMNS, PROGRAM_IS_OPEN, PROGRAM_MISSION_JOIN, programRef, type Row, str } from './refs.js';

/**
 * Every program with the counts the agency reports, in one query. The counting follows
 * countPartners (count-partners.ts): an institution counts toward its country or its organisation.
 */
export async function listPortalPrograms(db: DbOrTx, actor: Actor): Promise<ProgramList> {
  authorize(actor, 'portal.read');
  const rows = await queryRows<Row>(
    db,
    sql`select ${PROGRAM_COLUMNS}, c.projects, c."countriesAndRegions", c.regions, c.organisations, c.institutions,
        ps.partnerships
      from programs g ${PROGRAM_MISSION_JOIN}
      cross join lateral (
        select count(distinct p.id)::int as projects,
          count(distinct i.country_code)::int as "countriesAndRegions",
          (count(distinct ic.code) filter (where ic.kind = 'region'))::int as regions,
          count(distinct i.organisation_id)::int as organisations,
          count(distinct i.id)::int as institutions
        from projects p
        left join project_participants pp on pp.project_id = p.id
        left join institutions i on i.id = pp.institution_id and i.archived_at is null
        left join countries ic on ic.code = i.country_code
        where p.program_id = g.id and p.archived_at is null
      ) c
      cross join lateral (
        select count(*)::int as partnerships
        from partnerships x
        left join countries xc on xc.code = x.country_code and xc.archived_at is null
        left join organisations xo on xo.id = x.organisation_id and xo.archived_at is null
        left join institutions xi on xi.id = x.institution_id and xi.archived_at is null
        where x.program_id = g.id and x.archived_at is null and (xc.code is not null or xo.id is not null or xi.id is not null)
      ) ps
      where g.archived_at is null
      order by ${PROGRAM_IS_OPEN} desc, gm.launch_year nulls last, g.name`,
  );
  return {
    items: rows.map((r) => ({
      ...programRef(r),
      summary: str(r.summary),
      counts: {
        projects: Number(r.projects),
        countriesAndRegions: Number(r.countriesAndRegions),
        regions: Number(r.regions),
        organisations: Number(r.organisations),
        institutions: Number(r.institutions),
      },
      partnerships: Number(r.partnerships),
    })),
  };
}
