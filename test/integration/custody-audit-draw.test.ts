import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, queryRows } from '../../src/db/connection.js';
import { drawAuditSample } from '../../src/domain/samples/audit-sample.js';
import { confirmReceipt } from '../../src/services/custody/confirm-receipt.js';
import { dispatchShipment } from '../../src/services/custody/dispatch-shipment.js';
import { prepareShipment } from '../../src/services/custody/prepare-shipment.js';
import { type SeededAccount, seedActiveAccount } from '../support/accounts.js';
import { type TestApp, testApp } from '../support/app.js';
import { actorWith } from '../support/custody-actors.js';
import { makeSampleCollection } from '../support/custody-factories.js';
import { databaseKind } from '../support/db.js';
import { checkInvariants } from '../support/invariants.js';
import { type SeededLoan, seedOpenLoan } from '../support/loan-factories.js';

// The curator's audit sample (issue 10 item 6): subsamples held by borrowers, drawn at random for
// inspection as NASA's auditors drew borrowers, reproducible from the recorded seed.

let t: TestApp;
let db: Db;
let ours: string;
let theirs: string;
let curator: SeededAccount;
/** Numbers of our collection's subsamples that borrowers hold: the curator's population. */
let held: string[];
let inStore: string[];
let otherCollection: string[];

/** Ships every item of the loan and has the borrower confirm receipt: the borrower then holds them. */
async function deliver(collectionId: string, loan: SeededLoan) {
  const staff = actorWith('curator', collectionId);
  const shipment = await prepareShipment(db, staff, loan.loanId, 'outbound', {
    courier: 'EMS',
    trackingNumber: `EMS-${loan.reference}`,
    sealedContainerIds: ['C1'],
    items: loan.items.map((i) => ({ loanItemId: i.loanItemId, containerId: 'C1' })),
  });
  await dispatchShipment(db, staff, shipment.id, { place: 'store' });
  const items = await queryRows<{ id: string; packed: string }>(
    db,
    sql`select id, packed_mass_ug::text as packed from shipment_items where shipment_id = ${shipment.id}`,
  );
  await confirmReceipt(db, actorWith('applicant', loan.institutionId), shipment.id, {
    place: 'lab',
    items: items.map((i) => ({ shipmentItemId: i.id, measuredMassUg: Number(i.packed) })),
  });
}

beforeAll(async () => {
  t = await testApp();
  db = t.database.db;
  ours = (await makeSampleCollection(db)).id;
  theirs = (await makeSampleCollection(db)).id;
  const first = await seedOpenLoan(db, { collectionId: ours, masses: [1_000, 1_100, 1_200, 1_300, 1_400] });
  const second = await seedOpenLoan(db, { collectionId: ours, masses: [2_000, 2_100, 2_200, 2_300] });
  const notShipped = await seedOpenLoan(db, { collectionId: ours, masses: [3_000, 3_100] });
  const elsewhere = await seedOpenLoan(db, { collectionId: theirs, masses: [4_000, 4_100, 4_200] });
  for (const [collectionId, loan] of [
    [ours, first],
    [ours, second],
    [theirs, elsewhere],
  ] as const)
    await deliver(collectionId, loan);
  held = [...first.items, ...second.items].map((i) => i.number);
  inStore = notShipped.items.map((i) => i.number);
  otherCollection = elsewhere.items.map((i) => i.number);
  curator = await seedActiveAccount(db, [{ role: 'curator', scopeId: ours }]);
}, 120_000);

afterAll(async () => {
  expect(await checkInvariants(db)).toEqual([]);
  await t.close();
});

const draw = (payload: { size: number; seed?: string }) =>
  t.app.inject({ method: 'POST', url: '/api/custody/audit-samples', headers: curator.headers, payload });

interface Drawn {
  id: string;
  seed: string;
  population: number;
  items: { position: number; number: string; holder: string; loanId: string | null }[];
}

describe(`the curator's audit sample on ${databaseKind} Postgres`, () => {
  it('draws the asked number of distinct subsamples, only among those borrowers hold in the curator’s collections', async () => {
    const res = await draw({ size: 6, seed: 'inspection-2026-q1' });
    expect(res.statusCode, res.body).toBe(201);
    const drawn = res.json() as Drawn;
    const numbers = drawn.items.map((i) => i.number);
    expect(drawn.population).toBe(held.length);
    expect(numbers).toHaveLength(6);
    expect(new Set(numbers).size).toBe(6);
    for (const n of numbers) expect(held).toContain(n);
    for (const n of [...inStore, ...otherCollection]) expect(numbers).not.toContain(n);
    expect(drawn.items.map((i) => i.position)).toEqual([1, 2, 3, 4, 5, 6]);

    // Asking for more than there is draws the whole population, each once.
    const all = (await draw({ size: 50, seed: 'everything' })).json() as Drawn;
    expect(all.items.map((i) => i.number).sort()).toEqual([...held].sort());
  });

  it('is reproducible from its recorded seed, and another seed draws another sample', async () => {
    const a = (await draw({ size: 4, seed: 'seed-A' })).json() as Drawn;
    const again = (await draw({ size: 4, seed: 'seed-A' })).json() as Drawn;
    const b = (await draw({ size: 4, seed: 'seed-B' })).json() as Drawn;
    expect(again.items.map((i) => i.number)).toEqual(a.items.map((i) => i.number));
    expect(b.items.map((i) => i.number)).not.toEqual(a.items.map((i) => i.number));

    // Anyone can re-run it from what was recorded: the seed, and the population in number order
    // (code-point order, whatever the database's collation).
    const [row] = await queryRows<{ seed: string; size: number; population: number }>(
      db,
      sql`select seed, size, population from audit_samples where id = ${a.id}`,
    );
    expect(row).toEqual({ seed: 'seed-A', size: 4, population: held.length });
    const population = [...held].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
    expect(drawAuditSample(population, row!.size, row!.seed)).toEqual(a.items.map((i) => i.number));
    const items = await queryRows<{ number: string }>(
      db,
      sql`select s.number from audit_sample_items i join samples s on s.id = i.sample_id where i.audit_sample_id = ${a.id} order by i.position`,
    );
    expect(items.map((i) => i.number)).toEqual(a.items.map((i) => i.number));
  });

  it('without a seed, draws with a fresh random one and records it', async () => {
    const one = (await draw({ size: 3 })).json() as Drawn;
    const two = (await draw({ size: 3 })).json() as Drawn;
    expect(one.seed).toMatch(/^[0-9a-f]{32}$/);
    expect(two.seed).not.toBe(one.seed);
    expect(drawAuditSample([...held].sort(), 3, one.seed)).toEqual(one.items.map((i) => i.number));
  });

  it('each draw is in the audit log with its seed, population and numbers', async () => {
    const drawn = (await draw({ size: 2, seed: 'audited' })).json() as Drawn;
    const rows = await queryRows<{ actor: string; details: { seed: string; population: number; numbers: string[] } }>(
      db,
      sql`select actor, details from audit_log where action = 'custody.audit_sample_drawn' and subject_id = ${drawn.id}`,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]!.actor).toBe(`account:${curator.id}`);
    expect(rows[0]!.details).toEqual({ seed: 'audited', population: held.length, numbers: drawn.items.map((i) => i.number) });
  });

  it('the curator’s audit page reads the draw back with its seed, population and items', async () => {
    const drawn = (await draw({ size: 3, seed: 'shown' })).json() as Drawn;
    const res = await t.app.inject({ method: 'GET', url: '/api/custody/audit-samples', headers: curator.headers });
    expect(res.statusCode, res.body).toBe(200);
    const { draws } = res.json() as {
      draws: { id: string; seed: string; size: number; population: number; items: { position: number; number: string }[] }[];
    };
    const shown = draws.find((d) => d.id === drawn.id);
    expect(shown).toMatchObject({ seed: 'shown', size: 3, population: held.length });
    expect(shown!.items.map((i) => i.number)).toEqual(drawn.items.map((i) => i.number));
    // A curator of the other collection sees neither this draw nor may draw from this population.
    const stranger = await seedActiveAccount(db, [{ role: 'curator', scopeId: theirs }]);
    const theirDraws = await t.app.inject({ method: 'GET', url: '/api/custody/audit-samples', headers: stranger.headers });
    expect((theirDraws.json() as { draws: { id: string }[] }).draws.map((d) => d.id)).not.toContain(drawn.id);
    const theirDraw = await t.app.inject({
      method: 'POST',
      url: '/api/custody/audit-samples',
      headers: stranger.headers,
      payload: { size: 10, seed: 'x' },
    });
    expect((theirDraw.json() as Drawn).items.map((i) => i.number).sort()).toEqual([...otherCollection].sort());
  });
});
