import { sql } from 'drizzle-orm';
import type { CountryRef, InstitutionRef, MissionRef, OrganisationRef, ProgramRef } from '../../contracts/portal.js';

// Column lists and mappers for the small references every portal page embeds. The pages use raw SQL
// (a few joined queries per page); these fragments keep the aliases in one place. Dates are read as
// text so both drivers return "YYYY-MM-DD".

export type Row = Record<string, unknown>;

const str = (v: unknown) => (v == null ? null : String(v));

/** Columns of an institution `i` with its country `ic` and organisation `io` (see INSTITUTION_JOINS). */
export const INSTITUTION_COLUMNS = sql.raw(`i.id as "iId", i.slug as "iSlug", i.name as "iName", i.native_name as "iNative",
  i.acronym as "iAcronym", i.kind as "iKind",
  ic.code as "icCode", ic.name as "icName", ic.native_name as "icNative", ic.kind as "icKind",
  io.id as "ioId", io.slug as "ioSlug", io.acronym as "ioAcronym", io.name as "ioName", io.native_name as "ioNative", io.kind as "ioKind"`);

export const INSTITUTION_JOINS = sql.raw(`left join countries ic on ic.code = i.country_code
  left join organisations io on io.id = i.organisation_id`);

export function countryRef(row: Row, p: string): CountryRef | null {
  if (row[`${p}Code`] == null) return null;
  return {
    code: String(row[`${p}Code`]),
    name: String(row[`${p}Name`]),
    nativeName: str(row[`${p}Native`]),
    kind: row[`${p}Kind`] as CountryRef['kind'],
  };
}

export function organisationRef(row: Row, p: string): OrganisationRef | null {
  if (row[`${p}Id`] == null) return null;
  return {
    id: String(row[`${p}Id`]),
    slug: String(row[`${p}Slug`]),
    acronym: String(row[`${p}Acronym`]),
    name: String(row[`${p}Name`]),
    nativeName: str(row[`${p}Native`]),
    kind: row[`${p}Kind`] as OrganisationRef['kind'],
  };
}

/** Reads INSTITUTION_COLUMNS (prefix "i"), or the same shape under another prefix. */
export function institutionRef(row: Row, p = 'i'): InstitutionRef | null {
  if (row[`${p}Id`] == null) return null;
  return {
    id: String(row[`${p}Id`]),
    slug: String(row[`${p}Slug`]),
    name: String(row[`${p}Name`]),
    nativeName: str(row[`${p}Native`]),
    acronym: str(row[`${p}Acronym`]),
    kind: row[`${p}Kind`] as InstitutionRef['kind'],
    country: countryRef(row, `${p}c`),
    organisation: organisationRef(row, `${p}o`),
  };
}

/** Columns of a mission `m`. */
export const MISSION_COLUMNS = sql.raw(`m.id, m.slug, m.name, m.native_name as "nativeName", m.target_body as "targetBody",
  m.launch_date::text as "launchDate", m.launch_year as "launchYear", m.status, m.confidence, m.confidence_note as "confidenceNote"`);

export function missionRef(row: Row): MissionRef {
  return {
    id: String(row.id),
    slug: String(row.slug),
    name: String(row.name),
    nativeName: str(row.nativeName),
    targetBody: row.targetBody as MissionRef['targetBody'],
    launchDate: str(row.launchDate),
    launchYear: row.launchYear == null ? null : Number(row.launchYear),
    status: row.status as MissionRef['status'],
    confidence: row.confidence as MissionRef['confidence'],
    confidenceNote: str(row.confidenceNote),
  };
}

/**
 * Whether program `g` takes proposals now: one of its calls is published and inside its window by the
 * database clock. "Open" is derived from the calls, never from the stored program status, so a call
 * that closed (Tianwen-3) stops showing as open the moment its deadline passes.
 */
const ACCEPTING_PROPOSALS = `exists (select 1 from calls oc where oc.program_id = g.id and oc.status = 'published'
  and oc.opens_at <= now() and oc.closes_at > now())`;
export const PROGRAM_IS_OPEN = sql.raw(ACCEPTING_PROPOSALS);

/** The status the portal shows: "open" while a call takes proposals; a stored "open" without one reads "running". */
const PROGRAM_STATUS = `case when ${ACCEPTING_PROPOSALS} then 'open' when g.status = 'open' then 'running' else g.status end`;

/** Columns of a program `g` with its mission `gm` (left-joined, archived missions hidden). */
export const PROGRAM_COLUMNS = sql.raw(`g.id, g.slug, g.name, g.native_name as "nativeName", g.kind, ${PROGRAM_STATUS} as status,
  g.confidence, g.confidence_note as "confidenceNote", g.summary, g.budget_summary as "budgetSummary",
  g.started_on::text as "startedOn", g.agency_id as "agencyId",
  gm.slug as "missionSlug", gm.name as "missionName", gm.native_name as "missionNative"`);

export const PROGRAM_MISSION_JOIN = sql.raw('left join missions gm on gm.id = g.mission_id and gm.archived_at is null');

export function programRef(row: Row): ProgramRef {
  return {
    id: String(row.id),
    slug: String(row.slug),
    name: String(row.name),
    nativeName: str(row.nativeName),
    kind: row.kind as ProgramRef['kind'],
    status: row.status as ProgramRef['status'],
    mission:
      row.missionSlug == null
        ? null
        : { slug: String(row.missionSlug), name: String(row.missionName), nativeName: str(row.missionNative) },
    confidence: row.confidence as ProgramRef['confidence'],
    confidenceNote: str(row.confidenceNote),
  };
}

export { str };
