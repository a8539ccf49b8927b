import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CountryList } from '../../src/contracts/portal.js';
import { type Database, openPostgres } from '../../src/db/connection.js';
import { buildApp } from '../../src/server/app.js';
import { coalesceReads, readPublicDataVersion } from '../../src/server/public-cache.js';
import { SYSTEM } from '../../src/services/actor.js';
import { createRecord } from '../../src/services/registry/create-record.js';
import { RESOURCE_BY_NAME } from '../../src/services/registry/resources.js';
import { seedAdministrator } from '../support/accounts.js';
import { databaseKind, type TestDatabase, testDatabase } from '../support/db.js';
import { makeInstitution, makeProgram, makeProject } from '../support/factories.js';

/**
 * Public answers are cached per server under the public data version (migration 0018). Two apps
 * each with its own cache: on PostgreSQL each has its own connection pool (two servers); on PGlite,
 * which takes one connection, they share it.
 */
let database: TestDatabase;
let second: Database;
let a: FastifyInstance;
let b: FastifyInstance;
let admin: { authorization: string };

const options = { serveWeb: false, logLevel: 'silent', validateResponses: true } as const;

beforeAll(async () => {
  database = await testDatabase();
  second = database.url ? openPostgres(database.url, 2) : database;
  a = await buildApp({ database, version: 'test' }, options);
  b = await buildApp({ database: second, version: 'test' }, options);
  admin = (await seedAdministrator(database.db)).headers;
  await makeProject(database.db, {});
});

afterAll(async () => {
  await a?.close();
  await b?.close();
  if (second !== database) await second?.close();
  await database?.dispose();
});

const countryCodes = (body: string) => (JSON.parse(body) as CountryList).countries.map((c) => c.code).sort();

describe(`public answers: ETag, 304 and a cache invalidated on write (${databaseKind})`, () => {
  it('answers a public GET with a strong ETag of the body, and 304 to If-None-Match with that ETag', async () => {
    const first = await a.inject({ url: '/api/portal/summary' });
    expect(first.statusCode).toBe(200);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[\w-]{43}"$/);
    const again = await a.inject({ url: '/api/portal/summary', headers: { 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    expect(again.headers.etag).toBe(etag);
    const other = await a.inject({ url: '/api/portal/summary', headers: { 'if-none-match': '"something-else"' } });
    expect(other.statusCode).toBe(200);
    expect(other.body).toBe(first.body);
    // A public route outside the server-side cache still gets its ETag.
    const registry = await a.inject({ url: '/api/countries' });
    expect(registry.headers.etag).toMatch(/^"/);
    const registry304 = await a.inject({ url: '/api/countries', headers: { 'if-none-match': registry.headers.etag as string } });
    expect(registry304.statusCode).toBe(304);
  });

  it('bumps the public data version once per writing transaction, at commit, and not for private writes', async () => {
    const before = await readPublicDataVersion(database.db);
    await database.db.transaction(async (tx) => {
      await makeInstitution(tx as never, { name: 'First Institute' });
      await makeInstitution(tx as never, { name: 'Second Institute' });
      // Inside the transaction the bump has not happened yet: it runs at commit.
      expect(await readPublicDataVersion(tx)).toBe(before);
    });
    expect(await readPublicDataVersion(database.db)).toBe(before + 1);
    await database.db.execute(sql`delete from sessions`);
    await seedAdministrator(database.db); // accounts and tokens are private
    expect(await readPublicDataVersion(database.db)).toBe(before + 1);
  });

  it('a write through one server makes the next read on both servers fresh, and the old ETag is no longer current', async () => {
    const beforeA = await a.inject({ url: '/api/portal/countries' });
    const beforeB = await b.inject({ url: '/api/portal/countries' });
    expect(countryCodes(beforeA.body)).toEqual(countryCodes(beforeB.body));
    expect(countryCodes(beforeA.body)).not.toContain('NZ');
    // Served from each server's cache now: the same bytes.
    expect((await b.inject({ url: '/api/portal/countries' })).body).toBe(beforeB.body);

    // Through server A's HTTP API: a country, an institution there, and a project with it.
    const created = await a.inject({
      method: 'POST',
      url: '/api/countries',
      headers: admin,
      payload: { code: 'NZ', name: 'New Zealand' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const program = await makeProgram(database.db, {});
    const institution = await createRecord(database.db, SYSTEM, RESOURCE_BY_NAME.get('institutions')!, {
      slug: 'auckland',
      name: 'University of Auckland',
      kind: 'university',
      countryCode: 'NZ',
    });
    await makeProject(database.db, { programId: program.id, participants: [{ institutionId: institution.id, role: 'lead' }] });

    for (const server of [b, a]) {
      const fresh = await server.inject({
        url: '/api/portal/countries',
        headers: { 'if-none-match': beforeB.headers.etag as string },
      });
      expect(fresh.statusCode).toBe(200);
      expect(countryCodes(fresh.body)).toContain('NZ');
      expect(fresh.headers.etag).not.toBe(beforeB.headers.etag);
    }
  });

  it('a write committed before a request starts is seen by it, even while an older version read is in flight', async () => {
    // The server's reader over the real version row; the first read is held open after it has read.
    let releaseFirst!: () => void;
    const firstHeld = new Promise<void>((resolve) => {
      releaseFirst = resolve;
    });
    let reads = 0;
    const readVersion = coalesceReads(async () => {
      const version = await readPublicDataVersion(second.db);
      if (++reads === 1) await firstHeld;
      return version;
    });
    const before = await readPublicDataVersion(database.db);
    const early = readVersion();
    while (reads === 0) await new Promise((resolve) => setTimeout(resolve, 5)); // its snapshot is taken
    await makeInstitution(database.db, { name: 'Committed Meanwhile Institute' });
    const late = readVersion(); // a request that arrives after the commit
    expect(await late).toBe(before + 1);
    releaseFirst();
    expect(await early).toBe(before);
  });

  it('a caller without credentials gets the same bytes and headers from the cache as from the whole pipeline', async () => {
    await makeInstitution(database.db, { name: 'Fresh Version Institute' }); // the next read computes
    const computed = await b.inject({ url: '/api/portal/summary?x=1' });
    const fromCache = await b.inject({ url: '/api/portal/summary?x=1' });
    expect(fromCache.body).toBe(computed.body);
    const { date: _d1, ...computedHeaders } = computed.headers;
    const { date: _d2, ...cachedHeaders } = fromCache.headers;
    expect(cachedHeaders).toEqual(computedHeaders);
    const notModified = await b.inject({
      url: '/api/portal/summary?x=1',
      headers: { 'if-none-match': computed.headers.etag as string },
    });
    expect(notModified.statusCode).toBe(304);
    expect(notModified.body).toBe('');
    expect(notModified.headers['cache-control']).toBe('public, no-cache');
    expect(notModified.headers['content-security-policy']).toBe(computed.headers['content-security-policy']);
    // A caller with credentials gets the same answer, which no one may store.
    const signedIn = await b.inject({ url: '/api/portal/summary?x=1', headers: admin });
    expect(signedIn.body).toBe(computed.body);
    expect(signedIn.headers['cache-control']).toBe('no-store');
  });
});
