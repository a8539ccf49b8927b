import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, queryRows } from '../../src/db/connection.js';
import { auditLog, ledgerEntries, samples } from '../../src/db/schema.js';
import { AppError } from '../../src/domain/errors.js';
import { SYSTEM } from '../../src/services/actor.js';
import { consumeSample } from '../../src/services/custody/consume-sample.js';
import { recordLoss } from '../../src/services/custody/record-loss.js';
import { splitSample } from '../../src/services/custody/split-sample.js';
import { type TestApp, testApp } from '../support/app.js';
import { makeParentSample, makeSampleCollection } from '../support/custody-factories.js';
import { databaseKind } from '../support/db.js';
import { checkInvariants } from '../support/invariants.js';
import { rowCounts } from '../support/row-counts.js';

let t: TestApp;
let db: Db;
let collectionId: string;
const tables = { samples, ledgerEntries, auditLog };

beforeAll(async () => {
  t = await testApp();
  db = t.database.db;
  collectionId = (await makeSampleCollection(db, 100_000_000)).id;
});
afterAll(() => t.close());

type Op =
  | { type: 'split'; target: number; masses: number[] }
  | { type: 'consume'; target: number; mass: number }
  | { type: 'lose'; target: number; mass: number; kind: 'loss' | 'contamination' };

// Masses reach past what a sample holds, so many operations are over-consumption attempts.
const mass = fc.integer({ min: 1, max: 400_000 });
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ type: fc.constant('split' as const), target: fc.nat(), masses: fc.array(mass, { minLength: 1, maxLength: 3 }) }),
  fc.record({ type: fc.constant('consume' as const), target: fc.nat(), mass }),
  fc.record({
    type: fc.constant('lose' as const),
    target: fc.nat(),
    mass,
    kind: fc.constantFrom('loss' as const, 'contamination' as const),
  }),
);

describe(`the mass ledger under random operations on ${databaseKind} Postgres`, () => {
  it('any sequence of splits, consumptions and losses keeps every balance, or is refused whole with nothing written', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 12 }), async (ops) => {
        const parent = await makeParentSample(db, collectionId, 1_000_000);
        // The model: each sample's balance, as the pure rule says it must be.
        const model = new Map<string, number>([[parent.id, 1_000_000]]);
        for (const o of ops) {
          const ids = [...model.keys()];
          const id = ids[o.target % ids.length]!;
          const asked = o.type === 'split' ? o.masses.reduce((s, m) => s + m, 0) : o.mass;
          const before = await rowCounts(db, tables);
          const run =
            o.type === 'split'
              ? splitSample(db, SYSTEM, id, { parts: o.masses.map((massUg) => ({ massUg })) })
              : o.type === 'consume'
                ? consumeSample(db, SYSTEM, id, { massUg: o.mass, reason: 'property test' })
                : recordLoss(db, SYSTEM, id, { kind: o.kind, massUg: o.mass, report: 'property test' });
          if (asked > model.get(id)!) {
            const error = await run.then(
              () => null,
              (e: unknown) => e,
            );
            expect(error).toBeInstanceOf(AppError);
            expect((error as AppError).code).toBe('OVER_LIMIT');
            expect(await rowCounts(db, tables)).toEqual(before);
            continue;
          }
          const result = await run;
          model.set(id, model.get(id)! - asked);
          if (o.type === 'split') {
            const parts = (result as Awaited<ReturnType<typeof splitSample>>).subsamples;
            for (const child of parts) model.set(child.id, child.declaredMassUg);
          }
        }
        const stored = await queryRows<{ id: string; balance: number; balances: boolean }>(
          db,
          sql`with recursive tree as (select id from samples where id = ${parent.id}
                union all select s.id from samples s join tree on s.parent_id = tree.id)
              select b.sample_id as id, b.ledger_ug::float8 as balance, b.balances
              from tree cross join lateral sample_balance(tree.id) b`,
        );
        expect(new Map(stored.map((s) => [s.id, s.balance]))).toEqual(model);
        expect(stored.every((s) => s.balances)).toBe(true);
      }),
      { numRuns: databaseKind === 'postgres' ? 40 : 20 },
    );
    expect(await checkInvariants(db)).toEqual([]);
  }, 240_000);
});
