import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  CountryList,
  CountryPage,
  InstitutionPage,
  MissionPage,
  PortalSummary,
  ProgramList,
  ProgramPage,
} from '../../src/contracts/portal.js';
import { buildApp } from '../../src/server/app.js';
import { SYSTEM } from '../../src/services/actor.js';
import { setArchived } from '../../src/services/registry/archive-record.js';
import { createRecord } from '../../src/services/registry/create-record.js';
import { RESOURCE_BY_NAME } from '../../src/services/registry/resources.js';
import { databaseKind, type TestDatabase, testDatabase } from '../support/db.js';

type Values = Record<string, unknown>;
let database: TestDatabase;
let app: FastifyInstance;
const ids: Record<string, string> = {};

const resource = (name: string) => RESOURCE_BY_NAME.get(name)!;
async function create(name: string, values: Values): Promise<Values> {
  return (await createRecord(database.db, SYSTEM, resource(name), values)) as Values;
}
async function get<T>(url: string): Promise<T> {
  const res = await app.inject({ url });
  expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
  return res.json() as T;
}

/**
 * A small Chang'e-8-like fixture: three live projects from Hong Kong (a region), Pakistan with an
 * institution of an international organisation, and Türkiye; plus an archived project and an archived
 * institution that must not be counted.
 */
async function seedFixture() {
  await create('countries', { code: 'CN', name: 'China', nativeName: '中国' });
  await create('countries', { code: 'HK', name: 'Hong Kong', nativeName: '香港', kind: 'region', sovereignCode: 'CN' });
  await create('countries', { code: 'PK', name: 'Pakistan' });
  await create('countries', { code: 'TR', name: 'Türkiye', nativeName: 'Türkiye' });
  await create('countries', { code: 'RU', name: 'Russia', nativeName: 'Россия' });
  const istvs = await create('organisations', {
    slug: 'istvs',
    acronym: 'ISTVS',
    name: 'International Society for Terrain-Vehicle Systems',
    kind: 'scientific_society',
  });
  const inst = async (key: string, values: Values) => {
    ids[key] = String((await create('institutions', { slug: key, kind: 'university', ...values })).id);
  };
  await inst('cnsa', {
    name: 'China National Space Administration',
    nativeName: '国家航天局',
    kind: 'space_agency',
    countryCode: 'CN',
  });
  await inst('hkust', { name: 'Hong Kong University of Science and Technology', nativeName: '香港科技大學', countryCode: 'HK' });
  await inst('polyu', { name: 'The Hong Kong Polytechnic University', nativeName: '香港理工大學', countryCode: 'HK' });
  await inst('suparco', { name: 'SUPARCO', kind: 'space_agency', countryCode: 'PK' });
  await inst('istvs-secretariat', { name: 'ISTVS Secretariat', kind: 'other', organisationId: istvs.id });
  await inst('metu', {
    name: 'Middle East Technical University',
    nativeName: 'Orta Doğu Teknik Üniversitesi',
    countryCode: 'TR',
  });
  await inst('iki', { name: 'Space Research Institute', nativeName: 'Институт космических исследований', countryCode: 'RU' });
  await inst('gone', { name: 'Closed Institute', countryCode: 'RU' });

  const ce8 = await create('missions', {
    slug: 'change-8',
    name: "Chang'e-8",
    nativeName: '嫦娥八号',
    targetBody: 'moon',
    status: 'in_development',
    launchYear: 2029,
    agencyId: ids.cnsa,
  });
  const ce5 = await create('missions', {
    slug: 'change-5',
    name: "Chang'e-5",
    targetBody: 'moon',
    status: 'completed',
    launchDate: '2020-11-23',
  });
  await create('missions', { slug: 'tianwen-3', name: 'Tianwen-3', targetBody: 'mars', status: 'planned', launchYear: 2028 });
  const lander = await create('host-modules', {
    missionId: ce8.id,
    kind: 'lander',
    name: 'Lander',
    poolMassG: 200_000,
    itemMaxMassG: 100_000,
  });
  await create('sample-collections', {
    slug: 'ce5-samples',
    missionId: ce5.id,
    name: "Chang'e-5 samples",
    returnedMassMg: 1_731_000,
  });

  const program = await create('programs', {
    slug: 'change-8-cooperation',
    name: "Chang'e-8 international cooperation",
    kind: 'payload',
    status: 'running',
    missionId: ce8.id,
    agencyId: ids.cnsa,
  });
  ids.program = String(program.id);
  await create('programs', { slug: 'tianwen-3-payloads', name: 'Tianwen-3 payloads', kind: 'payload', status: 'open' });
  const ilrs = await create('programs', { slug: 'ilrs', name: 'International Lunar Research Station', kind: 'partnership' });
  const project = (title: string, participants: [string, 'lead' | 'partner'][], extra: Values = {}) =>
    create('projects', {
      programId: program.id,
      title,
      level: 'system',
      status: 'selected',
      hostModuleId: lander.id,
      participants: participants.map(([key, role]) => ({ institutionId: ids[key], role })),
      ...extra,
    });
  await project('Surface robot', [
    ['hkust', 'lead'],
    ['polyu', 'partner'],
  ]);
  await project(
    'Lunar rover',
    [
      ['suparco', 'lead'],
      ['istvs-secretariat', 'partner'],
    ],
    {
      confidence: 'unconfirmed',
      confidenceNote: 'Mass ~35 kg is reported by one source only.',
    },
  );
  await project('Exploration robot', [
    ['metu', 'lead'],
    ['gone', 'partner'],
  ]);
  const dropped = await project('Dropped instrument', [['iki', 'lead']]);
  await setArchived(database.db, SYSTEM, resource('projects'), String(dropped.id), true);
  await setArchived(database.db, SYSTEM, resource('institutions'), ids.gone!, true);

  await create('partnerships', { programId: ilrs.id, countryCode: 'CN', kind: 'initiator' });
  await create('partnerships', { programId: ilrs.id, countryCode: 'PK', kind: 'member' });
  await create('partnerships', { programId: ilrs.id, organisationId: istvs.id, kind: 'member' });
  await create('partnerships', { programId: ilrs.id, institutionId: ids.metu, kind: 'institutional_mou' });
}

beforeAll(async () => {
  database = await testDatabase();
  app = await buildApp({ database, version: 'test' }, { serveWeb: false, logLevel: 'silent', validateResponses: true });
  await seedFixture();
});

afterAll(async () => {
  await app.close();
  await database.dispose();
});

describe(`portal API on ${databaseKind} Postgres`, () => {
  it('counts a program the way the agency reports it', async () => {
    const page = await get<ProgramPage>('/api/portal/programs/change-8-cooperation');
    expect(page.counts).toEqual({ projects: 3, countriesAndRegions: 3, regions: 1, organisations: 1, institutions: 5 });
    expect(page.countries.map((c) => c.code)).toEqual(['HK', 'PK', 'TR']);
    expect(page.organisations.map((o) => o.acronym)).toEqual(['ISTVS']);
    expect(page.projects.map((p) => p.title).sort()).toEqual(['Exploration robot', 'Lunar rover', 'Surface robot']);
    const robot = page.projects.find((p) => p.title === 'Surface robot')!;
    expect(robot.participants.map((p) => [p.role, p.institution.nativeName, p.institution.country?.code])).toEqual([
      ['lead', '香港科技大學', 'HK'],
      ['partner', '香港理工大學', 'HK'],
    ]);
    const rover = page.projects.find((p) => p.title === 'Lunar rover')!;
    expect(rover.confidence).toBe('unconfirmed');
    expect(rover.participants[1]?.institution.organisation?.acronym).toBe('ISTVS');
    expect(rover.hostModule?.name).toBe('Lander');
    // The archived partner institution is left out of the participants and the counts.
    expect(page.projects.find((p) => p.title === 'Exploration robot')!.participants).toHaveLength(1);
    expect(page.program.mission?.slug).toBe('change-8');
    expect(page.program.agency?.nativeName).toBe('国家航天局');
  });

  it('lists programs with the same counts as their pages', async () => {
    const list = await get<ProgramList>('/api/portal/programs');
    const ce8 = list.items.find((p) => p.slug === 'change-8-cooperation')!;
    const page = await get<ProgramPage>('/api/portal/programs/change-8-cooperation');
    expect(ce8.counts).toEqual(page.counts);
    // Stored as "open" but with no call taking proposals: "open" is derived from the calls (staff-workflow.test.ts).
    expect(list.items.find((p) => p.slug === 'tianwen-3-payloads')?.status).toBe('running');
    expect(list.items.find((p) => p.slug === 'ilrs')?.partnerships).toBe(4);
  });

  it('counts the partners of a partnership program', async () => {
    const page = await get<ProgramPage>('/api/portal/programs/ilrs');
    expect(page.partnershipCounts).toEqual({ total: 4, countriesAndRegions: 3, organisations: 1, institutions: 1 });
    expect(page.partnerships[0]?.kind).toBe('initiator');
    expect(page.counts.projects).toBe(0);
  });

  it('summarises missions by year, open calls, partners and totals', async () => {
    const summary = await get<PortalSummary>('/api/portal/summary');
    expect(summary.timeline.map((g) => [g.year, g.missions.map((m) => m.slug)])).toEqual([
      [2020, ['change-5']],
      [2028, ['tianwen-3']],
      [2029, ['change-8']],
    ]);
    expect(summary.openOpportunities.map((p) => p.slug)).toEqual([]); // no call is open in this fixture
    const hk = summary.countries.find((c) => c.code === 'HK');
    expect(hk).toMatchObject({ kind: 'region', institutions: 2, projects: 1, programs: 1 });
    expect(summary.countries.find((c) => c.code === 'PK')).toMatchObject({ institutions: 1, projects: 1, programs: 2 });
    // Russia's only project is archived and its other institution too: not a partner.
    expect(summary.countries.map((c) => c.code)).toEqual(['CN', 'HK', 'PK', 'TR']);
    expect(summary.organisations.map((o) => [o.acronym, o.institutions, o.projects, o.programs])).toEqual([['ISTVS', 1, 1, 2]]);
    expect(summary.totals).toEqual({
      missions: 3,
      programs: 3,
      openPrograms: 0,
      projects: 3,
      countriesAndRegions: 4,
      organisations: 1,
      institutions: 5,
    });
    const list = await get<CountryList>('/api/portal/countries');
    expect(list.countries).toEqual(summary.countries);
  });

  it('shows a mission with its host modules, samples and programs', async () => {
    const page = await get<MissionPage>('/api/portal/missions/change-8');
    expect(page.mission).toMatchObject({ name: "Chang'e-8", nativeName: '嫦娥八号', launchYear: 2029 });
    expect(page.hostModules).toEqual([expect.objectContaining({ name: 'Lander', poolMassG: 200_000, itemMaxMassG: 100_000 })]);
    expect(page.programs.map((p) => [p.slug, p.projects])).toEqual([['change-8-cooperation', 3]]);
    const ce5 = await get<MissionPage>('/api/portal/missions/change-5');
    expect(ce5.mission.launchDate).toBe('2020-11-23');
    expect(ce5.sampleCollections.map((s) => s.returnedMassMg)).toEqual([1_731_000]);
  });

  it('shows an institution by slug or by id', async () => {
    const bySlug = await get<InstitutionPage>('/api/portal/institutions/metu');
    const byId = await get<InstitutionPage>(`/api/portal/institutions/${ids.metu}`);
    expect(byId).toEqual(bySlug);
    expect(bySlug.institution.nativeName).toBe('Orta Doğu Teknik Üniversitesi');
    expect(bySlug.projects.map((p) => p.title)).toEqual(['Exploration robot']);
    expect(bySlug.partnerships.map((p) => p.kind)).toEqual(['institutional_mou']);
    expect(bySlug.programs.map((p) => p.slug).sort()).toEqual(['change-8-cooperation', 'ilrs']);
  });

  it('shows a country or region by ISO code, in any case', async () => {
    const hk = await get<CountryPage>('/api/portal/countries/hk');
    expect(hk.country).toMatchObject({ code: 'HK', kind: 'region', sovereign: { code: 'CN' } });
    expect(hk.institutions.map((i) => [i.slug, i.projects])).toEqual([
      ['hkust', 1],
      ['polyu', 1],
    ]);
    expect(hk.projects.map((p) => p.title)).toEqual(['Surface robot']);
    const tr = await get<CountryPage>('/api/portal/countries/TR');
    expect(tr.partnerships.map((p) => p.institution?.slug)).toEqual(['metu']);
    expect(tr.programs.map((p) => p.slug).sort()).toEqual(['change-8-cooperation', 'ilrs']);
  });

  it('answers 404 problem+json for unknown or archived records', async () => {
    await setArchived(database.db, SYSTEM, resource('programs'), ids.program!, true);
    for (const url of [
      '/api/portal/programs/change-8-cooperation',
      '/api/portal/programs/no-such-program',
      '/api/portal/missions/no-such-mission',
      '/api/portal/institutions/no-such-institution',
      '/api/portal/institutions/00000000-0000-4000-8000-000000000000',
      '/api/portal/institutions/gone',
      '/api/portal/countries/ZZ',
      '/api/portal/countries/not-a-code',
    ]) {
      const res = await app.inject({ url });
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json()).toMatchObject({ status: 404, code: 'NOT_FOUND' });
    }
    const summary = await get<PortalSummary>('/api/portal/summary');
    expect(summary.totals.projects).toBe(0);
    await setArchived(database.db, SYSTEM, resource('programs'), ids.program!, false);
  });

  it('describes the portal routes in the OpenAPI document', async () => {
    const doc = await get<{ paths: Record<string, unknown> }>('/api/openapi.json');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/portal/summary', '/api/portal/programs/{slug}']));
  });
});
