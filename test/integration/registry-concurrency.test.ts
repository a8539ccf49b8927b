import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/connection.js';
import { seedAdministrator } from '../support/accounts.js';
import { type TestApp, testApp } from '../support/app.js';
import { ensureCountry } from '../support/factories.js';

let t: TestApp;
let headers: { authorization: string };
beforeAll(async () => {
  t = await testApp();
  headers = (await seedAdministrator(t.database.db)).headers;
  await ensureCountry(t.database.db, 'IT');
});
afterAll(() => t.close());

describe('concurrent registry writers', () => {
  it('let exactly one of many racing creates of the same slug win; the rest get 409', async () => {
    const attempts = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        t.app.inject({
          method: 'POST',
          url: '/api/institutions',
          headers,
          payload: { slug: 'infn-lnf', name: `INFN-LNF attempt ${i}`, kind: 'research_institute', countryCode: 'IT' },
        }),
      ),
    );
    const codes = attempts.map((r) => r.statusCode).sort();
    expect(codes.filter((c) => c === 201)).toHaveLength(1);
    expect(codes.filter((c) => c === 409)).toHaveLength(11);
    const [row] = await queryRows<{ n: number; audits: number }>(
      t.database.db,
      sql`select (select count(*)::int from institutions where slug = 'infn-lnf') as n,
             (select count(*)::int from audit_log where action = 'institutions.created') as audits`,
    );
    // The losers' audit rows went down with their transactions.
    expect(row).toEqual({ n: 1, audits: 1 });
  });

  it('applies racing updates of one record one after the other, each audited', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/institutions',
      headers,
      payload: { slug: 'inaf', name: 'INAF', kind: 'research_institute', countryCode: 'IT' },
    });
    const id = created.json().id;
    const names = Array.from({ length: 8 }, (_, i) => `INAF ${i}`);
    const results = await Promise.all(
      names.map((name) => t.app.inject({ method: 'PATCH', url: `/api/institutions/${id}`, headers, payload: { name } })),
    );
    expect(results.every((r) => r.statusCode === 200)).toBe(true);
    const trail = await queryRows<{ after: string }>(
      t.database.db,
      sql`select details->'after'->>'name' as after from audit_log where subject_id = ${id} and action = 'institutions.updated' order by id`,
    );
    expect(trail.map((r) => r.after).sort()).toEqual([...names].sort());
    const final = (await t.app.inject({ url: `/api/institutions/${id}` })).json().name;
    expect(final).toBe(trail.at(-1)?.after);
  });
});
