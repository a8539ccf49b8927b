import { type SQL, sql } from 'drizzle-orm';
import type { PortalPartnership } from '../../contracts/portal.js';
import { type DbOrTx, queryRows } from '../../db/connection.js';
import { countryRef, INSTITUTION_COLUMNS, INSTITUTION_JOINS, institutionRef, organisationRef, type Row, str } from './refs.js';

/**
 * Partnerships matching `where` (a condition on partnerships aliased `ps`, institutions aliased `i`),
 * with their partner and program, in one query. A partnership whose partner is archived is left out.
 */
export async function loadPartnerships(db: DbOrTx, where: SQL): Promise<PortalPartnership[]> {
  const rows = await queryRows<Row>(
    db,
    sql`select ps.id, ps.kind, ps.joined_on::text as "joinedOn", ps.note, ps.confidence, ps.confidence_note as "confidenceNote",
        g.slug as "gSlug", g.name as "gName", g.native_name as "gNative",
        pc.code as "pcCode", pc.name as "pcName", pc.native_name as "pcNative", pc.kind as "pcKind",
        po.id as "poId", po.slug as "poSlug", po.acronym as "poAcronym", po.name as "poName", po.native_name as "poNative",
        po.kind as "poKind",
        ${INSTITUTION_COLUMNS}
      from partnerships ps
      join programs g on g.id = ps.program_id and g.archived_at is null
      left join countries pc on pc.code = ps.country_code and pc.archived_at is null
      left join organisations po on po.id = ps.organisation_id and po.archived_at is null
      left join institutions i on i.id = ps.institution_id and i.archived_at is null
      ${INSTITUTION_JOINS}
      where ps.archived_at is null and (pc.code is not null or po.id is not null or i.id is not null) and (${where})
      order by g.name, ps.kind = 'initiator' desc, ps.joined_on nulls last, coalesce(pc.name, po.name, i.name)`,
  );
  return rows.map((r) => ({
    id: String(r.id),
    kind: r.kind as PortalPartnership['kind'],
    joinedOn: str(r.joinedOn),
    note: str(r.note),
    program: { slug: String(r.gSlug), name: String(r.gName), nativeName: str(r.gNative) },
    country: countryRef(r, 'pc'),
    organisation: organisationRef(r, 'po'),
    institution: institutionRef(r),
    confidence: r.confidence as PortalPartnership['confidence'],
    confidenceNote: str(r.confidenceNote),
  }));
}
