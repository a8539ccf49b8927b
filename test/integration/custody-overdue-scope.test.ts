import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, queryRows } from '../../src/db/connection.js';
import { loanItems } from '../../src/db/schema.js';
import { SYSTEM } from '../../src/services/actor.js';
import { listOverdueDuties } from '../../src/services/custody/list-overdue-duties.js';
import { splitSample } from '../../src/services/custody/split-sample.js';
import { actorWith } from '../support/custody-actors.js';
import { makeParentSample, makeSampleCollection } from '../support/custody-factories.js';
import { databaseKind, type TestDatabase, testDatabase } from '../support/db.js';
import { checkInvariants } from '../support/invariants.js';
import { type SeededLoan, seedOpenLoan } from '../support/loan-factories.js';

// The curator's overdue list is scoped by `loan_collections` (migration 0019): which collections a
// loan draws on, kept by the database as loan items are written.

let database: TestDatabase;
let db: Db;
let ce5: string;
let ce6: string;
let unrelated: string;
let shared: SeededLoan;
let ce6Only: SeededLoan;

const DAY = 86_400_000;

beforeAll(async () => {
  database = await testDatabase();
  db = database.db;
  const ids = await Promise.all([1, 2, 3].map(async () => (await makeSampleCollection(db)).id));
  [ce5, ce6, unrelated] = ids as [string, string, string];
  const openedAt = new Date(Date.now() - 400 * DAY);
  shared = await seedOpenLoan(db, { collectionId: ce5, masses: [1_000], openedAt });
  // The same loan also lends a subsample of the other collection.
  const parent = await makeParentSample(db, ce6, 10_000);
  const split = await splitSample(db, SYSTEM, parent.id, { parts: [{ massUg: 2_000, use: 'research' }] });
  await db.insert(loanItems).values({ loanId: shared.loanId, sampleId: split.subsamples[0]!.id, allocatedMassUg: 2_000 });
  ce6Only = await seedOpenLoan(db, { collectionId: ce6, masses: [3_000], openedAt });
  await db.execute(sql`select refresh_borrower_duties(30)`);
}, 120_000);

afterAll(async () => {
  expect(await checkInvariants(db)).toEqual([]);
  await database.dispose();
});

const loansListedFor = async (collectionId: string) =>
  [...new Set((await listOverdueDuties(db, actorWith('curator', collectionId))).duties.map((d) => d.loanReference))].sort();

describe(`the overdue list's curator scope on ${databaseKind} Postgres`, () => {
  it('records every collection a loan draws on, once', async () => {
    const rows = await queryRows<{ collection_id: string; loan_id: string }>(
      db,
      sql`select collection_id, loan_id from loan_collections where loan_id in (${shared.loanId}, ${ce6Only.loanId})`,
    );
    expect(rows).toHaveLength(3);
    expect(rows).toEqual(
      expect.arrayContaining([
        { collection_id: ce5, loan_id: shared.loanId },
        { collection_id: ce6, loan_id: shared.loanId },
        { collection_id: ce6, loan_id: ce6Only.loanId },
      ]),
    );
  });

  it('shows a loan to the curator of each collection it draws on, and to no other', async () => {
    expect(await loansListedFor(ce5)).toEqual([shared.reference]);
    expect(await loansListedFor(ce6)).toEqual([shared.reference, ce6Only.reference].sort());
    expect(await loansListedFor(unrelated)).toEqual([]);
    const all = (await listOverdueDuties(db, SYSTEM)).duties;
    // Each duty once, even for a loan of two collections.
    expect(all.filter((d) => d.loanId === shared.loanId).map((d) => d.kind)).toEqual(['annual_inventory', 'research_report']);
  });
});
