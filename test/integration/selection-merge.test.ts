import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectionDecisions, selectionMergeGroups } from '../../src/db/schema.js';
import { type SeededAccount, seedActiveAccount } from '../support/accounts.js';
import { type TestApp, testApp } from '../support/app.js';
import { databaseKind } from '../support/db.js';
import { makeProgram } from '../support/factories.js';
import { checkInvariants } from '../support/invariants.js';
import { type SeededSelectionCall, seedSelectionCall } from '../support/selection-factories.js';

// Merged proposals, as the 41 Chang'e-8 proposals merged into 10 projects: a rover (M1) and its
// charging station (M2) merged into one project of 85 merit using 80 g of a 100 g pool.
//   M1: merit 50, 40 g (FR)   M2: merit 45, 40 g (DE)   S: merit 80, 50 g (IT)   T: merit 30, 20 g (JP)
// Unmerged the optimum is S + M1 (130); merged, M1 and M2 go together or not at all, and the
// optimum is the project + T (125, exactly 100 g): S no longer fits beside the whole project.

const SEEDS = [
  { key: 'M1', country: 'FR', massG: 40, massMg: 100, merit: 50 },
  { key: 'M2', country: 'DE', massG: 40, massMg: 100, merit: 45 },
  { key: 'S', country: 'IT', massG: 50, massMg: 100, merit: 80 },
  { key: 'T', country: 'JP', massG: 20, massMg: 100, merit: 30 },
];

let t: TestApp;
let official: SeededAccount;
let programId: string;
let applicant: SeededAccount;

const inject = async (method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
  t.app.inject({ method, url, headers: official.headers, ...(payload === undefined ? {} : { payload: payload as object }) });

async function scoredCall(): Promise<SeededSelectionCall> {
  const seeded = await seedSelectionCall(t.database.db, { programId, applicantAccountId: applicant.id, proposals: SEEDS });
  const res = await inject('POST', `/api/calls/${seeded.callId}/selection/merits`, {
    merits: SEEDS.map((p) => ({ applicationId: seeded.ids[p.key], merit: p.merit })),
  });
  expect(res.statusCode, res.body).toBe(200);
  return seeded;
}

const project = (c: SeededSelectionCall) => ({ name: 'Rover and charging station', members: [c.ids.M1!, c.ids.M2!] });
const keysOf = (c: SeededSelectionCall, ids: string[]) =>
  ids.map((id) => Object.entries(c.ids).find(([, v]) => v === id)?.[0]).sort();

beforeAll(async () => {
  t = await testApp();
  const db = t.database.db;
  programId = String((await makeProgram(db)).id);
  official = await seedActiveAccount(db, [{ role: 'selection_official', scopeId: programId }]);
  applicant = await seedActiveAccount(db, []);
});

afterAll(async () => {
  expect(await checkInvariants(t.database.db)).toEqual([]);
  await t.close();
});

describe(`merged proposals on ${databaseKind} Postgres`, () => {
  it('selects or rejects a merged project as a whole, using the sum of its members’ resources', async () => {
    const c = await scoredCall();
    const before = (await inject('GET', `/api/calls/${c.callId}/selection/proposal?sweep=false`)).json();
    expect([before.objective, keysOf(c, before.selected)]).toEqual([130, ['M1', 'S']]);

    const set = await inject('PUT', `/api/calls/${c.callId}/selection/merge-groups`, { groups: [project(c)] });
    expect(set.statusCode, set.body).toBe(200);
    const res = await inject('GET', `/api/calls/${c.callId}/selection/proposal`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.status).toBe('optimal');
    expect([body.objective, body.bound]).toEqual([125, 125]);
    expect(keysOf(c, body.selected)).toEqual(['M1', 'M2', 'T']);
    expect(body.budgets[0].used).toBe(100);
    expect(body.groups).toEqual([
      { id: expect.any(String), name: 'Rover and charging station', members: [c.ids.M1, c.ids.M2].sort() },
    ]);
    expect(body.rules.together).toEqual([{ id: body.groups[0].id, members: [c.ids.M1, c.ids.M2].sort() }]);
    // S is kept out by the orbiter pool beside the whole project, and the reason names what it would displace.
    const s = body.reasons.find((r: { id: string }) => r.id === c.ids.S);
    expect(s.decision).toBe('rejected');
    // Forced in, S keeps T and drops the whole project (both members), losing 125 − 110 merit.
    expect(keysOf(c, s.displaces)).toEqual(['M1', 'M2']);
    expect(s.meritLost).toBe(15);
  });

  it('refuses a decision that splits a merged project and names it, writing nothing', async () => {
    const c = await scoredCall();
    await inject('PUT', `/api/calls/${c.callId}/selection/merge-groups`, { groups: [project(c)] });
    const res = await inject('POST', `/api/calls/${c.callId}/selection/decisions`, {
      decisions: [
        { applicationId: c.ids.M1, outcome: 'selected', reason: 'The rover.' },
        { applicationId: c.ids.M2, outcome: 'rejected', reason: 'Not the station.' },
        { applicationId: c.ids.S, outcome: 'selected', reason: 'High merit.' },
        { applicationId: c.ids.T, outcome: 'rejected', reason: 'No room.' },
      ],
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().code).toBe('VALIDATION_FAILED');
    expect(res.json().detail).toContain('Rover and charging station');
    const written = await t.database.db.select().from(selectionDecisions).where(eq(selectionDecisions.callId, c.callId));
    expect(written).toEqual([]);
  });

  it('the database itself refuses a decided set that splits a merged project', async () => {
    const c = await scoredCall();
    await inject('PUT', `/api/calls/${c.callId}/selection/merge-groups`, { groups: [project(c)] });
    const write = t.database.db.transaction(async (tx) => {
      await tx.insert(selectionDecisions).values([
        { callId: c.callId, applicationId: c.ids.M1!, outcome: 'selected', reason: 'direct', decidedBy: 'test' },
        { callId: c.callId, applicationId: c.ids.M2!, outcome: 'rejected', reason: 'direct', decidedBy: 'test' },
      ]);
      await tx.execute(sql`set constraints selection_decisions_merged_whole immediate`);
    });
    await expect(write).rejects.toThrow();
    const written = await t.database.db.select().from(selectionDecisions).where(eq(selectionDecisions.callId, c.callId));
    expect(written).toEqual([]);
  });

  it('decides a merged project whole, then freezes its groups with the decision', async () => {
    const c = await scoredCall();
    await inject('PUT', `/api/calls/${c.callId}/selection/merge-groups`, { groups: [project(c)] });
    const res = await inject('POST', `/api/calls/${c.callId}/selection/decisions`, {
      decisions: [
        { applicationId: c.ids.M1, outcome: 'selected', reason: 'Merged project, best set.' },
        {
          applicationId: c.ids.M2,
          outcome: 'conditional',
          conditions: 'Interface control document by March.',
          reason: 'Merged project.',
        },
        { applicationId: c.ids.S, outcome: 'rejected', reason: 'Does not fit beside the merged project.' },
        { applicationId: c.ids.T, outcome: 'selected', reason: 'Fits.' },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    expect([res.json().merit, res.json().meritLost]).toEqual([125, 0]);
    const again = await inject('PUT', `/api/calls/${c.callId}/selection/merge-groups`, { groups: [] });
    expect(again.statusCode).toBe(409);
    await expect(
      t.database.db.insert(selectionMergeGroups).values({ callId: c.callId, name: 'Late', createdBy: 'test' }),
    ).rejects.toThrow();
  });

  it('refuses malformed merge groups: one member, a proposal in two projects, a proposal of another call', async () => {
    const c = await scoredCall();
    const other = await scoredCall();
    const cases = [
      { groups: [{ name: 'Alone', members: [c.ids.M1, c.ids.M1] }] },
      {
        groups: [
          { name: 'One', members: [c.ids.M1, c.ids.M2] },
          { name: 'Two', members: [c.ids.M2, c.ids.T] },
        ],
      },
      { groups: [{ name: 'Foreign', members: [c.ids.M1, other.ids.M2] }] },
      {
        groups: [
          { name: 'Same', members: [c.ids.M1, c.ids.M2] },
          { name: 'same', members: [c.ids.S, c.ids.T] },
        ],
      },
    ];
    for (const payload of cases) {
      const res = await inject('PUT', `/api/calls/${c.callId}/selection/merge-groups`, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
    }
    const groups = await t.database.db.select().from(selectionMergeGroups).where(eq(selectionMergeGroups.callId, c.callId));
    expect(groups).toEqual([]);
  });
});
