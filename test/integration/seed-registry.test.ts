import { count, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/connection.js';
import * as t from '../../src/db/schema.js';
import { AppError } from '../../src/domain/errors.js';
import { SYSTEM } from '../../src/services/actor.js';
import { getProgramPage } from '../../src/services/portal/get-program-page.js';
import { SEED_FACT, seedIfEmpty, seedRegistry } from '../../src/services/seed/load-seed.js';
import { readSeedFile } from '../../src/services/seed/seed-data.js';
import { type TestDatabase, testDatabase } from '../support/db.js';
import { rowCounts } from '../support/row-counts.js';

const TABLES = {
  countries: t.countries,
  organisations: t.organisations,
  institutions: t.institutions,
  missions: t.missions,
  hostModules: t.hostModules,
  sampleCollections: t.sampleCollections,
  programs: t.programs,
  partnerships: t.partnerships,
  projects: t.projects,
  projectParticipants: t.projectParticipants,
  auditLog: t.auditLog,
  installationFacts: t.installationFacts,
};

const counts = (db: Db) => rowCounts(db, TABLES);

async function programBySlug(db: Db, slug: string) {
  const [program] = await db.select().from(t.programs).where(eq(t.programs.slug, slug));
  if (!program) throw new Error(`no program ${slug}`);
  return program;
}

/** The homes (country or organisation) of the institutions taking part in a program's projects. */
async function participantHomes(db: Db, slug: string) {
  const program = await programBySlug(db, slug);
  return db
    .select({
      projectId: t.projects.id,
      institutionId: t.institutions.id,
      countryCode: t.institutions.countryCode,
      organisationId: t.institutions.organisationId,
    })
    .from(t.projects)
    .innerJoin(t.projectParticipants, eq(t.projectParticipants.projectId, t.projects.id))
    .innerJoin(t.institutions, eq(t.institutions.id, t.projectParticipants.institutionId))
    .where(eq(t.projects.programId, program.id));
}

describe('loading the demo data', () => {
  let database: TestDatabase;
  let db: Db;

  beforeAll(async () => {
    database = await testDatabase();
    db = database.db;
    const result = await seedRegistry(db, SYSTEM);
    expect(result.outcome).toBe('loaded');
  });
  afterAll(() => database.dispose());

  it('loads every country and region, Hong Kong as a region of China', async () => {
    const [hk] = await db.select().from(t.countries).where(eq(t.countries.code, 'HK'));
    expect(hk).toMatchObject({ kind: 'region', sovereignCode: 'CN', nativeName: '香港' });
    expect((await counts(db)).countries).toBe(249);
  });

  it("gives Chang'e-8 10 projects from 11 countries and regions and 1 international organisation", async () => {
    const program = await programBySlug(db, 'change-8-cooperation');
    const [projects] = await db.select({ n: count() }).from(t.projects).where(eq(t.projects.programId, program.id));
    expect(Number(projects?.n)).toBe(10);
    const homes = await participantHomes(db, 'change-8-cooperation');
    expect(new Set(homes.map((h) => h.projectId)).size).toBe(10);
    const countries = new Set(homes.flatMap((h) => (h.countryCode ? [h.countryCode] : [])));
    const organisations = new Set(homes.flatMap((h) => (h.organisationId ? [h.organisationId] : [])));
    expect(countries.size).toBe(11);
    expect(organisations.size).toBe(1);
    const [istvs] = await db
      .select()
      .from(t.organisations)
      .where(inArray(t.organisations.id, [...organisations]));
    expect(istvs?.acronym).toBe('ISTVS');
  });

  it("lends Chang'e-5 samples to 7 institutions from 6 countries", async () => {
    const homes = await participantHomes(db, 'change-5-sample-loans');
    expect(new Set(homes.map((h) => h.institutionId)).size).toBe(7);
    expect(new Set(homes.map((h) => h.countryCode)).size).toBe(6);
  });

  it('counts 17 ILRS members besides China, the initiator', async () => {
    const ilrs = await programBySlug(db, 'ilrs');
    const rows = await db.select().from(t.partnerships).where(eq(t.partnerships.programId, ilrs.id));
    expect(rows.filter((r) => r.kind === 'member')).toHaveLength(17);
    expect(rows.filter((r) => r.kind === 'initiator').map((r) => r.countryCode)).toEqual(['CN']);
  });

  it('heads the program pages with the figures the agency reports, and says how each is counted', async () => {
    // The China Space Station record names participants of 7 of the 9 projects (12 countries);
    // CMSA and UNOOSA report 17 countries: the headline is theirs, the record's count comes after.
    const css = await getProgramPage(db, SYSTEM, 'css-first-cycle');
    expect(css.program.reportedFigures.map((f) => [f.value, f.noun])).toEqual([
      [9, 'projects'],
      [23, 'entities'],
      [17, 'countries'],
    ]);
    expect(css.counts.countriesAndRegions).toBeLessThan(17);
    // ILRS: 17 members reported, China (the initiator) not among them, though it is a partnership of the record.
    const ilrs = await getProgramPage(db, SYSTEM, 'ilrs');
    expect(ilrs.program.reportedFigures[0]).toMatchObject({ value: 17 });
    expect(ilrs.program.reportedFigures[0]!.countedAs).toMatch(/initiator, is not counted/);
    expect(ilrs.partnershipCounts.total).toBe(18);
    for (const figure of [...css.program.reportedFigures, ...ilrs.program.reportedFigures])
      expect(figure.countedAs.length).toBeGreaterThan(20);
  });

  it('keeps every project to exactly one lead and writes one audit row per record', async () => {
    const leads = await db
      .select({ projectId: t.projectParticipants.projectId, n: count() })
      .from(t.projectParticipants)
      .where(eq(t.projectParticipants.role, 'lead'))
      .groupBy(t.projectParticipants.projectId);
    expect(leads.every((l) => Number(l.n) === 1)).toBe(true);
    const c = await counts(db);
    const records = c.countries! + c.organisations! + c.institutions! + c.missions! + c.hostModules!;
    const more = c.sampleCollections! + c.programs! + c.partnerships! + c.projects!;
    expect(c.auditLog).toBe(records + more + 1); // + the seed.loaded row
    const [fact] = await db.select().from(t.installationFacts).where(eq(t.installationFacts.key, SEED_FACT));
    expect(fact?.value).toMatchObject({ version: 1 });
  });

  it('changes nothing when loaded twice, or by seedIfEmpty', async () => {
    const before = await counts(db);
    expect((await seedRegistry(db, SYSTEM)).outcome).toBe('already_loaded');
    expect(await seedIfEmpty(db)).toBe(false);
    expect(await counts(db)).toEqual(before);
  });

  it('refuses to load another version over the loaded one', async () => {
    const next = { ...readSeedFile(), version: 2 };
    await expect(seedRegistry(db, SYSTEM, next)).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});

describe('refused or rehearsed loads write nothing', () => {
  let database: TestDatabase;
  let empty: Record<string, number>;

  beforeAll(async () => {
    database = await testDatabase();
    empty = await counts(database.db);
  });
  afterAll(() => database.dispose());

  it('refuses a bad reference before writing anything', async () => {
    const data = structuredClone(readSeedFile());
    data.projects[3]!.participants[0]!.institution = 'xyz';
    const error = await seedRegistry(database.db, SYSTEM, data).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toContain('projects[3].participants[0].institution: unknown institution "xyz"');
    expect(await counts(database.db)).toEqual(empty);
  });

  it('rolls back everything when a domain rule refuses a record half way', async () => {
    const data = structuredClone(readSeedFile());
    const index = data.institutions.findIndex((i) => i.slug === 'brown-university');
    data.institutions[index]!.rorId = '05gq02988'; // wrong checksum
    const error = await seedRegistry(database.db, SYSTEM, data).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'INVALID_ROR' });
    expect((error as AppError).message).toContain(`institutions[${index}].rorId`);
    expect(await counts(database.db)).toEqual(empty);
  });

  it('rehearses a load with dryRun and rolls it back', async () => {
    const result = await seedRegistry(database.db, SYSTEM, undefined, { dryRun: true });
    expect(result.outcome).toBe('would_load');
    expect(result.created).toMatchObject({ countries: 249, missions: 7, projects: 40 });
    expect(await counts(database.db)).toEqual(empty);
  });

  it('seedIfEmpty loads an empty database once', async () => {
    expect(await seedIfEmpty(database.db)).toBe(true);
    expect(await seedIfEmpty(database.db)).toBe(false);
    expect((await counts(database.db)).missions).toBe(7);
  });
});
