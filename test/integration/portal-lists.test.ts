import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InstitutionList, MissionList } from '../../src/contracts/portal.js';
import { csvField } from '../../src/server/present-list.js';
import { type TestApp, testApp } from '../support/app.js';
import { databaseKind } from '../support/db.js';
import { makeInstitution, makeMission, makeProgram, makeProject } from '../support/factories.js';

let t: TestApp;

beforeAll(async () => {
  t = await testApp();
  const mission = await makeMission(t.database.db, {
    slug: 'change-9',
    name: "Chang'e-9",
    nativeName: '嫦娥九号',
    launchYear: 2031,
  });
  const program = await makeProgram(t.database.db, { missionId: mission.id });
  const lead = await makeInstitution(t.database.db, { slug: 'comma-institute', name: 'Institute of Rocks, Dust and "Glass"' });
  await makeProject(t.database.db, { programId: program.id, participants: [{ institutionId: lead.id, role: 'lead' }] });
  await makeInstitution(t.database.db, { slug: 'formula', name: '=HYPERLINK("x")' });
});
afterAll(async () => t?.close());

describe(`portal lists and their downloads (${databaseKind})`, () => {
  it('lists missions with their programs and projects, and institutions with theirs', async () => {
    const missions = (await t.app.inject({ url: '/api/portal/missions' })).json() as MissionList;
    const ce9 = missions.items.find((m) => m.slug === 'change-9')!;
    expect(ce9).toMatchObject({ nativeName: '嫦娥九号', programs: 1, projects: 1, launchYear: 2031 });
    const institutions = (await t.app.inject({ url: '/api/portal/institutions' })).json() as InstitutionList;
    expect(institutions.items.find((i) => i.slug === 'comma-institute')).toMatchObject({
      projects: 1,
      programs: 1,
      partnerships: 0,
    });
    expect(institutions.items.find((i) => i.slug === 'formula')).toMatchObject({ projects: 0, programs: 0 });
  });

  it('answers every public list as CSV with its content type and file name, quoting what needs it', async () => {
    for (const [url, name] of [
      ['/api/portal/missions', 'missions'],
      ['/api/portal/institutions', 'institutions'],
      ['/api/portal/programs', 'programs'],
      ['/api/portal/countries', 'partners'],
    ] as const) {
      const res = await t.app.inject({ url: `${url}?format=csv` });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toBe(`attachment; filename="${name}.csv"`);
      expect(res.body.startsWith('\uFEFF')).toBe(true);
      const json = await t.app.inject({ url: `${url}?format=json` });
      expect(json.headers['content-type']).toContain('application/json');
      expect(json.headers['content-disposition']).toBe(`attachment; filename="${name}.json"`);
      // The CSV of a cached answer is its own entry: the JSON is not served in its place.
      expect((await t.app.inject({ url: `${url}?format=csv` })).body).toBe(res.body);
    }
    const csv = (await t.app.inject({ url: '/api/portal/institutions?format=csv' })).body;
    expect(csv).toContain('comma-institute,"Institute of Rocks, Dust and ""Glass"""');
    expect(csv).toContain(`formula,"'=HYPERLINK(""x"")"`);
    expect((await t.app.inject({ url: '/api/portal/missions?format=xml' })).statusCode).toBe(400);
  });

  it('quotes CSV fields by RFC 4180 and defuses spreadsheet formulas', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('line\nbreak')).toBe('"line\nbreak"');
    expect(csvField('-1')).toBe("'-1");
    expect(csvField(-1)).toBe('-1');
    expect(csvField(null)).toBe('');
  });
});

describe(`search across the registry, calls and results (${databaseKind})`, () => {
  it('ranks a whole-title match first, finds Chinese names, treats % literally, and downloads as CSV', async () => {
    const search = async (q: string) =>
      (await t.app.inject({ url: `/api/portal/search?q=${encodeURIComponent(q)}` })).json() as {
        items: { kind: string; title: string; path: string; score: number }[];
      };
    const exact = await search("chang'e-9");
    expect(exact.items[0]).toMatchObject({ kind: 'mission', path: '/missions/change-9', score: 100 });
    expect((await search('嫦娥九')).items[0]).toMatchObject({ path: '/missions/change-9', score: 60 });
    const rocks = await search('rocks');
    expect(rocks.items.map((h) => h.path)).toContain('/institutions/comma-institute');
    expect((await search('%')).items).toEqual([]);
    expect((await t.app.inject({ url: '/api/portal/search?q=' })).statusCode).toBe(400);
    const csv = await t.app.inject({ url: '/api/portal/search?q=rocks&format=csv' });
    expect(csv.headers['content-disposition']).toBe('attachment; filename="search.csv"');
    expect(csv.body).toContain('/institutions/comma-institute');
  });
});
