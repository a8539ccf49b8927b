import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedAdministrator } from '../support/accounts.js';
import { type TestApp, testApp } from '../support/app.js';
import { databaseKind } from '../support/db.js';

// Every route, called by an administrator (so authorization lets it through) with malformed ids,
// query parameters and bodies, answers a problem the caller can act on, never a 500.

let t: TestApp;
let headers: Record<string, string>;

beforeAll(async () => {
  t = await testApp();
  headers = (await seedAdministrator(t.database.db)).headers;
});
afterAll(() => t.close());

const JUNK_QUERY =
  '?page=abc&pageSize=-1&sort=%27;drop&status=zzz&country=!!&check=maybe&programId=bad&format=xml&beforeId=x&limit=0&stage=moon&launchYear=abc&organisationId=nope';
const PARAMS = ['not-a-uuid', '00000000-0000-4000-8000-000000000000', '%E2%80%AE%00x'];
const BODIES: unknown[] = [
  {},
  { id: 1, name: ['x'], document: 'text', revision: 'one' },
  [],
  { name: 'a\u0000b', email: 'x\u0000@y.z', code: 'F\u0000' },
];

describe(`malformed requests on ${databaseKind} Postgres`, () => {
  it('never answer 500', async () => {
    const failures: string[] = [];
    for (const route of t.app.routeTable) {
      if (route.url.startsWith('/api/docs')) continue;
      for (const param of PARAMS) {
        const url = route.url.replace(/:\w+/g, param);
        const attempts =
          route.method === 'GET'
            ? [t.app.inject({ method: 'GET', url: `${url}${JUNK_QUERY}`, headers })]
            : BODIES.map((payload) =>
                t.app.inject({ method: route.method as 'POST', url: `${url}${JUNK_QUERY}`, headers, payload: payload as object }),
              );
        for (const res of await Promise.all(attempts)) {
          if (res.statusCode >= 500) failures.push(`${route.method} ${url}: ${res.statusCode} ${res.body.slice(0, 160)}`);
          else if (res.statusCode >= 400)
            expect(res.headers['content-type'], `${route.method} ${url}`).toContain('application/problem+json');
        }
      }
    }
    expect(failures).toEqual([]);
  });
});
