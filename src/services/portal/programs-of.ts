import { sql } from 'drizzle-orm';
import type { PortalPartnership, PortalProject, ProgramRef } from '../../contracts/portal.js';
import { type DbOrTx, queryRows } from '../../db/connection.js';
import { PROGRAM_COLUMNS, PROGRAM_MISSION_JOIN, programRef, type Row } from './refs.js';

/** The programs behind some projects and partnerships, by name, in one query. */
export async function programsOf(
  db: DbOrTx,
  projects: PortalProject[],
  partnerships: PortalPartnership[],
): Promise<ProgramRef[]> {
  const slugs = [...new Set([...projects, ...partnerships].map((x) => x.program.slug))];
  if (slugs.length === 0) return [];
  const rows = await queryRows<Row>(
    db,
    sql`select ${PROGRAM_COLUMNS} from programs g ${PROGRAM_MISSION_JOIN}
      where g.archived_at is null and g.slug in (${sql.join(
        slugs.map((s) => sql`${s}`),
        sql`, `,
      )})
      order by g.name`,
  );
  return rows.map(programRef);
}
