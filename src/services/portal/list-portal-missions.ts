import { sql } from 'drizzle-orm';
import type { MissionList } from '../../contracts/portal.js';
import { type DbOrTx, queryRows } from '../../db/connection.js';
import { authorize } from '../../policies/policy.js';
import type { Actor } from '../actor.js';
import { MISSION_COLUMNS, missionRef, type Row, str } from './refs.js';

/** Every mission with its agency and how many programs and projects it carries, by launch year. */
export async function listPortalMissions(db: DbOrTx, actor: Actor): Promise<MissionList> {
  authorize(actor, 'portal.read');
  const rows = await queryRows<Row>(
    db,
    sql`select ${MISSION_COLUMNS}, a.slug as "agencySlug", a.name as "agencyName", a.native_name as "agencyNative",
        (select count(*)::int from programs g where g.mission_id = m.id and g.archived_at is null) as programs,
        (select count(*)::int from projects p join programs g on g.id = p.program_id and g.archived_at is null
          where g.mission_id = m.id and p.archived_at is null) as projects
      from missions m
      left join institutions a on a.id = m.agency_id and a.archived_at is null
      where m.archived_at is null
      order by coalesce(m.launch_year, extract(year from m.launch_date)::int) nulls last, m.name`,
  );
  return {
    items: rows.map((r) => ({
      ...missionRef(r),
      agency:
        r.agencySlug == null ? null : { slug: String(r.agencySlug), name: String(r.agencyName), nativeName: str(r.agencyNative) },
      programs: Number(r.programs),
      projects: Number(r.projects),
    })),
  };
}
