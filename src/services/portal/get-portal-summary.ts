import { sql } from 'drizzle-orm';
import type { MissionRef, PortalSummary } from '../../contracts/portal.js';
import { type DbOrTx, queryRows } from '../../db/connection.js';
import { authorize } from '../../policies/policy.js';
import type { Actor } from '../actor.js';
import { INVOLVEMENT, partnerCountries, partnerOrganisations } from './involvement.js';
import {
  MISSION_COLUMNS,
  missionRef,
  PROGRAM_COLUMNS,
  PROGRAM_IS_OPEN,
  PROGRAM_MISSION_JOIN,
  programRef,
  type Row,
  str,
} from './refs.js';

/** The portal's home page: missions by launch year, programs with a call open now, partners and headline figures (five queries). */
export async function getPortalSummary(db: DbOrTx, actor: Actor): Promise<PortalSummary> {
  authorize(actor, 'portal.read');
  const [missionRows, openRows, countries, organisations, [totals]] = await Promise.all([
    queryRows<Row>(
      db,
      sql`select ${MISSION_COLUMNS} from missions m where m.archived_at is null
        order by m.launch_year nulls last, m.launch_date nulls last, m.name`,
    ),
    queryRows<Row>(
      db,
      sql`select ${PROGRAM_COLUMNS} from programs g ${PROGRAM_MISSION_JOIN}
        where g.archived_at is null and ${PROGRAM_IS_OPEN} order by gm.launch_year nulls last, g.name`,
    ),
    partnerCountries(db),
    partnerOrganisations(db),
    queryRows<Row>(
      db,
      sql`with ${INVOLVEMENT} select
        (select count(*)::int from missions where archived_at is null) as missions,
        (select count(*)::int from programs where archived_at is null) as programs,
        (select count(*)::int from programs g where g.archived_at is null and ${PROGRAM_IS_OPEN}) as "openPrograms",
        (select count(*)::int from projects p join programs g on g.id = p.program_id and g.archived_at is null
          where p.archived_at is null) as projects,
        (select count(distinct institution_id)::int from involvement) as institutions`,
    ),
  ]);
  return {
    timeline: groupByYear(missionRows.map(missionRef)),
    openOpportunities: openRows.map((r) => ({ ...programRef(r), summary: str(r.summary), budgetSummary: str(r.budgetSummary) })),
    countries,
    organisations,
    totals: {
      missions: Number(totals?.missions ?? 0),
      programs: Number(totals?.programs ?? 0),
      openPrograms: Number(totals?.openPrograms ?? 0),
      projects: Number(totals?.projects ?? 0),
      countriesAndRegions: countries.length,
      organisations: organisations.length,
      institutions: Number(totals?.institutions ?? 0),
    },
  };
}

/** Missions arrive sorted by year (nulls last); consecutive ones with the same year share a group. */
function groupByYear(missions: MissionRef[]): PortalSummary['timeline'] {
  const groups: PortalSummary['timeline'] = [];
  for (const mission of missions) {
    const last = groups.at(-1);
    if (last && last.year === mission.launchYear) last.missions.push(mission);
    else groups.push({ year: mission.launchYear, missions: [mission] });
  }
  return groups;
}
