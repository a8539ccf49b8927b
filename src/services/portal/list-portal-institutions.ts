import { sql } from 'drizzle-orm';
import type { InstitutionList } from '../../contracts/portal.js';
import { type DbOrTx, queryRows } from '../../db/connection.js';
import { authorize } from '../../policies/policy.js';
import type { Actor } from '../actor.js';
import { INSTITUTION_COLUMNS, INSTITUTION_JOINS, institutionRef, type Row } from './refs.js';

/** Every institution with its projects, partnerships and programs (archived ones left out), by name. */
export async function listPortalInstitutions(db: DbOrTx, actor: Actor): Promise<InstitutionList> {
  authorize(actor, 'portal.read');
  const rows = await queryRows<Row>(
    db,
    sql`select ${INSTITUTION_COLUMNS},
        (select count(distinct p.id)::int from project_participants pp
          join projects p on p.id = pp.project_id and p.archived_at is null
          join programs g on g.id = p.program_id and g.archived_at is null
          where pp.institution_id = i.id) as projects,
        (select count(*)::int from partnerships ps join programs g on g.id = ps.program_id and g.archived_at is null
          where ps.institution_id = i.id and ps.archived_at is null) as partnerships,
        (select count(distinct program_id)::int from (
          select p.program_id from project_participants pp
            join projects p on p.id = pp.project_id and p.archived_at is null
            join programs g on g.id = p.program_id and g.archived_at is null
            where pp.institution_id = i.id
          union all
          select ps.program_id from partnerships ps join programs g on g.id = ps.program_id and g.archived_at is null
            where ps.institution_id = i.id and ps.archived_at is null) x) as programs
      from institutions i ${INSTITUTION_JOINS}
      where i.archived_at is null
      order by i.name`,
  );
  return {
    items: rows.map((r) => ({
      ...institutionRef(r)!,
      projects: Number(r.projects),
      partnerships: Number(r.partnerships),
      programs: Number(r.programs),
    })),
  };
}
