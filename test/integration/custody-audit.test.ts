import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { setDatabaseFactory } from '../../src/cli/database.js';
import { EXIT } from '../../src/cli/errors.js';
import { main } from '../../src/cli/main.js';
import { queryRows } from '../../src/db/connection.js';
import { confirmReceipt } from '../../src/services/custody/confirm-receipt.js';
import { dispatchShipment } from '../../src/services/custody/dispatch-shipment.js';
import { prepareShipment } from '../../src/services/custody/prepare-shipment.js';
import { actorWith } from '../support/custody-actors.js';
import { makeSampleCollection } from '../support/custody-factories.js';
import { databaseKind, type TestDatabase, testDatabase } from '../support/db.js';
import { checkInvariants } from '../support/invariants.js';
import { type SeededLoan, seedOpenLoan } from '../support/loan-factories.js';

let database: TestDatabase;
let loan: SeededLoan;

beforeAll(async () => {
  database = await testDatabase();
  const db = database.db;
  const collectionId = (await makeSampleCollection(db)).id;
  loan = await seedOpenLoan(db, { collectionId, masses: [5_000, 6_000], toleranceUg: 3 });
  const curator = actorWith('curator', collectionId);
  const shipment = await prepareShipment(db, curator, loan.loanId, 'outbound', {
    courier: 'EMS',
    trackingNumber: 'E1',
    sealedContainerIds: ['C1'],
    items: loan.items.map((i) => ({ loanItemId: i.loanItemId, containerId: 'C1' })),
  });
  await dispatchShipment(db, curator, shipment.id, { place: 'store' });
  const items = await queryRows<{ id: string; packed: string }>(
    db,
    sql`select id, packed_mass_ug::text as packed from shipment_items where shipment_id = ${shipment.id}`,
  );
  await confirmReceipt(db, actorWith('applicant', loan.institutionId), shipment.id, {
    place: 'lab',
    items: items.map((i) => ({ shipmentItemId: i.id, measuredMassUg: Number(i.packed) - 2 })),
  });
}, 120_000);
afterAll(() => database.dispose());

async function cli(args: string[]) {
  const restore = setDatabaseFactory(async () => ({ ...database, close: async () => {} }));
  const err: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation(() => {});
  const error = vi.spyOn(console, 'error').mockImplementation((...a) => void err.push(a.join(' ')));
  try {
    return { code: await main(args), stderr: err.join('\n') };
  } finally {
    log.mockRestore();
    error.mockRestore();
    restore();
  }
}

class Rollback extends Error {}

/** Breaks the database behind every trigger inside a transaction, runs the checker there, rolls back. */
async function problemsAfter(tamper: ReturnType<typeof sql>): Promise<string[]> {
  let problems: string[] = [];
  await database.db
    .transaction(async (tx) => {
      await tx.execute(sql`set local session_replication_role = replica`);
      await tx.execute(tamper);
      await tx.execute(sql`set local session_replication_role = origin`);
      problems = await checkInvariants(tx);
      throw new Rollback();
    })
    .catch((e) => {
      if (!(e instanceof Rollback)) throw e;
    });
  return problems;
}

describe(`custody invariants and audit trail on ${databaseKind} Postgres`, () => {
  it('holds after a real loan, shipment and receipt', async () => {
    expect(await checkInvariants(database.db)).toEqual([]);
  });

  it('the checker reports each broken custody rule', async () => {
    const [a, b] = loan.items;
    expect(await problemsAfter(sql`update loan_items set out_ug = out_ug + 1 where id = ${a!.loanItemId}`)).toEqual([
      expect.stringMatching(/^loan item .* but its ledger says/),
    ]);
    // More returned than lent is a CHECK constraint: not even a writer behind the triggers gets past it.
    await expect(
      problemsAfter(sql`update loan_items set returned_ug = shipped_ug + 1 where id = ${a!.loanItemId}`),
    ).rejects.toThrow();
    // Two current custodians is a unique index: refused even behind the triggers.
    await expect(
      problemsAfter(
        sql`insert into sample_custodians (sample_id, custodian_kind, holder, recorded_by) values (${b!.sampleId}, 'courier', 'Mallory', 'x')`,
      ),
    ).rejects.toThrow();
    // Each rule has one checker: a violation is reported exactly once.
    expect(
      await problemsAfter(sql`update sample_custodians set "until" = now() where sample_id = ${b!.sampleId} and "until" is null`),
    ).toEqual([`sample ${b!.number} has 0 current custodians`]);
    expect(
      await problemsAfter(
        sql`update agreements set status = 'terminated' where id = (select agreement_id from loans where id = ${loan.loanId})`,
      ),
    ).toEqual([expect.stringMatching(new RegExp(`^open loan ${loan.reference} stands under agreement .* which is terminated$`))]);
    const ledger = await problemsAfter(
      sql`insert into ledger_entries (sample_id, kind, delta_ug, reason, actor) values (${a!.sampleId}, 'adjust', 500, 'forged', 'mallory')`,
    );
    expect(ledger).toEqual([
      // The receipt weighed 2 µg less (within tolerance): 500 forged on top leaves −498 and −496.
      `sample ${a!.number} does not balance: declared 5000 µg, ledger 500 µg (cached 0), unaccounted -498 µg, tolerance 3`,
      expect.stringMatching(/^collection .* does not balance: -496 µg unaccounted$/),
    ]);
    expect(await problemsAfter(sql`delete from loan_collections where loan_id = ${loan.loanId}`)).toEqual([
      expect.stringMatching(new RegExp(`^loan ${loan.loanId} and collection .* are missing from loan_collections$`)),
    ]);
  });

  it('every custody event is in the hash-chained log; `orbitshare audit verify` reports an edited or deleted custody row', async () => {
    const rows = await queryRows<{ id: number; action: string }>(
      database.db,
      sql`select id::int as id, action from audit_log where action like 'shipment.%' or action like 'custody.%' or action like 'sample.%' order by id`,
    );
    expect(rows.map((r) => r.action)).toEqual(
      expect.arrayContaining([
        'sample.registered',
        'sample.split',
        'shipment.prepared',
        'shipment.dispatched',
        'shipment.received',
      ]),
    );
    expect((await cli(['audit', 'verify'])).code).toBe(EXIT.ok);
    const received = rows.find((r) => r.action === 'shipment.received')!;
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`set local session_replication_role = replica`);
      await tx.execute(
        sql`update audit_log set details = jsonb_set(details, '{place}', '"elsewhere"') where id = ${received.id}`,
      );
    });
    const edited = await cli(['audit', 'verify']);
    expect(edited.code).toBe(EXIT.failure);
    expect(edited.stderr).toContain(`broken at row ${received.id}`);
    const dispatched = rows.find((r) => r.action === 'shipment.dispatched')!;
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`set local session_replication_role = replica`);
      await tx.execute(sql`delete from audit_log where id = ${dispatched.id}`);
    });
    const deleted = await cli(['audit', 'verify']);
    expect(deleted.code).toBe(EXIT.failure);
    expect(deleted.stderr).toContain(`broken at row ${dispatched.id + 1}`);
  });
});
