import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/connection.js';
import { SYSTEM } from '../../src/services/actor.js';
import { closeExpiredCalls } from '../../src/services/calls/close-expired-calls.js';
import { createRecord } from '../../src/services/registry/create-record.js';
import { RESOURCE_BY_NAME } from '../../src/services/registry/resources.js';
import { type SeededAccount, seedActiveAccount } from '../support/accounts.js';
import { type TestApp, testApp } from '../support/app.js';
import { databaseKind } from '../support/db.js';
import { makeInstitution, makeMission, makeProgram } from '../support/factories.js';
import { checkInvariants } from '../support/invariants.js';

let t: TestApp;
let officer: SeededAccount;
let otherOfficer: SeededAccount;
let applicant: SeededAccount;
let programId: string;
let hostModuleId: string;
let collectionId: string;
let n = 0;

beforeAll(async () => {
  t = await testApp();
  const db = t.database.db;
  programId = String((await makeProgram(db)).id);
  const otherProgram = String((await makeProgram(db)).id);
  const mission = await makeMission(db, { name: "Chang'e-8" });
  const lander = await createRecord(db, SYSTEM, RESOURCE_BY_NAME.get('host-modules')!, {
    missionId: mission.id,
    kind: 'lander',
    name: "Chang'e-8 lander",
    poolMassG: 200_000,
    itemMaxMassG: 100_000,
    itemMaxAvgPowerMw: 50_000,
  });
  hostModuleId = String(lander.id);
  const collection = await createRecord(db, SYSTEM, RESOURCE_BY_NAME.get('sample-collections')!, {
    slug: 'ce5-samples',
    missionId: mission.id,
    name: "Chang'e-5 samples",
    returnedMassMg: 1_731_000,
    sampleTypes: ['scooped regolith', 'drilled core'],
  });
  collectionId = String(collection.id);
  const institution = await makeInstitution(db, { countryCode: 'FR' });
  officer = await seedActiveAccount(db, [{ role: 'program_officer', scopeId: programId }]);
  otherOfficer = await seedActiveAccount(db, [{ role: 'program_officer', scopeId: otherProgram }]);
  applicant = await seedActiveAccount(db, [{ role: 'applicant', scopeId: String(institution.id) }]);
});
afterAll(async () => {
  expect(await checkInvariants(t.database.db)).toEqual([]);
  await t.close();
});

const hours = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();

function callBody(overrides: Record<string, unknown> = {}) {
  n++;
  return {
    slug: `ce8-call-${n}`,
    programId,
    title: `Chang'e-8 payload call ${n}`,
    summary: 'International payloads on the lander.',
    timeZone: 'Asia/Shanghai',
    opensAt: hours(-1),
    closesAt: hours(48),
    eligibility: { excludedCountries: ['KP'] },
    requiredDocuments: [{ key: 'technical_annex', name: 'Technical annex', required: true }],
    criteria: [
      { key: 'science', name: 'Scientific merit', weight: 60 },
      { key: 'feasibility', name: 'Technical feasibility', weight: 40 },
    ],
    sampleOffers: [{ sampleCollectionId: collectionId, sampleType: 'scooped regolith', availableMg: 10_000, reserveMg: 2_000 }],
    moduleOffers: [{ hostModuleId }],
    ...overrides,
  };
}

async function createCall(overrides: Record<string, unknown> = {}) {
  const res = await t.app.inject({ method: 'POST', url: '/api/calls', headers: officer.headers, payload: callBody(overrides) });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function auditActions(subjectId: string): Promise<string[]> {
  const rows = await queryRows<{ action: string }>(
    t.database.db,
    sql`select action from audit_log where subject_id = ${subjectId} order by id`,
  );
  return rows.map((r) => r.action);
}

const post = (url: string, who: SeededAccount, payload: unknown = {}) =>
  t.app.inject({ method: 'POST', url, headers: who.headers, payload: payload as Record<string, unknown> });

describe(`calls on ${databaseKind} Postgres`, () => {
  it('creates a draft call with defaults from the host module, hidden from the public until published', async () => {
    const call = await createCall();
    expect(call.status).toBe('draft');
    expect(call.moduleOffers[0]).toMatchObject({ hostModuleName: "Chang'e-8 lander", poolMassG: 200_000, itemMaxMassG: 100_000 });
    expect(call.sampleOffers[0]).toMatchObject({ collectionName: "Chang'e-5 samples", availableMg: 10_000, reserveMg: 2_000 });
    expect(call.windows[0].closesAtLocal).toContain('Asia/Shanghai');
    expect(Math.abs(Date.parse(call.serverNow) - Date.now())).toBeLessThan(5_000);

    expect((await t.app.inject({ method: 'GET', url: `/api/calls/${call.slug}` })).statusCode).toBe(404);
    const mine = await t.app.inject({ method: 'GET', url: `/api/calls?programId=${programId}`, headers: officer.headers });
    expect(mine.json().map((c: { id: string }) => c.id)).toContain(call.id);
    const pub = await t.app.inject({ method: 'GET', url: '/api/calls' });
    expect(pub.json().map((c: { id: string }) => c.id)).not.toContain(call.id);
  });

  it('refuses a bad call listing every problem at once', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/calls',
      headers: officer.headers,
      payload: callBody({
        timeZone: 'Mars/Olympus_Mons',
        stages: 2,
        criteria: [
          { key: 'science', name: 'Science', weight: 50 },
          { key: 'team', name: 'Team', weight: 30 },
        ],
        sampleOffers: [{ sampleCollectionId: collectionId, sampleType: 'moon cheese', availableMg: 100, reserveMg: 100 }],
      }),
    });
    expect(res.statusCode).toBe(400);
    const fields = res.json().errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(
      expect.arrayContaining(['timeZone', 'loiClosesAt', 'criteria', 'sampleOffers.0.sampleType', 'sampleOffers.0.reserveMg']),
    );
  });

  it('runs the state machine: allowed transitions work and are audited, refused ones change nothing', async () => {
    const call = await createCall();
    const refusedFromDraft = await post(`/api/calls/${call.id}/close`, officer);
    expect(refusedFromDraft.statusCode).toBe(409);
    expect(refusedFromDraft.json().code).toBe('CONFLICT');

    expect((await post(`/api/calls/${call.id}/publish`, officer)).json().status).toBe('published');
    const again = await post(`/api/calls/${call.id}/publish`, officer);
    expect(again.statusCode).toBe(409);
    // A published call may only extend its deadline.
    const edit = await t.app.inject({
      method: 'PATCH',
      url: `/api/calls/${call.id}`,
      headers: officer.headers,
      payload: { title: 'Changed' },
    });
    expect(edit.statusCode).toBe(409);
    const earlier = await t.app.inject({
      method: 'PATCH',
      url: `/api/calls/${call.id}`,
      headers: officer.headers,
      payload: { closesAt: hours(24) },
    });
    expect(earlier.statusCode).toBe(409);
    const later = await t.app.inject({
      method: 'PATCH',
      url: `/api/calls/${call.id}`,
      headers: officer.headers,
      payload: { closesAt: hours(72) },
    });
    expect(later.statusCode, later.body).toBe(200);

    expect((await post(`/api/calls/${call.id}/close`, officer)).json().status).toBe('closed');
    expect((await post(`/api/calls/${call.id}/publish`, officer)).statusCode).toBe(409);
    expect((await post(`/api/calls/${call.id}/cancel`, officer)).json().status).toBe('cancelled');
    for (const verb of ['publish', 'close', 'cancel']) {
      const res = await post(`/api/calls/${call.id}/${verb}`, officer);
      expect(res.statusCode, verb).toBe(409);
    }
    expect(await auditActions(call.id)).toEqual([
      'call.created',
      'call.published',
      'call.deadline_extended',
      'call.closed',
      'call.cancelled',
    ]);
    const [row] = await queryRows<{ status: string }>(t.database.db, sql`select status from calls where id = ${call.id}`);
    expect(row!.status).toBe('cancelled');

    // A draft can be cancelled straight away, and edited freely before.
    const draft = await createCall();
    const edited = await t.app.inject({
      method: 'PATCH',
      url: `/api/calls/${draft.id}`,
      headers: officer.headers,
      payload: { title: 'Renamed', criteria: [{ key: 'all', name: 'Everything', weight: 100 }] },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().criteria.map((c: { key: string }) => c.key)).toEqual(['all']);
    expect((await post(`/api/calls/${draft.id}/cancel`, officer)).json().status).toBe('cancelled');
    expect(await auditActions(draft.id)).toEqual(['call.created', 'call.updated', 'call.cancelled']);
  });

  it('scopes officers to their programs: another program’s officer gets 404', async () => {
    const call = await createCall();
    for (const verb of ['publish', 'close', 'cancel']) {
      const res = await post(`/api/calls/${call.id}/${verb}`, otherOfficer);
      expect(res.statusCode, verb).toBe(404);
    }
    const patch = await t.app.inject({
      method: 'PATCH',
      url: `/api/calls/${call.id}`,
      headers: otherOfficer.headers,
      payload: { title: 'Hijacked' },
    });
    expect(patch.statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/calls/${call.id}`, headers: otherOfficer.headers })).statusCode).toBe(
      404,
    );
    await post(`/api/calls/${call.id}/publish`, officer);
    for (const path of ['applications', 'applications/export?format=csv', 'stats']) {
      const res = await t.app.inject({ method: 'GET', url: `/api/calls/${call.id}/${path}`, headers: otherOfficer.headers });
      expect(res.statusCode, path).toBe(404);
    }
    const create = await t.app.inject({
      method: 'POST',
      url: '/api/calls',
      headers: otherOfficer.headers,
      payload: callBody(),
    });
    expect(create.statusCode).toBe(403);
    expect(await auditActions(call.id)).toEqual(['call.created', 'call.published']);
    // The applicant role does not manage calls at all.
    expect((await post(`/api/calls/${call.id}/close`, applicant)).statusCode).toBe(403);
  });

  it('closes a published call once its deadline passes, by the database clock, with an audit row', async () => {
    const call = await createCall({ closesAt: new Date(Date.now() + 1_500).toISOString() });
    expect((await post(`/api/calls/${call.id}/publish`, officer)).statusCode).toBe(200);
    const deadline = { ...SYSTEM, label: 'system:deadline' };
    expect(await closeExpiredCalls(t.database.db, deadline)).not.toContain(call.slug);
    await new Promise((resolve) => setTimeout(resolve, 1_700));
    expect(await closeExpiredCalls(t.database.db, deadline)).toContain(call.slug);
    const after = await t.app.inject({ url: `/api/calls/${call.id}` });
    expect(after.json().status).toBe('closed');
    expect(await auditActions(call.id)).toEqual(['call.created', 'call.published', 'call.closed']);
    // Running again finds nothing more to do.
    expect(await closeExpiredCalls(t.database.db, deadline)).not.toContain(call.slug);
  });
});
