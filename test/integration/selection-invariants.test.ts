import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbOrTx } from '../../src/db/connection.js';
import {
  panelResults,
  reviewRounds,
  sampleAllocations,
  selectionDecisions,
  selectionMergeGroups,
  selectionMergeMembers,
  selectionMerits,
  selectionRules,
} from '../../src/db/schema.js';
import { seedActiveAccount } from '../support/accounts.js';
import { type TestApp, testApp } from '../support/app.js';
import { databaseKind } from '../support/db.js';
import { makeProgram } from '../support/factories.js';
import { checkInvariants } from '../support/invariants.js';
import { type SeededSelectionCall, seedSelectionCall } from '../support/selection-factories.js';
import { selectionInvariants } from '../support/selection-invariants.js';

// The selection invariants can fail: each case writes a decided set the services and the database
// would refuse (triggers and the reason check switched off inside a transaction that is rolled
// back), and the checker must name it. A 100 g pool and 800 mg of regolith (1,000 less 200 reserve):
//   A: merit 90, 60 g, 500 mg, FR   B: merit 80, 50 g, 400 mg, DE
//   C: merit 70, 40 g, 300 mg, IT   D: merit 30, 10 g, 100 mg, FR

const SEEDS = [
  { key: 'A', country: 'FR', massG: 60, massMg: 500, merit: 90 },
  { key: 'B', country: 'DE', massG: 50, massMg: 400, merit: 80 },
  { key: 'C', country: 'IT', massG: 40, massMg: 300, merit: 70 },
  { key: 'D', country: 'FR', massG: 10, massMg: 100, merit: 30 },
];

let t: TestApp;
let c: SeededSelectionCall;
/** A call scored only by its frozen panel (no entered merits). */
let panelCall: SeededSelectionCall;

type Outcome = 'selected' | 'conditional' | 'rejected';

class Rollback extends Error {}

/** Writes inside a transaction with the guards off, runs the checker there, and rolls everything back. */
async function problemsAfter(write: (tx: DbOrTx) => Promise<void>): Promise<string[]> {
  let problems: string[] = [];
  await t.database.db
    .transaction(async (tx) => {
      await tx.execute(sql`alter table selection_decisions disable trigger user`);
      await tx.execute(sql`alter table sample_allocations disable trigger user`);
      await tx.execute(sql`alter table selection_decisions drop constraint selection_decisions_reason`);
      await write(tx);
      problems = await selectionInvariants(tx);
      throw new Rollback();
    })
    .catch((error) => {
      if (!(error instanceof Rollback)) throw error;
    });
  return problems;
}

const decide = async (tx: DbOrTx, call: SeededSelectionCall, outcomes: Record<string, Outcome>, reason = 'A reason.') =>
  tx
    .insert(selectionDecisions)
    .values(
      Object.entries(outcomes).map(([key, outcome]) => ({
        callId: call.callId,
        applicationId: call.ids[key]!,
        outcome,
        conditions: outcome === 'conditional' ? 'A condition.' : null,
        reason,
        decidedBy: 'test',
      })),
    )
    .returning();

const rules = (tx: DbOrTx, values: Partial<typeof selectionRules.$inferInsert>) =>
  tx.insert(selectionRules).values({ callId: c.callId, updatedBy: 'test', ...values });

beforeAll(async () => {
  t = await testApp();
  const db = t.database.db;
  const programId = String((await makeProgram(db)).id);
  const applicant = await seedActiveAccount(db, []);
  c = await seedSelectionCall(db, { programId, applicantAccountId: applicant.id, proposals: SEEDS });
  await db.insert(selectionMerits).values(
    SEEDS.map((p) => ({
      callId: c.callId,
      applicationId: c.ids[p.key]!,
      merit: p.merit,
      source: 'entered',
      enteredBy: 'test',
    })),
  );
  panelCall = await seedSelectionCall(db, { programId, applicantAccountId: applicant.id, proposals: SEEDS });
  const [round] = await db
    .insert(reviewRounds)
    .values({
      callId: panelCall.callId,
      stage: 'full_proposal',
      title: 'Panel',
      deadlineAt: new Date(Date.now() - 3_600_000),
      status: 'closed',
    })
    .returning();
  const ranking = SEEDS.map((p) => ({ applicationId: panelCall.ids[p.key], calibrated: p.merit / 10 + 0.04 }));
  await db.insert(panelResults).values({ roundId: round!.id, result: { ranking }, sha256: 'x'.repeat(64), frozenBy: 'test' });
});

afterAll(async () => {
  expect(await checkInvariants(t.database.db)).toEqual([]);
  await t.close();
});

describe(`selection invariants on ${databaseKind} Postgres`, () => {
  it('finds nothing wrong in a legal decided set (the optimum B, C, D, with A rejected for a reason)', async () => {
    const problems = await problemsAfter(async (tx) => {
      await rules(tx, { countryCap: 1, minCountries: 3 });
      await decide(tx, c, { A: 'rejected', B: 'selected', C: 'conditional', D: 'selected' });
    });
    expect(problems).toEqual([]);
  });

  it('names a decided set over a module pool, over a sample offer less its reserve, and an allocation to a rejection', async () => {
    const problems = await problemsAfter(async (tx) => {
      const rows = await decide(tx, c, { A: 'selected', B: 'selected', C: 'rejected', D: 'rejected' });
      const of = (key: string) => rows.find((r) => r.applicationId === c.ids[key])!.id;
      await tx.insert(sampleAllocations).values([
        { decisionId: of('A'), sampleOfferId: c.sampleOfferId, massMg: 500 },
        { decisionId: of('B'), sampleOfferId: c.sampleOfferId, massMg: 400 },
        { decisionId: of('C'), sampleOfferId: c.sampleOfferId, massMg: 1 },
      ]);
    });
    expect(problems).toHaveLength(3);
    expect(problems.join('\n')).toContain(`decided more than the pool of module offer ${c.moduleOfferId}`);
    expect(problems.join('\n')).toContain(`allocates 901 mg of sample offer ${c.sampleOfferId} (available less reserve 800)`);
    expect(problems.join('\n')).toContain('belongs to a rejected decision');
  });

  it('names a broken country cap and too few countries', async () => {
    const cap = await problemsAfter(async (tx) => {
      await rules(tx, { countryCap: 1 });
      await decide(tx, c, { A: 'selected', B: 'rejected', C: 'rejected', D: 'conditional' });
    });
    expect(cap).toEqual([`call ${c.callId} selects 2 proposals from FR (cap 1)`]);
    const few = await problemsAfter(async (tx) => {
      await rules(tx, { minCountries: 3 });
      await decide(tx, c, { A: 'rejected', B: 'selected', C: 'rejected', D: 'selected' });
    });
    expect(few).toEqual([`call ${c.callId} selects from 2 countries (at least 3 required)`]);
  });

  it('names a decided set that breaks an exclusive pair, a required pair or a must-reject', async () => {
    const problems = await problemsAfter(async (tx) => {
      await rules(tx, {
        links: { excludes: [[c.ids.C!, c.ids.D!]], requires: [{ proposal: c.ids.C!, needs: c.ids.B! }] },
        mustReject: [{ id: c.ids.D!, reason: 'Export licence refused.' }],
      });
      await decide(tx, c, { A: 'rejected', B: 'rejected', C: 'selected', D: 'selected' });
    });
    expect(problems.sort()).toEqual(
      [
        `call ${c.callId} selects both ${c.ids.C} and ${c.ids.D}, which exclude each other`,
        `call ${c.callId} selects ${c.ids.C} without ${c.ids.B}, which it needs`,
        `call ${c.callId} selects ${c.ids.D}, which the official must reject`,
      ].sort(),
    );
  });

  it('names a merged project decided in parts', async () => {
    const problems = await problemsAfter(async (tx) => {
      const [group] = await tx
        .insert(selectionMergeGroups)
        .values({ callId: c.callId, name: 'Rover and station', createdBy: 'test' })
        .returning();
      await tx.insert(selectionMergeMembers).values([
        { groupId: group!.id, callId: c.callId, applicationId: c.ids.B! },
        { groupId: group!.id, callId: c.callId, applicationId: c.ids.C! },
      ]);
      await decide(tx, c, { A: 'rejected', B: 'selected', C: 'rejected', D: 'selected' });
    });
    expect(problems).toEqual([`call ${c.callId} splits the merged project Rover and station`]);
  });

  it('names a rejection without a reason of a proposal ranked above a selected one, by entered or panel merit', async () => {
    const entered = await problemsAfter(async (tx) => {
      await decide(tx, c, { A: 'rejected', B: 'selected', C: 'selected' }, '  ');
      await decide(tx, c, { D: 'selected' });
    });
    // A (90) is above B, C and D; B and C were selected, so only A's empty reason is a problem.
    expect(entered).toEqual([`call ${c.callId}: proposal ${c.ids.A} ranked above a selected one is rejected without a reason`]);
    const panel = await problemsAfter(async (tx) => {
      await decide(tx, panelCall, { A: 'rejected', B: 'selected', C: 'selected', D: 'rejected' }, ' ');
    });
    // A and D are rejected without a reason; only A ranks above a selected proposal.
    expect(panel).toEqual([
      `call ${panelCall.callId}: proposal ${panelCall.ids.A} ranked above a selected one is rejected without a reason`,
    ]);
  });
});
