import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/connection.js';
import {
  applicationRequests,
  callModuleOffers,
  callSampleOffers,
  calls,
  panelResults,
  reviewRounds,
  sampleAllocations,
  selectionDecisions,
  selectionRules,
} from '../../src/db/schema.js';
import { SYSTEM } from '../../src/services/actor.js';
import { createRecord } from '../../src/services/registry/create-record.js';
import { RESOURCE_BY_NAME } from '../../src/services/registry/resources.js';
import { type SeededAccount, seedActiveAccount } from '../support/accounts.js';
import { type TestApp, testApp } from '../support/app.js';
import { databaseKind } from '../support/db.js';
import { makeInstitution, makeMission, makeProgram } from '../support/factories.js';
import { checkInvariants } from '../support/invariants.js';
import { seedClosedCall, seedSubmittedApplication } from '../support/review-factories.js';
import { selectionInvariants } from '../support/selection-invariants.js';

// A small call whose optimum is known by hand: a 100 g orbiter pool and 800 mg of regolith
// (1,000 mg less a 200 mg reserve). Greedy by merit takes A then C (160); the optimum is B, C, D (180).
//   A: merit 90, 60 g, 500 mg, FR   B: merit 80, 50 g, 400 mg, DE
//   C: merit 70, 40 g, 300 mg, IT   D: merit 30, 10 g, 100 mg, JP

let t: TestApp;
let official: SeededAccount;
let officer: SeededAccount;
let applicant: SeededAccount;
let programId: string;
let moduleId: string;
let collectionId: string;
let lab: string;

const record = async (resource: string, values: Record<string, unknown>) =>
  (await createRecord(t.database.db, SYSTEM, RESOURCE_BY_NAME.get(resource)!, values)) as { id: string };

/** A closed call with one module offer and one sample offer, and proposals with their requests. */
async function seedCall(proposals: { key: string; country: string; massG: number; massMg: number }[]) {
  const db = t.database.db;
  const call = await seedClosedCall(db, programId);
  const [mod] = await db.insert(callModuleOffers).values({ callId: call.id, hostModuleId: moduleId, poolMassG: 100 }).returning();
  const [sample] = await db
    .insert(callSampleOffers)
    .values({ callId: call.id, sampleCollectionId: collectionId, sampleType: 'regolith', availableMg: 1000, reserveMg: 200 })
    .returning();
  const ids: Record<string, string> = {};
  for (const p of proposals) {
    const app = await seedSubmittedApplication(db, {
      callId: call.id,
      ownerAccountId: applicant.id,
      title: `Proposal ${p.key}`,
      team: [{ institutionId: lab, role: 'lead' }],
      leadCountry: p.country,
    });
    ids[p.key] = app.id;
    await db.insert(applicationRequests).values([
      { applicationId: app.id, version: 1, moduleOfferId: mod!.id, massG: p.massG },
      { applicationId: app.id, version: 1, sampleOfferId: sample!.id, massMg: p.massMg },
    ]);
  }
  return { callId: call.id, moduleOfferId: mod!.id, sampleOfferId: sample!.id, ids };
}

const SMALL = [
  { key: 'A', country: 'FR', massG: 60, massMg: 500, merit: 90 },
  { key: 'B', country: 'DE', massG: 50, massMg: 400, merit: 80 },
  { key: 'C', country: 'IT', massG: 40, massMg: 300, merit: 70 },
  { key: 'D', country: 'JP', massG: 10, massMg: 100, merit: 30 },
];

let small: Awaited<ReturnType<typeof seedCall>>;

beforeAll(async () => {
  t = await testApp();
  const db = t.database.db;
  programId = String((await makeProgram(db)).id);
  official = await seedActiveAccount(db, [{ role: 'selection_official', scopeId: programId }]);
  officer = await seedActiveAccount(db, [{ role: 'program_officer', scopeId: programId }]);
  lab = String((await makeInstitution(db, { countryCode: 'FR' })).id);
  applicant = await seedActiveAccount(db, [{ role: 'applicant', scopeId: lab }]);
  const mission = String((await makeMission(db)).id);
  moduleId = (await record('host-modules', { missionId: mission, kind: 'orbiter', name: 'Orbiter', poolMassG: 100 })).id;
  collectionId = (
    await record('sample-collections', {
      slug: `ce-${Date.now()}`,
      missionId: mission,
      name: 'Chang’e test',
      returnedMassMg: 100_000,
    })
  ).id;
  small = await seedCall(SMALL);
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/calls/${small.callId}/selection/merits`,
    headers: official.headers,
    payload: { merits: SMALL.map((p) => ({ applicationId: small.ids[p.key], merit: p.merit })) },
  });
  expect(res.statusCode, res.body).toBe(200);
});

afterAll(async () => {
  expect(await checkInvariants(t.database.db)).toEqual([]);
  await t.close();
});

/** Writes decisions straight into the database, bypassing the use case's own check. */
const insertDecisionsDirectly = (callId: string, applicationIds: string[]) =>
  t.database.db.insert(selectionDecisions).values(
    applicationIds.map((applicationId) => ({
      callId,
      applicationId,
      outcome: 'selected',
      reason: 'direct',
      decidedBy: 'test',
    })),
  );

const name = (ids: Record<string, string>, id: string) => Object.entries(ids).find(([, v]) => v === id)?.[0];

describe(`selection flow on ${databaseKind} Postgres`, () => {
  it('proposes the proven optimum with a reason per proposal and a what-if sweep', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/calls/${small.callId}/selection/proposal`,
      headers: officer.headers,
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.status).toBe('optimal');
    expect(body.objective).toBe(180);
    expect(body.bound).toBe(180);
    expect(body.selected.map((id: string) => name(small.ids, id)).sort()).toEqual(['B', 'C', 'D']);
    expect(body.reasons).toHaveLength(4);
    const a = body.reasons.find((r: { id: string }) => r.id === small.ids.A);
    expect(a.decision).toBe('rejected');
    expect(a.text.length).toBeGreaterThan(0);
    expect(body.sweep.length).toBeGreaterThan(0);
    expect(body.budgets.map((b: { label: string; amount: number }) => [b.label, b.amount])).toEqual([
      ['Orbiter mass', 100],
      ['regolith sample mass', 800],
    ]);
  });

  it('refuses an over-budget decision and names the binding budget, writing nothing', async () => {
    const decisions = [
      { applicationId: small.ids.A, outcome: 'selected', reason: 'Top ranked.' },
      { applicationId: small.ids.B, outcome: 'selected', reason: 'Second.' },
      { applicationId: small.ids.C, outcome: 'rejected', reason: 'No room.' },
      { applicationId: small.ids.D, outcome: 'rejected', reason: 'No room.' },
    ];
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/calls/${small.callId}/selection/decisions`,
      headers: official.headers,
      payload: { decisions },
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().code).toBe('OVER_LIMIT');
    expect(res.json().detail).toContain('Orbiter mass (100 g)');
    expect(res.json().detail).toContain('regolith sample mass (800 mg)');
    const written = await t.database.db.select().from(selectionDecisions).where(eq(selectionDecisions.callId, small.callId));
    expect(written).toEqual([]);
  });

  it('refuses the decision to a program officer (officials decide)', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/calls/${small.callId}/selection/decisions`,
      headers: officer.headers,
      payload: { decisions: [{ applicationId: small.ids.A, outcome: 'rejected', reason: 'x' }] },
    });
    expect(res.statusCode).toBe(403);
  });

  it('decides an override, shows the merit it loses, freezes the decisions and allocates the samples', async () => {
    const decisions = [
      { applicationId: small.ids.A, outcome: 'selected', reason: 'Highest merit; the official prefers it.' },
      { applicationId: small.ids.B, outcome: 'rejected', reason: 'Does not fit beside A in the orbiter pool.' },
      { applicationId: small.ids.C, outcome: 'rejected', reason: 'Same orbiter slot as A.' },
      { applicationId: small.ids.D, outcome: 'conditional', conditions: 'Mass model by June.', reason: 'Fits beside A.' },
    ];
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/calls/${small.callId}/selection/decisions`,
      headers: official.headers,
      payload: { decisions },
    });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect([body.merit, body.optimum, body.meritLost]).toEqual([120, 180, 60]);
    expect(body.status).toBe('decided');
    const db = t.database.db;
    const [call] = await db.select({ status: calls.status }).from(calls).where(eq(calls.id, small.callId));
    expect(call!.status).toBe('decided');

    const list = await t.app.inject({
      method: 'GET',
      url: `/api/calls/${small.callId}/selection/decisions`,
      headers: officer.headers,
    });
    const rows = list.json() as { applicationId: string; outcome: string; allocations: { massMg: number }[] }[];
    const allocated = Object.fromEntries(rows.map((r) => [name(small.ids, r.applicationId), r.allocations.map((a) => a.massMg)]));
    expect(allocated).toEqual({ A: [500], B: [], C: [], D: [100] });

    const audit = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from audit_log where action = 'selection.decided' and subject_id = ${small.callId}`,
    );
    expect(audit[0]!.n).toBe(1);
    await expect(
      db.update(selectionDecisions).set({ reason: 'changed' }).where(eq(selectionDecisions.callId, small.callId)),
    ).rejects.toThrow();
    await expect(db.delete(sampleAllocations)).rejects.toThrow();

    const again = await t.app.inject({
      method: 'POST',
      url: `/api/calls/${small.callId}/selection/decisions`,
      headers: official.headers,
      payload: { decisions },
    });
    expect(again.statusCode).toBe(409);
  });

  it('takes merits from the frozen panel result (calibrated × 10) and applies the country cap', async () => {
    const call = await seedCall([
      { key: 'A', country: 'FR', massG: 30, massMg: 100 },
      { key: 'B', country: 'FR', massG: 30, massMg: 100 },
      { key: 'C', country: 'DE', massG: 30, massMg: 100 },
    ]);
    const db = t.database.db;
    const [round] = await db
      .insert(reviewRounds)
      .values({
        callId: call.callId,
        stage: 'full_proposal',
        title: 'Panel',
        deadlineAt: new Date(Date.now() - 3_600_000),
        status: 'closed',
      })
      .returning();
    const ranking = [
      { applicationId: call.ids.A, calibrated: 81.3, rawMean: 80 },
      { applicationId: call.ids.B, calibrated: 77.5, rawMean: 79 },
      { applicationId: call.ids.C, calibrated: 60.2, rawMean: 61 },
    ];
    await db.insert(panelResults).values({ roundId: round!.id, result: { ranking }, sha256: 'x'.repeat(64), frozenBy: 'test' });
    const propose = async () =>
      (
        await t.app.inject({
          method: 'GET',
          url: `/api/calls/${call.callId}/selection/proposal?sweep=false`,
          headers: official.headers,
        })
      ).json();
    const free = await propose();
    expect(free.proposals.map((p: { merit: number; meritSource: string }) => [p.merit, p.meritSource]).sort()).toEqual([
      [602, 'panel'],
      [775, 'panel'],
      [813, 'panel'],
    ]);
    expect(free.objective).toBe(813 + 775 + 602);
    const rules = await t.app.inject({
      method: 'PUT',
      url: `/api/calls/${call.callId}/selection/rules`,
      headers: official.headers,
      payload: { countryCap: 1 },
    });
    expect(rules.statusCode, rules.body).toBe(200);
    const capped = await propose();
    expect(capped.selected.map((id: string) => name(call.ids, id)).sort()).toEqual(['A', 'C']);
    const b = capped.reasons.find((r: { id: string }) => r.id === call.ids.B);
    expect(b.decision).toBe('rejected');
    expect(b.because).toBe('merit');

    // The official may not break the cap; the rule is named.
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/calls/${call.callId}/selection/decisions`,
      headers: official.headers,
      payload: {
        decisions: [
          { applicationId: call.ids.A, outcome: 'selected', reason: 'Best.' },
          { applicationId: call.ids.B, outcome: 'selected', reason: 'Second.' },
          { applicationId: call.ids.C, outcome: 'rejected', reason: 'Lowest.' },
        ],
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().detail).toContain('countryCap');
  });

  it('refuses rule and merit changes once the call is decided', async () => {
    const res = await t.app.inject({
      method: 'PUT',
      url: `/api/calls/${small.callId}/selection/rules`,
      headers: official.headers,
      payload: { countryCap: 1 },
    });
    expect(res.statusCode).toBe(409);
  });

  it('the database itself refuses a decided set over a module pool', async () => {
    const call = await seedCall([
      { key: 'A', country: 'FR', massG: 60, massMg: 10 },
      { key: 'B', country: 'DE', massG: 50, massMg: 10 },
    ]);
    const insert = insertDecisionsDirectly(call.callId, [call.ids.A!, call.ids.B!]);
    await expect(insert).rejects.toThrow();
    const error = await insert.catch((e: unknown) => e);
    expect(String((error as Error).cause ?? error)).toContain('pool of module Orbiter');
    const left = await t.database.db.select().from(selectionDecisions).where(eq(selectionDecisions.callId, call.callId));
    expect(left).toEqual([]);
  });

  it('grants partial sample mass down to the stated minimum where the rules allow it', async () => {
    const call = await seedCall([
      { key: 'A', country: 'FR', massG: 10, massMg: 500 },
      { key: 'B', country: 'DE', massG: 10, massMg: 500 },
    ]);
    const db = t.database.db;
    // Both state they still work with 300 mg; 800 mg is offered: only partial grants admit both.
    await db.execute(
      sql`update application_requests set detail = '{"minMassMg": 300}'::jsonb where sample_offer_id = ${call.sampleOfferId}`,
    );
    await t.app.inject({
      method: 'POST',
      url: `/api/calls/${call.callId}/selection/merits`,
      headers: official.headers,
      payload: {
        merits: [
          { applicationId: call.ids.A, merit: 9 },
          { applicationId: call.ids.B, merit: 8 },
        ],
      },
    });
    const both = [
      { applicationId: call.ids.A, outcome: 'selected', reason: 'Fits at its minimum.' },
      { applicationId: call.ids.B, outcome: 'selected', reason: 'Fits at its minimum.' },
    ];
    const post = () =>
      t.app.inject({
        method: 'POST',
        url: `/api/calls/${call.callId}/selection/decisions`,
        headers: official.headers,
        payload: { decisions: both },
      });
    const refused = await post();
    expect(refused.json().code).toBe('OVER_LIMIT');
    await t.app.inject({
      method: 'PUT',
      url: `/api/calls/${call.callId}/selection/rules`,
      headers: official.headers,
      payload: { allowPartialGrants: true },
    });
    const res = await post();
    expect(res.statusCode, res.body).toBe(201);
    // What is left after both minimums goes to the higher merit first: A 500 mg, B 300 mg.
    const byApp = Object.fromEntries(
      (res.json().allocations as { decisionId: string; massMg: number }[]).map((a) => [a.decisionId, a.massMg]),
    );
    const rows = await db.select().from(selectionDecisions).where(eq(selectionDecisions.callId, call.callId));
    const granted = Object.fromEntries(rows.map((r) => [name(call.ids, r.applicationId), byApp[r.id]]));
    expect(granted).toEqual({ A: 500, B: 300 });
  });

  it('takes one of several concurrent decision sets for a call and refuses the others', async () => {
    const call = await seedCall([
      { key: 'A', country: 'FR', massG: 60, massMg: 100 },
      { key: 'B', country: 'DE', massG: 30, massMg: 100 },
    ]);
    await t.app.inject({
      method: 'POST',
      url: `/api/calls/${call.callId}/selection/merits`,
      headers: official.headers,
      payload: {
        merits: [
          { applicationId: call.ids.A, merit: 5 },
          { applicationId: call.ids.B, merit: 4 },
        ],
      },
    });
    const decide = () =>
      t.app.inject({
        method: 'POST',
        url: `/api/calls/${call.callId}/selection/decisions`,
        headers: official.headers,
        payload: {
          decisions: [
            { applicationId: call.ids.A, outcome: 'selected', reason: 'Fits.' },
            { applicationId: call.ids.B, outcome: 'selected', reason: 'Fits.' },
          ],
        },
      });
    const codes = (await Promise.all([decide(), decide(), decide(), decide()])).map((r) => r.statusCode).sort();
    expect(codes).toEqual([201, 409, 409, 409]);
    const rows = await t.database.db.select().from(selectionDecisions).where(eq(selectionDecisions.callId, call.callId));
    expect(rows).toHaveLength(2);
  });

  it('never oversubscribes a pool or a sample offer under 20 concurrent decision writers', async () => {
    const many = Array.from({ length: 20 }, (_, i) => ({ key: `P${i}`, country: 'FR', massG: 10, massMg: 100 }));
    const call = await seedCall(many);
    const db = t.database.db;
    // Each writer alone fits (10 g of 100 g, 100 mg of 800 mg); together they need 200 g and 2,000 mg.
    const outcomes = await Promise.allSettled(
      many.map((p) =>
        db.transaction(async (tx) => {
          const [d] = await tx
            .insert(selectionDecisions)
            .values({
              callId: call.callId,
              applicationId: call.ids[p.key]!,
              outcome: 'selected',
              reason: 'race',
              decidedBy: 'test',
            })
            .returning();
          await tx.insert(sampleAllocations).values({ decisionId: d!.id, sampleOfferId: call.sampleOfferId, massMg: 100 });
        }),
      ),
    );
    const committed = outcomes.filter((o) => o.status === 'fulfilled').length;
    const [totals] = await queryRows<{ mass_g: number; mass_mg: number; decisions: number }>(
      db,
      sql`select
            (select coalesce(sum(r.mass_g), 0)::int from application_requests r join selection_decisions d on d.application_id = r.application_id
              where d.call_id = ${call.callId} and r.module_offer_id = ${call.moduleOfferId}) as mass_g,
            (select coalesce(sum(s.mass_mg), 0)::int from sample_allocations s where s.sample_offer_id = ${call.sampleOfferId}) as mass_mg,
            (select count(*)::int from selection_decisions where call_id = ${call.callId}) as decisions`,
    );
    expect(totals!.mass_mg).toBeLessThanOrEqual(800);
    expect(totals!.mass_g).toBeLessThanOrEqual(100);
    // The sample offer binds first: exactly 8 writers fit, and the refused ones left nothing behind.
    expect(committed).toBe(8);
    expect(totals!.decisions).toBe(8);
    for (const o of outcomes)
      if (o.status === 'rejected')
        expect(String((o.reason as Error).cause ?? o.reason)).toMatch(/sample type regolith|pool of module/);

    // The invariant checker sees a broken country rule (here forced by a cap set behind the
    // services' back, then rolled back): the 8 decided proposals all come from FR.
    const seen = await db
      .transaction(async (tx) => {
        await tx.insert(selectionRules).values({ callId: call.callId, countryCap: 7, updatedBy: 'test' });
        throw Object.assign(new Error('rollback'), { problems: await selectionInvariants(tx) });
      })
      .catch((e: { problems?: string[] }) => e.problems ?? []);
    expect(seen).toEqual([`call ${call.callId} selects 8 proposals from FR (cap 7)`]);
  });
});
