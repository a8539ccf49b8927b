import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/domain/errors.js';
import { normaliseRor } from '../../src/domain/partners/identifiers.js';
import { countByResource, planSeed } from '../../src/services/seed/plan-seed.js';
import { parseSeedData, readSeedFile, type SeedData } from '../../src/services/seed/seed-data.js';

const data = readSeedFile();
const clone = (): SeedData => structuredClone(data);

function errorOf(work: () => unknown): AppError {
  try {
    work();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

describe('the demo data file', () => {
  const plan = planSeed(data);
  const byResource = (name: string) => plan.filter((op) => op.resource === name).map((op) => op.input);

  it('plans every ISO 3166-1 code, Hong Kong, Macao and Taiwan as regions of China', () => {
    const countries = byResource('countries');
    expect(countries).toHaveLength(249);
    const hk = countries.find((c) => c.code === 'HK');
    expect(hk).toMatchObject({ kind: 'region', sovereignCode: 'CN', name: 'Hong Kong', nativeName: '香港' });
    // A region comes after its sovereign, so its reference points back.
    const order = countries.map((c) => c.code);
    expect(order.indexOf('CN')).toBeLessThan(order.indexOf('HK'));
    expect(countries.find((c) => c.code === 'FR')?.name).toBe('France');
  });

  it('has the organisations, missions and programs of the reference', () => {
    expect(data.organisations.map((o) => o.acronym).sort()).toEqual(['APSCO', 'AUASS', 'ESA', 'ISTVS', 'UNOOSA']);
    expect(data.missions.map((m) => m.slug)).toEqual([
      'change-5',
      'change-6',
      'change-7',
      'change-8',
      'tianwen-3',
      'china-space-station',
      'svom',
    ]);
    expect(data.programs.map((p) => p.slug)).toEqual(
      expect.arrayContaining([
        'change-5-sample-loans',
        'change-8-cooperation',
        'ilrs',
        'css-first-cycle',
        'tianwen-3-payloads',
        'svom',
      ]),
    );
    expect(countByResource(plan)).toMatchObject({ missions: 7, programs: 9 });
  });

  it("gives Chang'e-8 ten projects from 11 countries and regions and one international organisation", () => {
    const projects = data.projects.filter((p) => p.program === 'change-8-cooperation');
    expect(projects).toHaveLength(10);
    const homes = new Map(data.institutions.map((i) => [i.slug, i]));
    const countries = new Set<string>();
    const organisations = new Set<string>();
    for (const project of projects) {
      for (const part of project.participants) {
        const home = homes.get(part.institution)!;
        if (home.country) countries.add(home.country);
        if (home.organisation) organisations.add(home.organisation);
      }
    }
    expect([...countries].sort()).toEqual(['BH', 'EG', 'HK', 'IR', 'IT', 'PE', 'PK', 'RU', 'TH', 'TR', 'ZA']);
    expect([...organisations]).toEqual(['istvs']);
  });

  it("approves seven Chang'e-5 loans to institutions in six countries", () => {
    const loans = data.projects.filter((p) => p.program === 'change-5-sample-loans');
    expect(loans).toHaveLength(7);
    expect(loans.every((p) => p.status === 'approved' && p.level === 'sample_loan')).toBe(true);
    const homes = new Map(data.institutions.map((i) => [i.slug, i.country]));
    expect(new Set(loans.map((p) => homes.get(p.participants[0]!.institution))).size).toBe(6);
  });

  it('lists China as ILRS initiator and 17 members, each with the uncertainty noted', () => {
    const ilrs = data.partnerships.filter((p) => p.program === 'ilrs');
    expect(ilrs.filter((p) => p.kind === 'initiator').map((p) => p.country)).toEqual(['CN']);
    const members = ilrs.filter((p) => p.kind === 'member');
    expect(members).toHaveLength(17);
    expect(members.filter((p) => p.organisation).map((p) => p.organisation)).toEqual(['apsco', 'auass']);
    expect(members.every((p) => p.confidence === 'unconfirmed' && p.confidenceNote)).toBe(true);
  });

  it('gives each project with participants exactly one lead', () => {
    for (const project of data.projects) {
      if (project.participants.length === 0) {
        expect(project.confidence, project.title).toBe('unconfirmed');
        continue;
      }
      expect(
        project.participants.filter((p) => p.role === 'lead'),
        project.title,
      ).toHaveLength(1);
    }
  });

  it('explains every unconfirmed fact and carries only valid ROR ids', () => {
    const all = [
      ...data.missions,
      ...data.hostModules,
      ...data.sampleCollections,
      ...data.programs,
      ...data.partnerships,
      ...data.projects,
    ];
    for (const record of all) if (record.confidence === 'unconfirmed') expect(record.confidenceNote).toBeTruthy();
    const rors = data.institutions.filter((i) => i.rorId);
    expect(rors.length).toBeGreaterThanOrEqual(5);
    for (const i of rors) expect(normaliseRor(i.rorId!), i.slug).toBe(i.rorId);
  });

  it("records the Chang'e-6 mass as unconfirmed, in milligrams", () => {
    const ce6 = data.sampleCollections.find((s) => s.slug === 'change-6-samples')!;
    expect(ce6).toMatchObject({ returnedMassMg: 1_935_300, confidence: 'unconfirmed' });
    expect(data.sampleCollections.find((s) => s.slug === 'change-5-samples')?.returnedMassMg).toBe(1_731_000);
  });
});

describe('bad demo data', () => {
  it('names an unknown reference by its place in the file', () => {
    const bad = clone();
    const index = bad.projects.findIndex((p) => p.program === 'change-8-cooperation');
    bad.projects[index]!.participants[0]!.institution = 'xyz';
    bad.institutions[2]!.country = 'QQ';
    const error = errorOf(() => planSeed(bad));
    expect(error.message).toContain(`projects[${index}].participants[0].institution: unknown institution "xyz"`);
    expect(error.message).toContain('institutions[2].country: unknown country "QQ"');
    expect(error.issues).toHaveLength(2);
  });

  it('refuses a duplicate slug and a host module of another mission', () => {
    const bad = clone();
    bad.institutions.push({ ...bad.institutions[0]! });
    const index = bad.projects.findIndex((p) => p.program === 'change-8-cooperation');
    bad.projects[index]!.hostModule = { mission: 'change-7', name: 'Lander' };
    const error = errorOf(() => planSeed(bad));
    expect(error.message).toContain(`institutions[${bad.institutions.length - 1}].slug: "cnsa" is listed twice`);
    expect(error.message).toContain(`projects[${index}].hostModule: host module "change-7/Lander" belongs to mission "change-7"`);
  });

  it('refuses a wrong shape with the path of the field', () => {
    const raw = JSON.parse(JSON.stringify(data)) as Record<string, any>;
    raw.missions[1].status = 'lost';
    raw.projects[0].colour = 'red';
    const error = errorOf(() => parseSeedData(raw));
    expect(error.message).toMatch(/missions\[1\]\.status: /);
    expect(error.message).toMatch(/projects\[0\]: .*colour/);
  });
});
