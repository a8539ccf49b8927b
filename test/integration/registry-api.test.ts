import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/connection.js';
import { RESOURCES } from '../../src/services/registry/resources.js';
import { seedAdministrator } from '../support/accounts.js';
import { type TestApp, testApp } from '../support/app.js';
import { databaseKind } from '../support/db.js';
import { ensureCountry, makeInstitution, makeOrganisation } from '../support/factories.js';
import { checkInvariants } from '../support/invariants.js';

let t: TestApp;
let admin: { authorization: string };

beforeAll(async () => {
  t = await testApp({ bodyLimit: 64 * 1024 });
  admin = (await seedAdministrator(t.database.db)).headers;
  await ensureCountry(t.database.db, 'FR');
  await ensureCountry(t.database.db, 'DE');
  await ensureCountry(t.database.db, 'JP');
});

afterAll(async () => {
  expect(await checkInvariants(t.database.db)).toEqual([]);
  await t.close();
});

const post = (url: string, payload: unknown) => t.app.inject({ method: 'POST', url, payload: payload as object, headers: admin });
const patch = (url: string, payload: unknown) =>
  t.app.inject({ method: 'PATCH', url, payload: payload as object, headers: admin });

/** Row counts of every registry table and the audit log: a refused write must leave them as they were. */
async function snapshot() {
  const [row] = await queryRows<Record<string, number>>(
    t.database.db,
    sql`select (select count(*)::int from countries) as countries, (select count(*)::int from institutions) as institutions,
      (select count(*)::int from people) as people, (select count(*)::int from projects) as projects,
      (select count(*)::int from audit_log) as audit`,
  );
  return row;
}

describe(`registry API on ${databaseKind} Postgres`, () => {
  it('reports health with the database kind', async () => {
    const res = await t.app.inject({ url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: databaseKind, version: 'test' });
  });

  it('creates, reads, updates, archives and restores, writing an audit row for each change', async () => {
    const created = await post('/api/institutions', {
      slug: 'osaka-university',
      name: 'Osaka University',
      nativeName: '大阪大学',
      kind: 'university',
      countryCode: 'jp',
      rorId: 'https://ror.org/035t8zc32',
    });
    expect(created.statusCode, created.body).toBe(201);
    const osaka = created.json();
    expect(osaka).toMatchObject({ countryCode: 'JP', rorId: '035t8zc32', nativeName: '大阪大学', archivedAt: null });

    expect((await t.app.inject({ url: `/api/institutions/${osaka.id}` })).json().name).toBe('Osaka University');

    const renamed = await patch(`/api/institutions/${osaka.id}`, { acronym: 'UOsaka' });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({ acronym: 'UOsaka', name: 'Osaka University' });

    const archived = await post(`/api/institutions/${osaka.id}/archive`, {});
    expect(archived.json().archivedAt).not.toBeNull();
    const listed = await t.app.inject({ url: '/api/institutions?q=osaka' });
    expect(listed.json().total).toBe(0);
    expect((await t.app.inject({ url: '/api/institutions?q=osaka&includeArchived=true' })).json().total).toBe(1);

    const refused = await patch(`/api/institutions/${osaka.id}`, { acronym: 'OU' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('ARCHIVED');

    expect((await post(`/api/institutions/${osaka.id}/restore`, {})).json().archivedAt).toBeNull();

    const trail = await queryRows<{ action: string }>(
      t.database.db,
      sql`select action from audit_log where subject_id = ${osaka.id} order by id`,
    );
    expect(trail.map((r) => r.action)).toEqual([
      'institutions.created',
      'institutions.updated',
      'institutions.archived',
      'institutions.restored',
    ]);
  });

  it('refuses an unassigned ISO code with 400 naming the field, and writes nothing', async () => {
    const before = await snapshot();
    const res = await post('/api/institutions', {
      slug: 'nowhere',
      name: 'Nowhere Institute',
      kind: 'university',
      countryCode: 'XX',
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ status: 400, code: 'INVALID_ISO_CODE', field: 'countryCode' });
    expect(await snapshot()).toEqual(before);
  });

  it('refuses an ORCID iD whose check digit is wrong, naming the field', async () => {
    const before = await snapshot();
    const res = await post('/api/people', { name: 'Josiah Carberry', email: 'jc@example.org', orcid: '0000-0002-1825-0098' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'INVALID_ORCID', field: 'orcid' });
    expect(res.json().detail).toContain('check digit');
    expect(await snapshot()).toEqual(before);
    const ok = await post('/api/people', { name: 'Josiah Carberry', email: 'jc@example.org', orcid: '0000-0002-1825-0097' });
    expect(ok.statusCode).toBe(201);
  });

  it('refuses a ROR id with a bad checksum', async () => {
    const res = await post('/api/institutions', {
      slug: 'koeln',
      name: 'Universität zu Köln',
      kind: 'university',
      countryCode: 'DE',
      rorId: '00rcxh775',
    });
    expect(res.json()).toMatchObject({ code: 'INVALID_ROR', field: 'rorId' });
  });

  it('lists every problem of a body at once', async () => {
    const res = await post('/api/institutions', { slug: 'Bad Slug', name: '', kind: 'castle' });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['kind', 'name', 'slug']);
  });

  it('refuses unknown fields rather than dropping them silently', async () => {
    const res = await post('/api/countries', { code: 'PK', name: 'Pakistan', capital: 'Islamabad' });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('VALIDATION_FAILED');
  });

  it('answers 409 DUPLICATE on a second record with the same unique value, and writes nothing', async () => {
    await makeInstitution(t.database.db, { slug: 'ipgp', rorId: '004gzqz66' });
    const before = await snapshot();
    const sameSlug = await post('/api/institutions', { slug: 'ipgp', name: 'Another', kind: 'university', countryCode: 'FR' });
    expect(sameSlug.statusCode).toBe(409);
    expect(sameSlug.json()).toMatchObject({ code: 'DUPLICATE', field: 'slug' });
    const sameRor = await post('/api/institutions', {
      slug: 'ipgp-2',
      name: 'Another',
      kind: 'university',
      countryCode: 'FR',
      rorId: '004gzqz66',
    });
    expect(sameRor.json()).toMatchObject({ code: 'DUPLICATE', field: 'rorId' });
    const sameCode = await post('/api/countries', { code: 'FR', name: 'France again' });
    expect(sameCode.json()).toMatchObject({ code: 'DUPLICATE', field: 'code' });
    const sameEmail = await post('/api/people', { name: 'X', email: 'JC@example.org' });
    expect(sameEmail.json()).toMatchObject({ code: 'DUPLICATE', field: 'email' });
    expect(await snapshot()).toEqual(before);
  });

  it('answers 404 for an unknown id, malformed or not, on get, update and archive', async () => {
    for (const id of ['00000000-0000-4000-8000-000000000000', 'not-a-uuid']) {
      for (const res of [
        await t.app.inject({ url: `/api/missions/${id}` }),
        await patch(`/api/missions/${id}`, { name: 'x' }),
        await post(`/api/missions/${id}/archive`, {}),
      ]) {
        expect(res.statusCode).toBe(404);
        expect(res.json().code).toBe('NOT_FOUND');
      }
    }
    expect((await t.app.inject({ url: '/api/countries/QQ' })).statusCode).toBe(404);
    expect((await t.app.inject({ url: '/api/no-such-thing' })).json().code).toBe('NOT_FOUND');
  });

  it('refuses a reference to a record that does not exist, naming the field', async () => {
    const before = await snapshot();
    const res = await post('/api/people', {
      name: 'Someone',
      email: 'someone@example.org',
      institutionId: '00000000-0000-4000-8000-000000000000',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'REFERENCE_NOT_FOUND', field: 'institutionId' });
    expect(await snapshot()).toEqual(before);
  });

  it('answers 413 for an oversized body and writes nothing', async () => {
    const before = await snapshot();
    const res = await post('/api/organisations', {
      slug: 'big',
      acronym: 'BIG',
      name: 'Big',
      kind: 'other',
      note: 'x'.repeat(100_000),
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().code).toBe('PAYLOAD_TOO_LARGE');
    expect(await snapshot()).toEqual(before);
  });

  it('keeps a failed project write all-or-nothing (participants included)', async () => {
    const program = (await post('/api/programs', { slug: 'change-8-cooperation', name: "Chang'e-8", kind: 'payload' })).json();
    const lead = await makeInstitution(t.database.db);
    const before = await snapshot();
    const res = await post('/api/projects', {
      programId: program.id,
      title: 'Lunar rover',
      level: 'system',
      status: 'selected',
      participants: [
        { institutionId: lead.id, role: 'lead' },
        { institutionId: '00000000-0000-4000-8000-000000000000', role: 'partner' },
      ],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('REFERENCE_NOT_FOUND');
    expect(await snapshot()).toEqual(before);
  });

  it('keeps an update consistent with the whole record (launch year and date)', async () => {
    const mission = (
      await post('/api/missions', {
        slug: 'change-5',
        name: "Chang'e-5",
        targetBody: 'moon',
        status: 'completed',
        launchDate: '2020-11-23',
      })
    ).json();
    expect(mission.launchYear).toBe(2020);
    const res = await patch(`/api/missions/${mission.id}`, { launchYear: 2021 });
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'launchYear' });
    expect((await t.app.inject({ url: `/api/missions/${mission.id}` })).json().launchYear).toBe(2020);
  });

  it('paginates, filters and sorts lists', async () => {
    const org = await makeOrganisation(t.database.db, {
      slug: 'istvs',
      acronym: 'ISTVS',
      name: 'International Society for Terrain-Vehicle Systems',
      kind: 'scientific_society',
    });
    await makeInstitution(t.database.db, {
      slug: 'istvs-secretariat',
      name: 'ISTVS Secretariat',
      countryCode: undefined,
      organisationId: org.id,
    });
    for (const name of ['Alpha', 'Bravo', 'Charlie', 'Delta', 'Echo']) {
      await makeInstitution(t.database.db, { name: `${name} Lab`, countryCode: 'DE' });
    }
    const page1 = (await t.app.inject({ url: '/api/institutions?countryCode=DE&sort=-name&pageSize=2' })).json();
    expect(page1.total).toBe(5);
    expect(page1.items.map((i: { name: string }) => i.name)).toEqual(['Echo Lab', 'Delta Lab']);
    const page3 = (await t.app.inject({ url: '/api/institutions?countryCode=DE&sort=-name&pageSize=2&page=3' })).json();
    expect(page3.items.map((i: { name: string }) => i.name)).toEqual(['Alpha Lab']);
    const byOrg = (await t.app.inject({ url: `/api/institutions?organisationId=${org.id}` })).json();
    expect(byOrg.items.map((i: { slug: string }) => i.slug)).toEqual(['istvs-secretariat']);
    const badSort = await t.app.inject({ url: '/api/institutions?sort=password' });
    expect(badSort.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'sort' });
    const badPage = await t.app.inject({ url: '/api/institutions?pageSize=100000' });
    expect(badPage.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'querystring.pageSize' });
    // A filter value of the wrong type is a 400 naming the parameter, not a database error.
    expect((await t.app.inject({ url: '/api/missions?launchYear=abc' })).json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'querystring.launchYear',
    });
    expect((await t.app.inject({ url: '/api/institutions?organisationId=not-a-uuid' })).json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'querystring.organisationId',
    });
    // A search text is matched literally, not as a LIKE pattern.
    expect((await t.app.inject({ url: '/api/institutions?q=%25' })).json().total).toBe(0);
  });

  it('publishes an OpenAPI 3 document with every registry route and its schemas, and readable docs', async () => {
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
    expect(doc.openapi).toMatch(/^3\./);
    for (const r of RESOURCES) {
      const list = doc.paths[`/api/${r.name}`];
      expect(list.get.responses['200'], r.name).toBeDefined();
      expect(list.post.requestBody, r.name).toBeDefined();
      const one = doc.paths[`/api/${r.name}/{id}`];
      expect(one.get.responses['404'], r.name).toBeDefined();
      expect(one.patch.requestBody, r.name).toBeDefined();
      expect(doc.paths[`/api/${r.name}/{id}/archive`].post, r.name).toBeDefined();
    }
    expect(doc.paths['/api/health'].get.responses['200']).toBeDefined();
    expect(doc.info.description).toContain('INVALID_ORCID');
    const docs = await t.app.inject({ url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain('/api/docs/json');
    expect((await t.app.inject({ url: '/api/docs/json' })).json().paths['/api/health']).toBeDefined();
  });
});
