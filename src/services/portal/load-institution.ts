import { type SQL, sql } from 'drizzle-orm';
import type { InstitutionRef } from '../../contracts/portal.js';
import { type DbOrTx, queryRows } from '../../db/connection.js';
import { INSTITUTION_COLUMNS, INSTITUTION_JOINS, institutionRef, type Row, str } from './refs.js';

export type InstitutionDetail = InstitutionRef & { rorId: string | null; website: string | null };

/** Non-archived institutions matching `where` (on institutions aliased `i`), with home country or organisation. */
export async function loadInstitutions(db: DbOrTx, where: SQL): Promise<(InstitutionDetail & { projects: number })[]> {
  const rows = await queryRows<Row>(
    db,
    sql`select ${INSTITUTION_COLUMNS}, i.ror_id as "rorId", i.website,
        (select count(distinct p.id)::int from project_participants pp
          join projects p on p.id = pp.project_id and p.archived_at is null
          join programs g on g.id = p.program_id and g.archived_at is null
          where pp.institution_id = i.id) as projects
      from institutions i ${INSTITUTION_JOINS}
      where i.archived_at is null and (${where})
      order by i.name`,
  );
  return rows.flatMap((r) => {
    const ref = institutionRef(r);
    return ref ? [{ ...ref, rorId: str(r.rorId), website: str(r.website), projects: Number(r.projects) }] : [];
  });
}
