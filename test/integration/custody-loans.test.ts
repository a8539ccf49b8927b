import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, queryRows } from '../../src/db/connection.js';
import { AppError } from '../../src/domain/errors.js';
import type { Actor } from '../../src/services/actor.js';
import { confirmReceipt } from '../../src/services/custody/confirm-receipt.js';
import { dispatchShipment } from '../../src/services/custody/dispatch-shipment.js';
import { prepareShipment } from '../../src/services/custody/prepare-shipment.js';
import { recordHandover } from '../../src/services/custody/record-handover.js';
import { recordLoanUse } from '../../src/services/custody/record-loan-use.js';
import { resolveDiscrepancy } from '../../src/services/custody/resolve-discrepancy.js';
import { type TestApp, testApp } from '../support/app.js';
import { actorWith } from '../support/custody-actors.js';
import { makeSampleCollection } from '../support/custody-factories.js';
import { databaseKind } from '../support/db.js';
import { checkInvariants } from '../support/invariants.js';
import { type SeededLoan, seedOpenLoan } from '../support/loan-factories.js';

let t: TestApp;
let db: Db;
let collectionId: string;
let curator: Actor;

beforeAll(async () => {
  t = await testApp();
  db = t.database.db;
  collectionId = (await makeSampleCollection(db)).id;
  curator = actorWith('curator', collectionId);
});
afterAll(async () => {
  expect(await checkInvariants(db)).toEqual([]);
  await t.close();
});

const codeOf = async (work: Promise<unknown>) =>
  work.then(
    () => 'accepted',
    (e: unknown) => (e instanceof AppError ? e.code : String(e)),
  );

const custodianOf = async (sampleId: string) =>
  (
    await queryRows<{ kind: string; holder: string }>(
      db,
      sql`select custodian_kind as kind, holder from sample_custodians where sample_id = ${sampleId} and "until" is null`,
    )
  ).map((r) => `${r.kind}:${r.holder}`);

const pockets = async (loanItemId: string) => {
  const [row] = await queryRows<{ out: string; shipped: string; returned: string; store: string }>(
    db,
    sql`select li.out_ug::text as out, li.shipped_ug::text as shipped, li.returned_ug::text as returned, s.balance_ug::text as store
        from loan_items li join samples s on s.id = li.sample_id where li.id = ${loanItemId}`,
  );
  return { out: Number(row!.out), shipped: Number(row!.shipped), returned: Number(row!.returned), store: Number(row!.store) };
};

/** Prepares and dispatches an outbound shipment of every item of the loan, whole. */
async function ship(loan: SeededLoan) {
  const shipment = await prepareShipment(db, curator, loan.loanId, 'outbound', {
    courier: 'SF Express',
    trackingNumber: `SF${Date.now()}`,
    sealedContainerIds: ['N2-A1'],
    items: loan.items.map((i) => ({ loanItemId: i.loanItemId, containerId: 'N2-A1' })),
  });
  await dispatchShipment(db, curator, shipment.id, { place: 'NAOC sample store, Beijing' });
  const items = await queryRows<{ id: string; sample_id: string }>(
    db,
    sql`select id, sample_id from shipment_items where shipment_id = ${shipment.id}`,
  );
  return { ...shipment, itemOf: (sampleId: string) => items.find((i) => i.sample_id === sampleId)!.id };
}

describe(`shipments, receipts and returns on ${databaseKind} Postgres`, () => {
  it('ships with its packing list, every hand-over moves the custodian, and the borrower confirms receipt within tolerance', async () => {
    const loan = await seedOpenLoan(db, { collectionId, masses: [50_000, 20_000], toleranceUg: 10 });
    const borrower = actorWith('applicant', loan.institutionId);
    const [a, b] = loan.items;
    expect(await custodianOf(a!.sampleId)).toEqual(['agency:Agency curation']);
    const shipment = await ship(loan);
    expect(await custodianOf(a!.sampleId)).toEqual(['courier:SF Express']);
    expect(await pockets(a!.loanItemId)).toEqual({ out: 50_000, shipped: 50_000, returned: 0, store: 0 });
    await recordHandover(db, curator, shipment.id, { toHolder: 'Lufthansa Cargo', place: 'PEK airport' });
    expect(await custodianOf(b!.sampleId)).toEqual(['courier:Lufthansa Cargo']);
    // Only the borrower confirms an outbound receipt.
    expect(await codeOf(confirmReceipt(db, curator, shipment.id, { place: 'x', items: [] }))).toBe('NOT_FOUND');
    const receipt = await confirmReceipt(db, borrower, shipment.id, {
      place: 'Institute lab, clean room 2',
      items: [
        { shipmentItemId: shipment.itemOf(a!.sampleId), measuredMassUg: 49_993 },
        { shipmentItemId: shipment.itemOf(b!.sampleId), measuredMassUg: 20_000 },
      ],
    });
    expect(receipt.items.map((i) => i.outcome).sort()).toEqual(['as_packed', 'weighing']);
    expect(await custodianOf(a!.sampleId)).toEqual([expect.stringMatching(/^borrower:/)]);
    expect((await pockets(a!.loanItemId)).out).toBe(49_993);
    const chain = await queryRows<{ from_holder: string; to_holder: string; to_kind: string }>(
      db,
      sql`select from_holder, to_holder, to_kind from custody_handovers where shipment_id = ${shipment.id} order by position`,
    );
    expect(chain.map((h) => `${h.from_holder}→${h.to_holder}`)).toEqual([
      'Agency curation→SF Express',
      'SF Express→Lufthansa Cargo',
      expect.stringMatching(/^Lufthansa Cargo→/),
    ]);
    const periods = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from sample_custodians where sample_id = ${a!.sampleId}`,
    );
    expect(periods[0]!.n).toBe(4);
    const audits = await queryRows<{ action: string }>(
      db,
      sql`select action from audit_log where subject_type = 'shipment' and subject_id = ${shipment.id} order by id`,
    );
    expect(audits.map((r) => r.action)).toEqual([
      'shipment.prepared',
      'shipment.dispatched',
      'shipment.handed_over',
      'shipment.received',
    ]);
    // Receiving twice is refused.
    expect(await codeOf(confirmReceipt(db, borrower, shipment.id, { place: 'x', items: [] }))).toBe('CONFLICT');
  });

  it('a receipt beyond tolerance opens a discrepancy: no return until resolved, resolved once (Specify: "resolved twice", "returned without being resolved")', async () => {
    const loan = await seedOpenLoan(db, { collectionId, masses: [30_000], toleranceUg: 20 });
    const borrower = actorWith('applicant', loan.institutionId);
    const [a] = loan.items;
    const shipment = await ship(loan);
    const receipt = await confirmReceipt(db, borrower, shipment.id, {
      place: 'lab',
      items: [{ shipmentItemId: shipment.itemOf(a!.sampleId), measuredMassUg: 29_000 }],
    });
    const discrepancyId = receipt.items[0]!.discrepancyId!;
    expect(receipt.items[0]).toMatchObject({ outcome: 'discrepancy', differenceUg: -1_000 });
    // The borrower cannot send it back while the discrepancy is open: the service refuses, and so does the database.
    const back = await prepareShipment(db, borrower, loan.loanId, 'return', {
      courier: 'DHL',
      trackingNumber: 'DHL1',
      sealedContainerIds: ['R1'],
      items: [{ loanItemId: a!.loanItemId, containerId: 'R1' }],
    });
    await dispatchShipment(db, borrower, back.id, { place: 'lab' });
    const [backItem] = await queryRows<{ id: string }>(db, sql`select id from shipment_items where shipment_id = ${back.id}`);
    expect(
      await codeOf(
        confirmReceipt(db, curator, back.id, {
          place: 'store',
          items: [{ shipmentItemId: backItem!.id, measuredMassUg: 30_000 }],
        }),
      ),
    ).toBe('CONFLICT');
    const raw = await db
      .execute(
        sql`insert into ledger_entries (sample_id, kind, delta_ug, loan_item_id, actor) values (${a!.sampleId}, 'return', 1000, ${a!.loanItemId}, 'psql')`,
      )
      .then(
        () => 'accepted',
        (e: Error) => `${e.message} ${(e.cause as Error)?.message}`,
      );
    expect(raw).toMatch(/cannot be returned while its receipt discrepancy is open/);
    // A loss resolution needs less to have arrived; a remeasure must fall within tolerance.
    expect(
      await codeOf(
        resolveDiscrepancy(db, curator, discrepancyId, { resolution: 'remeasured', remeasuredMassUg: 29_500, note: 'reweighed' }),
      ),
    ).toBe('VALIDATION_FAILED');
    expect(await codeOf(resolveDiscrepancy(db, borrower, discrepancyId, { resolution: 'loss', note: 'spilled' }))).toBe(
      'FORBIDDEN',
    );
    const resolved = await resolveDiscrepancy(db, curator, discrepancyId, {
      resolution: 'loss',
      note: 'grains stuck to the vial lid, lost',
    });
    expect(resolved).toMatchObject({ status: 'resolved', massUg: 1_000 });
    expect(await codeOf(resolveDiscrepancy(db, curator, discrepancyId, { resolution: 'loss', note: 'again' }))).toBe('CONFLICT');
    const twice = await db
      .execute(sql`update custody_discrepancies set resolution_note = 'rewritten' where id = ${discrepancyId}`)
      .then(
        () => 'accepted',
        (e: Error) => `${(e.cause as Error)?.message ?? e.message}`,
      );
    expect(twice).toMatch(/already resolved/);
    expect(await pockets(a!.loanItemId)).toMatchObject({ out: 29_000 });
    // Now the return goes through and, everything back, the loan closes.
    const back2 = await confirmReceipt(db, curator, back.id, {
      place: 'store',
      items: [{ shipmentItemId: backItem!.id, measuredMassUg: 29_000 }],
    }).catch((e) => e);
    // The return was packed at 30,000 µg before the loss was booked: more than is out now.
    expect(back2).toBeInstanceOf(AppError);
    expect((back2 as AppError).code).toBe('OVER_LIMIT');
  });

  it('partial returns never exceed what was lent; consuming the rest and returning everything closes the loan (Specify: "more returned than lent")', async () => {
    const loan = await seedOpenLoan(db, { collectionId, masses: [40_000, 10_000], toleranceUg: 5 });
    const borrower = actorWith('applicant', loan.institutionId);
    const [a, b] = loan.items;
    const out = await ship(loan);
    await confirmReceipt(db, borrower, out.id, {
      place: 'lab',
      items: loan.items.map((i) => ({ shipmentItemId: out.itemOf(i.sampleId), measuredMassUg: i.massUg })),
    });
    await recordLoanUse(db, borrower, loan.loanId, {
      loanItemId: a!.loanItemId,
      kind: 'consume',
      massUg: 15_000,
      reason: 'laser ablation ICP-MS',
    });
    expect(
      await codeOf(
        prepareShipment(db, borrower, loan.loanId, 'return', {
          courier: 'DHL',
          trackingNumber: 'X',
          sealedContainerIds: ['R1'],
          items: [{ loanItemId: a!.loanItemId, massUg: 25_001, containerId: 'R1' }],
        }),
      ),
    ).toBe('OVER_LIMIT');
    const returnOnce = async (massUg: number, measured = massUg) => {
      const shipment = await prepareShipment(db, borrower, loan.loanId, 'return', {
        courier: 'DHL',
        trackingNumber: `R${massUg}`,
        sealedContainerIds: ['R1'],
        items: [{ loanItemId: a!.loanItemId, massUg, containerId: 'R1' }],
      });
      await dispatchShipment(db, borrower, shipment.id, { place: 'lab' });
      const [item] = await queryRows<{ id: string }>(db, sql`select id from shipment_items where shipment_id = ${shipment.id}`);
      return confirmReceipt(db, curator, shipment.id, {
        place: 'NAOC store',
        items: [{ shipmentItemId: item!.id, measuredMassUg: measured }],
      });
    };
    const first = await returnOnce(10_000, 9_997);
    expect(first.loanClosed).toBe(false);
    expect(await pockets(a!.loanItemId)).toEqual({ out: 15_000, shipped: 40_000, returned: 10_000, store: 9_997 });
    expect(await custodianOf(a!.sampleId)).toEqual(['agency:Agency curation']);
    // A raw return beyond what is out is refused by the database.
    const raw = await db
      .execute(
        sql`insert into ledger_entries (sample_id, kind, delta_ug, loan_item_id, actor) values (${a!.sampleId}, 'return', 15001, ${a!.loanItemId}, 'psql')`,
      )
      .then(
        () => 'accepted',
        (e: Error) => `${(e.cause as Error)?.message ?? e.message}`,
      );
    expect(raw).toMatch(/exceeds the 15000 µg/);
    await returnOnce(15_000);
    await recordLoanUse(db, borrower, loan.loanId, {
      loanItemId: b!.loanItemId,
      kind: 'consume',
      massUg: 4_000,
      reason: 'noble gases',
    });
    const lastUse = await recordLoanUse(db, borrower, loan.loanId, {
      loanItemId: b!.loanItemId,
      kind: 'loss',
      massUg: 6_000,
      reason: 'vial cracked in the freezer',
    });
    expect(lastUse.loanClosed).toBe(true);
    const [state] = await queryRows<{ status: string }>(db, sql`select status from loans where id = ${loan.loanId}`);
    expect(state!.status).toBe('closed');
    const balances = await queryRows<{ balances: boolean; unaccounted: string }>(
      db,
      sql`select b.balances, b.unaccounted_ug::text as unaccounted from loan_items li cross join lateral sample_balance(li.sample_id) b where li.loan_id = ${loan.loanId}`,
    );
    expect(balances.every((r) => r.balances)).toBe(true);
    expect(balances.map((r) => Number(r.unaccounted)).sort()).toEqual([0, 3]);
  });

  it('a loan never shrinks below what already left the store, so availability never goes negative (Specify: "available negative after a loan is shrunk")', async () => {
    const loan = await seedOpenLoan(db, { collectionId, masses: [8_000] });
    const [a] = loan.items;
    const shipment = await prepareShipment(db, curator, loan.loanId, 'outbound', {
      courier: 'EMS',
      trackingNumber: 'E1',
      sealedContainerIds: ['C1'],
      items: [{ loanItemId: a!.loanItemId, massUg: 5_000, containerId: 'C1' }],
    });
    await dispatchShipment(db, curator, shipment.id, { place: 'store' });
    const shrink = (mass: number) =>
      db.execute(sql`update loan_items set allocated_mass_ug = ${mass} where id = ${a!.loanItemId}`).then(
        () => 'accepted',
        (e: Error) => `${(e.cause as Error)?.message ?? e.message}`,
      );
    expect(await shrink(4_999)).toMatch(/loan_items_returned_within_lent/);
    expect(await shrink(5_000)).toBe('accepted');
    // Nothing more may ship under the shrunk loan, though 3,000 µg remain in store.
    expect(
      await codeOf(
        prepareShipment(db, curator, loan.loanId, 'outbound', {
          courier: 'EMS',
          trackingNumber: 'E2',
          sealedContainerIds: ['C1'],
          items: [{ loanItemId: a!.loanItemId, massUg: 1, containerId: 'C1' }],
        }),
      ),
    ).toBe('OVER_LIMIT');
    const raw = await db
      .execute(
        sql`insert into ledger_entries (sample_id, kind, delta_ug, loan_item_id, actor) values (${a!.sampleId}, 'ship', -1, ${a!.loanItemId}, 'psql')`,
      )
      .then(
        () => 'accepted',
        (e: Error) => `${(e.cause as Error)?.message ?? e.message}`,
      );
    expect(raw).toMatch(/exceeds the 0 µg lent/);
    expect(await pockets(a!.loanItemId)).toEqual({ out: 5_000, shipped: 5_000, returned: 0, store: 3_000 });
    // The pockets themselves are written only by the ledger.
    const direct = await db.execute(sql`update loan_items set out_ug = 0 where id = ${a!.loanItemId}`).then(
      () => 'accepted',
      (e: Error) => `${(e.cause as Error)?.message ?? e.message}`,
    );
    expect(direct).toMatch(/only through ledger entries/);
  });
});
