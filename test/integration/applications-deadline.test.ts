import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/connection.js';
import { SYSTEM } from '../../src/services/actor.js';
import { createRecord } from '../../src/services/registry/create-record.js';
import { RESOURCE_BY_NAME } from '../../src/services/registry/resources.js';
import { type SeededAccount, seedActiveAccount } from '../support/accounts.js';
import { type TestApp, testApp } from '../support/app.js';
import { databaseKind } from '../support/db.js';
import { makeInstitution, makeMission, makeProgram } from '../support/factories.js';
import { checkInvariants } from '../support/invariants.js';

// ~40 submissions of different applications fired around a deadline ~1.5 s ahead: each is wholly
// accepted (version + requests + status) or refused as closed, judged by the database clock.

const N = 40;
let t: TestApp;
let applicant: SeededAccount;
let callId: string;
const apps: string[] = [];

beforeAll(async () => {
  t = await testApp();
  const db = t.database.db;
  const programId = String((await makeProgram(db)).id);
  const mission = await makeMission(db);
  const lander = await createRecord(db, SYSTEM, RESOURCE_BY_NAME.get('host-modules')!, {
    missionId: mission.id,
    kind: 'lander',
    name: 'Race lander',
    poolMassG: 10_000_000,
    itemMaxMassG: 100_000,
  });
  const leadId = String((await makeInstitution(db, { countryCode: 'FR' })).id);
  const officer = await seedActiveAccount(db, [{ role: 'program_officer', scopeId: programId }]);
  applicant = await seedActiveAccount(db, [{ role: 'applicant', scopeId: leadId }]);
  const created = await t.app.inject({
    method: 'POST',
    url: '/api/calls',
    headers: officer.headers,
    payload: {
      slug: 'race-call',
      programId,
      title: 'Race call',
      opensAt: new Date(Date.now() - 3_600_000).toISOString(),
      closesAt: new Date(Date.now() + 3_600_000).toISOString(),
      moduleOffers: [{ hostModuleId: lander.id }],
    },
  });
  expect(created.statusCode, created.body).toBe(201);
  callId = created.json().id;
  const offerId = created.json().moduleOffers[0].id;
  await t.app.inject({ method: 'POST', url: `/api/calls/${callId}/publish`, headers: officer.headers });
  for (let i = 0; i < N; i++) {
    const app = (
      await t.app.inject({ method: 'POST', url: `/api/calls/${callId}/applications`, headers: applicant.headers, payload: {} })
    ).json();
    const document = {
      title: `Payload ${i}`,
      abstract: 'A payload.',
      team: [{ institutionId: leadId, role: 'lead' }],
      people: [{ name: 'PI', role: 'principal_investigator' }],
      scheme: { objectives: 'o', methods: 'm', expectedResults: 'r' },
      payloadRequests: [
        {
          offerId,
          name: `P${i}`,
          massG: 1_000 + i,
          avgPowerMw: 100,
          peakPowerMw: 200,
          dataMbPerDay: 1,
          lengthMm: 100,
          widthMm: 100,
          heightMm: 100,
          minTempC: -20,
          maxTempC: 40,
          mounting: 'outside',
        },
      ],
    };
    const saved = await t.app.inject({
      method: 'PUT',
      url: `/api/applications/${app.id}/draft`,
      headers: applicant.headers,
      payload: { document, baseRevision: 0 },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    apps.push(app.id);
  }
});
afterAll(async () => {
  expect(await checkInvariants(t.database.db)).toEqual([]);
  await t.close();
});

describe(`the submission deadline on ${databaseKind} Postgres`, () => {
  it('accepts or refuses each racing submission atomically, by the database clock', async () => {
    const db = t.database.db;
    const [deadline] = await queryRows<{ closes_at: string | Date }>(
      db,
      sql`update calls set closes_at = now() + interval '1.5 seconds' where id = ${callId} returning closes_at`,
    );
    const closesAt = new Date(deadline!.closes_at).getTime();
    // Spread the submissions from 1 s before the deadline to 1 s after it.
    const start = Date.now();
    const results = await Promise.all(
      apps.map(async (id, i) => {
        const fireAt = closesAt - 1_000 + (i * 2_000) / N;
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, fireAt - Date.now())));
        const res = await t.app.inject({
          method: 'POST',
          url: `/api/applications/${id}/submit`,
          headers: applicant.headers,
          payload: { revision: 1 },
        });
        return { id, status: res.statusCode, body: res.json() };
      }),
    );
    expect(Date.now() - start).toBeGreaterThan(1_000);

    const accepted = results.filter((r) => r.status === 200);
    const refused = results.filter((r) => r.status !== 200);
    for (const r of accepted) expect(r.body.version).toBe(1);
    for (const r of refused) {
      expect(r.status, JSON.stringify(r.body)).toBe(409);
      expect(r.body.detail).toMatch(/closed/);
    }
    expect(accepted.length + refused.length).toBe(N);
    console.log(`deadline race on ${databaseKind}: ${accepted.length} accepted, ${refused.length} refused as closed`);

    const rows = await queryRows<{
      id: string;
      status: string;
      submitted_version: number | null;
      versions: number | string;
      requests: number | string;
      late: boolean | null;
    }>(
      db,
      sql`select a.id, a.status, a.submitted_version,
                 (select count(*) from application_versions v where v.application_id = a.id) as versions,
                 (select count(*) from application_requests r where r.application_id = a.id) as requests,
                 (select bool_or(v.submitted_at >= c.closes_at) from application_versions v where v.application_id = a.id) as late
            from applications a join calls c on c.id = a.call_id
           where a.call_id = ${callId}`,
    );
    const acceptedIds = new Set(accepted.map((r) => r.id));
    for (const row of rows) {
      if (acceptedIds.has(row.id)) {
        expect(row).toMatchObject({ status: 'submitted', submitted_version: 1 });
        expect(Number(row.versions)).toBe(1);
        expect(Number(row.requests)).toBe(1);
        expect(row.late).toBe(false);
      } else {
        expect(row).toMatchObject({ status: 'draft', submitted_version: null });
        expect(Number(row.versions)).toBe(0);
        expect(Number(row.requests)).toBe(0);
      }
    }
    const [audited] = await queryRows<{ n: number | string }>(
      db,
      sql`select count(*) as n from audit_log where action = 'application.submitted'`,
    );
    expect(Number(audited!.n)).toBe(accepted.length);
  });
});
