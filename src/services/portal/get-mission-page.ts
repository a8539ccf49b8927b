import { sql } from 'drizzle-orm';
import type { MissionPage, PortalHostModule } from '../../contracts/portal.js';
import { type DbOrTx, queryRows } from '../../db/connection.js';
import { AppError } from '../../domain/errors.js';
import { authorize } from '../../policies/policy.js';
import type { Actor } from '../actor.js';
import {
  INSTITUTION_COLUMNS,
  INSTITUTION_JOINS,
  institutionRef,
  MISSION_COLUMNS,
  missionRef,
  PROGRAM_COLUMNS,
  PROGRAM_MISSION_JOIN,
  programRef,
  type Row,
  str,
} from './refs.js';

const MODULE_NUMBERS = [
  'poolMassG',
  'poolPowerMw',
  'poolDataMbPerDay',
  'itemMaxMassG',
  'itemMaxAvgPowerMw',
  'itemMaxPeakPowerMw',
  'itemMaxLengthMm',
  'itemMaxWidthMm',
  'itemMaxHeightMm',
  'itemMinTempC',
  'itemMaxTempC',
] as const;
const snake = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const MODULE_COLUMNS = sql.raw(MODULE_NUMBERS.map((k) => `h.${snake(k)} as "${k}"`).join(', '));

/** A mission with where partners ride (host modules), what it brought back, and its programs: four queries. */
export async function getMissionPage(db: DbOrTx, actor: Actor, slug: string): Promise<MissionPage> {
  authorize(actor, 'portal.read');
  const [row] = await queryRows<Row>(
    db,
    sql`select ${MISSION_COLUMNS}, m.summary, ${INSTITUTION_COLUMNS}
      from missions m
      left join institutions i on i.id = m.agency_id and i.archived_at is null
      ${INSTITUTION_JOINS}
      where m.slug = ${slug} and m.archived_at is null`,
  );
  if (!row) throw new AppError('NOT_FOUND', `No mission with slug "${slug}".`);
  const missionId = String(row.id);
  const [modules, collections, programs] = await Promise.all([
    queryRows<Row>(
      db,
      sql`select h.id, h.kind, h.name, ${MODULE_COLUMNS}, h.mounting, h.note, h.confidence, h.confidence_note as "confidenceNote"
        from host_modules h where h.mission_id = ${missionId} and h.archived_at is null order by h.kind, h.name`,
    ),
    queryRows<Row>(
      db,
      sql`select s.id, s.slug, s.name, s.returned_mass_mg as "returnedMassMg", s.returned_on::text as "returnedOn",
          s.sample_types as "sampleTypes", s.note, s.confidence, s.confidence_note as "confidenceNote"
        from sample_collections s where s.mission_id = ${missionId} and s.archived_at is null order by s.name`,
    ),
    queryRows<Row>(
      db,
      sql`select ${PROGRAM_COLUMNS},
          (select count(*)::int from projects p where p.program_id = g.id and p.archived_at is null) as projects
        from programs g ${PROGRAM_MISSION_JOIN}
        where g.mission_id = ${missionId} and g.archived_at is null order by g.name`,
    ),
  ]);
  return {
    mission: { ...missionRef(row), summary: str(row.summary), agency: institutionRef(row) },
    hostModules: modules.map((h) => ({
      id: String(h.id),
      kind: h.kind as PortalHostModule['kind'],
      name: String(h.name),
      ...(Object.fromEntries(MODULE_NUMBERS.map((k) => [k, h[k] == null ? null : Number(h[k])])) as Record<
        (typeof MODULE_NUMBERS)[number],
        number | null
      >),
      mounting: h.mounting as PortalHostModule['mounting'],
      note: str(h.note),
      confidence: h.confidence as PortalHostModule['confidence'],
      confidenceNote: str(h.confidenceNote),
    })),
    sampleCollections: collections.map((s) => ({
      id: String(s.id),
      slug: String(s.slug),
      name: String(s.name),
      returnedMassMg: Number(s.returnedMassMg),
      returnedOn: str(s.returnedOn),
      sampleTypes: (s.sampleTypes as string[] | null) ?? [],
      note: str(s.note),
      confidence: s.confidence as 'confirmed',
      confidenceNote: str(s.confidenceNote),
    })),
    programs: programs.map((g) => ({ ...programRef(g), projects: Number(g.projects) })),
  };
}
