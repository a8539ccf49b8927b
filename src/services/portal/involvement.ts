import { sql } from 'drizzle-orm';
import type { PartnerCountry, PartnerOrganisation } from '../../contracts/portal.js';
import { type DbOrTx, queryRows } from '../../db/connection.js';
import { type Row, str } from './refs.js';

/**
 * One row per way a partner takes part: an institution in a project (counted toward its country or
 * organisation), or a partnership of a country, organisation or institution. Archived records are
 * left out. Shared by the summary and the list of partners so both count the same way.
 */
export const INVOLVEMENT = sql.raw(`involvement as (
    select i.id as institution_id, i.country_code, i.organisation_id, p.id as project_id, p.program_id
    from projects p
    join programs g on g.id = p.program_id and g.archived_at is null
    join project_participants pp on pp.project_id = p.id
    join institutions i on i.id = pp.institution_id and i.archived_at is null
    where p.archived_at is null
    union all
    select i.id, coalesce(ps.country_code, i.country_code), coalesce(ps.organisation_id, i.organisation_id), null, ps.program_id
    from partnerships ps
    join programs g on g.id = ps.program_id and g.archived_at is null
    left join institutions i on i.id = ps.institution_id and i.archived_at is null
    where ps.archived_at is null and (ps.institution_id is null or i.id is not null)
  )`);

const COUNTS = sql.raw(`count(distinct v.institution_id)::int as institutions, count(distinct v.project_id)::int as projects,
  count(distinct v.program_id)::int as programs`);

export async function partnerCountries(db: DbOrTx): Promise<PartnerCountry[]> {
  const rows = await queryRows<Row>(
    db,
    sql`with ${INVOLVEMENT}
      select c.code, c.name, c.native_name as "nativeName", c.kind, ${COUNTS}
      from involvement v join countries c on c.code = v.country_code and c.archived_at is null
      group by c.code, c.name, c.native_name, c.kind
      order by c.name`,
  );
  return rows.map((r) => ({
    code: String(r.code),
    name: String(r.name),
    nativeName: str(r.nativeName),
    kind: r.kind as PartnerCountry['kind'],
    institutions: Number(r.institutions),
    projects: Number(r.projects),
    programs: Number(r.programs),
  }));
}

export async function partnerOrganisations(db: DbOrTx): Promise<PartnerOrganisation[]> {
  const rows = await queryRows<Row>(
    db,
    sql`with ${INVOLVEMENT}
      select o.id, o.slug, o.acronym, o.name, o.native_name as "nativeName", o.kind, ${COUNTS}
      from involvement v join organisations o on o.id = v.organisation_id and o.archived_at is null
      group by o.id, o.slug, o.acronym, o.name, o.native_name, o.kind
      order by o.name`,
  );
  return rows.map((r) => ({
    id: String(r.id),
    slug: String(r.slug),
    acronym: String(r.acronym),
    name: String(r.name),
    nativeName: str(r.nativeName),
    kind: r.kind as PartnerOrganisation['kind'],
    institutions: Number(r.institutions),
    projects: Number(r.projects),
    programs: Number(r.programs),
  }));
}
