import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, queryRows } from '../../src/db/connection.js';
import { auditLog, custodyDiscrepancies, ledgerEntries, shipments } from '../../src/db/schema.js';
import { AppError } from '../../src/domain/errors.js';
import type { Actor } from '../../src/services/actor.js';
import { confirmReceipt } from '../../src/services/custody/confirm-receipt.js';
import { dispatchShipment } from '../../src/services/custody/dispatch-shipment.js';
import { prepareShipment } from '../../src/services/custody/prepare-shipment.js';
import { recordLoanUse } from '../../src/services/custody/record-loan-use.js';
import { resolveDiscrepancy } from '../../src/services/custody/resolve-discrepancy.js';
import { type TestApp, testApp } from '../support/app.js';
import { actorWith } from '../support/custody-actors.js';
import { makeSampleCollection } from '../support/custody-factories.js';
import { custodyInvariants } from '../support/custody-invariants.js';
import { databaseKind } from '../support/db.js';
import { seedOpenLoan } from '../support/loan-factories.js';
import { rowCounts } from '../support/row-counts.js';

let t: TestApp;
let db: Db;
let collectionId: string;
let curator: Actor;
const tables = { ledgerEntries, auditLog, shipments, custodyDiscrepancies };

beforeAll(async () => {
  t = await testApp();
  db = t.database.db;
  collectionId = (await makeSampleCollection(db, 100_000_000)).id;
  curator = actorWith('curator', collectionId);
});
afterAll(() => t.close());

type Op =
  | { type: 'ship'; item: number; mass: number }
  | { type: 'receive'; offset: number }
  | { type: 'use'; item: number; mass: number; kind: 'consume' | 'loss' | 'contamination' }
  | { type: 'return'; item: number; mass: number; offset: number }
  | { type: 'resolve'; resolution: 'loss' | 'remeasured' };

const mass = fc.integer({ min: 1, max: 12_000 });
const offset = fc.integer({ min: -40, max: 40 });
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ type: fc.constant('ship' as const), item: fc.nat(1), mass }),
  fc.record({ type: fc.constant('receive' as const), offset }),
  fc.record({
    type: fc.constant('use' as const),
    item: fc.nat(1),
    mass,
    kind: fc.constantFrom('consume' as const, 'loss' as const, 'contamination' as const),
  }),
  fc.record({ type: fc.constant('return' as const), item: fc.nat(1), mass, offset }),
  fc.record({ type: fc.constant('resolve' as const), resolution: fc.constantFrom('loss' as const, 'remeasured' as const) }),
);

/** Runs one service call: it succeeds, or it is refused with an AppError and writes nothing. */
async function wholeOrNothing(call: () => Promise<unknown>): Promise<boolean> {
  const before = await rowCounts(db, tables);
  try {
    await call();
    return true;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    expect(await rowCounts(db, tables)).toEqual(before);
    return false;
  }
}

describe(`the whole custody flow under random operations on ${databaseKind} Postgres`, () => {
  it('any sequence of shipments, receipts, uses, returns and resolutions keeps every ledger balanced, or is refused whole', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 10 }), async (ops) => {
        const loan = await seedOpenLoan(db, { collectionId, masses: [10_000, 10_000], toleranceUg: 20 });
        const borrower = actorWith('applicant', loan.institutionId);
        for (const o of ops) {
          if (o.type === 'ship') {
            const item = loan.items[o.item]!;
            let id = '';
            const ok = await wholeOrNothing(async () => {
              id = (
                await prepareShipment(db, curator, loan.loanId, 'outbound', {
                  courier: 'EMS',
                  trackingNumber: 'P',
                  sealedContainerIds: ['C'],
                  items: [{ loanItemId: item.loanItemId, massUg: o.mass, containerId: 'C' }],
                })
              ).id;
            });
            if (ok) await wholeOrNothing(() => dispatchShipment(db, curator, id, { place: 'store' }));
          } else if (o.type === 'receive') {
            const [s] = await queryRows<{ id: string }>(
              db,
              sql`select id from shipments where loan_id = ${loan.loanId} and direction = 'outbound' and status = 'in_transit' order by prepared_at limit 1`,
            );
            if (!s) continue;
            const items = await queryRows<{ id: string; packed: string }>(
              db,
              sql`select id, packed_mass_ug::text as packed from shipment_items where shipment_id = ${s.id}`,
            );
            await wholeOrNothing(() =>
              confirmReceipt(db, borrower, s.id, {
                place: 'lab',
                items: items.map((i) => ({ shipmentItemId: i.id, measuredMassUg: Math.max(0, Number(i.packed) + o.offset) })),
              }),
            );
          } else if (o.type === 'use') {
            await wholeOrNothing(() =>
              recordLoanUse(db, borrower, loan.loanId, {
                loanItemId: loan.items[o.item]!.loanItemId,
                kind: o.kind,
                massUg: o.mass,
                reason: 'property',
              }),
            );
          } else if (o.type === 'return') {
            let id = '';
            const ok = await wholeOrNothing(async () => {
              id = (
                await prepareShipment(db, borrower, loan.loanId, 'return', {
                  courier: 'DHL',
                  trackingNumber: 'R',
                  sealedContainerIds: ['R'],
                  items: [{ loanItemId: loan.items[o.item]!.loanItemId, massUg: o.mass, containerId: 'R' }],
                })
              ).id;
            });
            if (!ok || !(await wholeOrNothing(() => dispatchShipment(db, borrower, id, { place: 'lab' })))) continue;
            const [item] = await queryRows<{ id: string; packed: string }>(
              db,
              sql`select id, packed_mass_ug::text as packed from shipment_items where shipment_id = ${id}`,
            );
            await wholeOrNothing(() =>
              confirmReceipt(db, curator, id, {
                place: 'store',
                items: [{ shipmentItemId: item!.id, measuredMassUg: Math.max(0, Number(item!.packed) + o.offset) }],
              }),
            );
          } else {
            const [d] = await queryRows<{ id: string; expected: string }>(
              db,
              sql`select d.id, d.expected_ug::text as expected from custody_discrepancies d join loan_items li on li.id = d.loan_item_id
                  where li.loan_id = ${loan.loanId} and d.status = 'open' order by d.opened_at limit 1`,
            );
            if (!d) continue;
            await wholeOrNothing(() =>
              resolveDiscrepancy(db, curator, d.id, {
                resolution: o.resolution,
                ...(o.resolution === 'remeasured' ? { remeasuredMassUg: Number(d.expected) } : {}),
                note: 'property',
              }),
            );
          }
          const unbalanced = await queryRows<{ number: string }>(
            db,
            sql`select b.number from loan_items li cross join lateral sample_balance(li.sample_id) b where li.loan_id = ${loan.loanId} and not b.balances`,
          );
          expect(unbalanced).toEqual([]);
        }
      }),
      { numRuns: databaseKind === 'postgres' ? 12 : 8 },
    );
    expect(await custodyInvariants(db)).toEqual([]);
  }, 600_000);
});
