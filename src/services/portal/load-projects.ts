import { type SQL, sql } from 'drizzle-orm';
import type { PortalProject } from '../../contracts/portal.js';
import { type DbOrTx, queryRows } from '../../db/connection.js';
import { INSTITUTION_COLUMNS, INSTITUTION_JOINS, institutionRef, type Row, str } from './refs.js';

/**
 * Projects matching `where` (a condition on the projects table aliased `p`) with their participants,
 * in two queries. Archived projects, programs and institutions are left out.
 */
export async function loadProjects(db: DbOrTx, where: SQL): Promise<PortalProject[]> {
  const projectRows = await queryRows<Row>(
    db,
    sql`select p.id, p.title, p.level, p.status, p.mass_g as "massG", p.announced_on::text as "announcedOn", p.summary,
        p.confidence, p.confidence_note as "confidenceNote",
        h.id as "hId", h.name as "hName", h.kind as "hKind",
        g.slug as "gSlug", g.name as "gName", g.native_name as "gNative"
      from projects p
      join programs g on g.id = p.program_id and g.archived_at is null
      left join host_modules h on h.id = p.host_module_id and h.archived_at is null
      where p.archived_at is null and (${where})
      order by g.name, p.announced_on nulls last, p.title`,
  );
  if (projectRows.length === 0) return [];
  const ids = projectRows.map((r) => String(r.id));
  const participantRows = await queryRows<Row>(
    db,
    sql`select pp.project_id as "projectId", pp.role, ${INSTITUTION_COLUMNS}
      from project_participants pp
      join institutions i on i.id = pp.institution_id and i.archived_at is null
      ${INSTITUTION_JOINS}
      where pp.project_id in (${sql.join(
        ids.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})
      order by pp.role = 'lead' desc, i.name`,
  );
  const byProject = new Map<string, PortalProject['participants']>(ids.map((id) => [id, []]));
  for (const r of participantRows) {
    const institution = institutionRef(r);
    if (institution) byProject.get(String(r.projectId))?.push({ role: r.role as 'lead' | 'partner', institution });
  }
  return projectRows.map((r) => ({
    id: String(r.id),
    title: String(r.title),
    level: r.level as PortalProject['level'],
    status: r.status as PortalProject['status'],
    massG: r.massG == null ? null : Number(r.massG),
    announcedOn: str(r.announcedOn),
    summary: str(r.summary),
    hostModule: r.hId == null ? null : { id: String(r.hId), name: String(r.hName), kind: r.hKind as 'lander' },
    program: { slug: String(r.gSlug), name: String(r.gName), nativeName: str(r.gNative) },
    participants: byProject.get(String(r.id)) ?? [],
    confidence: r.confidence as PortalProject['confidence'],
    confidenceNote: str(r.confidenceNote),
  }));
}
