import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CatalogueCollectionPage, CatalogueList, CuratorCollectionList } from '../../src/contracts/catalogue.js';
import { type Db, queryRows } from '../../src/db/connection.js';
import { SYSTEM } from '../../src/services/actor.js';
import { confirmReceipt } from '../../src/services/custody/confirm-receipt.js';
import { consumeSample } from '../../src/services/custody/consume-sample.js';
import { dispatchShipment } from '../../src/services/custody/dispatch-shipment.js';
import { fileResearchOutput } from '../../src/services/custody/file-research-output.js';
import { prepareShipment } from '../../src/services/custody/prepare-shipment.js';
import { recordLoanUse } from '../../src/services/custody/record-loan-use.js';
import { registerSample } from '../../src/services/custody/register-sample.js';
import { seedActiveAccount } from '../support/accounts.js';
import { type TestApp, testApp } from '../support/app.js';
import { actorWith } from '../support/custody-actors.js';
import { makeSampleCollection } from '../support/custody-factories.js';
import { databaseKind } from '../support/db.js';
import { makeInstitution } from '../support/factories.js';
import { checkInvariants } from '../support/invariants.js';
import { type SeededLoan, seedOpenLoan } from '../support/loan-factories.js';

// The public sample catalogue: aggregated figures that agree with the ledger, nothing of custody's
// private detail, and a cache that a custody write invalidates.

let t: TestApp;
let db: Db;
let collection: { id: string; slug: string };
let loan: SeededLoan;
let basaltId: string;
let curatorHeaders: Record<string, string>;
const DOI = '10.1038/s41586-021-04100-2';
/** Strings the custody tables hold that the public must never see. */
const PRIVATE = ['Vault B-7', 'CTR-SECRET-1', 'SEAL-991', 'TRACK-4242', 'Dr Private Custodian'];

beforeAll(async () => {
  t = await testApp();
  db = t.database.db;
  collection = await makeSampleCollection(db);
  const lab = String((await makeInstitution(db, { countryCode: 'DE' })).id);
  const curator = actorWith('curator', collection.id);
  // Regolith: a 40 mg parent split into 12 mg and 8 mg lent to the lab; basalt: 5 mg in store.
  loan = await seedOpenLoan(db, { collectionId: collection.id, masses: [12_000, 8_000], institutionId: lab });
  const basalt = await registerSample(db, SYSTEM, collection.id, {
    number: `BAS${Date.now() % 100000}`,
    sampleType: 'basalt fragment',
    massUg: 5_000,
    container: 'CTR-SECRET-1',
    storageLocation: 'Vault B-7',
  });
  basaltId = basalt.id;
  const shipment = await prepareShipment(db, curator, loan.loanId, 'outbound', {
    courier: 'SF Express',
    trackingNumber: 'TRACK-4242',
    sealedContainerIds: ['SEAL-991'],
    items: loan.items.map((i) => ({ loanItemId: i.loanItemId, containerId: 'SEAL-991' })),
  });
  await dispatchShipment(db, curator, shipment.id, { place: 'store' });
  const packed = await queryRows<{ id: string; packed: string }>(
    db,
    sql`select id, packed_mass_ug::text as packed from shipment_items where shipment_id = ${shipment.id}`,
  );
  const borrower = actorWith('applicant', lab);
  await confirmReceipt(db, borrower, shipment.id, {
    place: 'Dr Private Custodian, Cologne',
    items: packed.map((i) => ({ shipmentItemId: i.id, measuredMassUg: Number(i.packed) })),
  });
  await recordLoanUse(db, borrower, loan.loanId, {
    loanItemId: loan.items[0]!.loanItemId,
    kind: 'consume',
    massUg: 3_000,
    reason: 'W isotopes',
  });
  await consumeSample(db, curator, basaltId, { massUg: 1_000, reason: 'thin section' });
  await fileResearchOutput(db, borrower, loan.loanId, {
    kind: 'publication',
    title: 'Tungsten isotopes of Chang’e-5 basalts',
    doi: DOI,
    sampleIds: [loan.items[0]!.sampleId],
  });
  curatorHeaders = (await seedActiveAccount(db, [{ role: 'curator', scopeId: collection.id }])).headers;
}, 120_000);

afterAll(async () => {
  expect(await checkInvariants(db)).toEqual([]);
  await t.close();
});

const getPage = async () => {
  const res = await t.app.inject({ url: `/api/portal/samples/${collection.slug}` });
  expect(res.statusCode, res.body).toBe(200);
  return { res, body: res.json() as CatalogueCollectionPage };
};

describe(`public sample catalogue on ${databaseKind} Postgres`, () => {
  it('shows public figures only: no sample number, container, storage place, custodian, reference, tracking or id', async () => {
    const list = await t.app.inject({ url: '/api/portal/samples' });
    const { res } = await getPage();
    const numbers = await queryRows<{ number: string }>(
      db,
      sql`select number from samples where collection_id = ${collection.id}`,
    );
    for (const text of [list.body, res.body]) {
      for (const secret of [...PRIVATE, loan.reference, loan.loanId, collection.id, basaltId, ...numbers.map((n) => n.number)])
        expect(text).not.toContain(secret);
      expect(text).not.toMatch(/"(id|number|container|storageLocation|holder|reference|trackingNumber)"/);
    }
    const item = (list.json() as CatalogueList).items.find((c) => c.slug === collection.slug)!;
    expect(Object.keys(item).sort()).toEqual(
      [
        'slug',
        'name',
        'mission',
        'returnedMassMg',
        'returnedOn',
        'loans',
        'publications',
        'parentSamples',
        'inStoreUg',
        'availableUg',
        'lentUg',
        'consumedUg',
        'lostUg',
      ].sort(),
    );
  });

  it('agrees with the ledger: by type and in total, and every microgram is in store, lent, consumed or lost', async () => {
    const { body } = await getPage();
    const c = body.collection;
    expect(c).toMatchObject({
      parentSamples: 2,
      inStoreUg: 24_000,
      availableUg: 24_000,
      lentUg: 17_000,
      consumedUg: 4_000,
      lostUg: 0,
    });
    const [ledger] = await queryRows<{ store: number; out: number; declared: number }>(
      db,
      sql`select (select sum(balance_ug) from samples where collection_id = ${collection.id})::float8 as store,
            (select sum(li.out_ug) from loan_items li join samples s on s.id = li.sample_id where s.collection_id = ${collection.id})::float8 as out,
            (select sum(declared_mass_ug) from samples where collection_id = ${collection.id} and parent_id is null)::float8 as declared`,
    );
    expect([c.inStoreUg, c.lentUg]).toEqual([ledger!.store, ledger!.out]);
    expect(c.inStoreUg + c.lentUg + c.consumedUg + c.lostUg).toBe(ledger!.declared);
    expect(body.sampleTypes.map((s) => [s.sampleType, s.inStoreUg, s.lentUg, s.consumedUg])).toEqual([
      ['basalt fragment', 4_000, 0, 1_000],
      ['regolith', 20_000, 17_000, 3_000],
    ]);
    expect(body.loans).toEqual([
      {
        year: new Date().getUTCFullYear(),
        massUg: 20_000,
        sampleTypes: ['regolith'],
        institution: expect.objectContaining({ slug: expect.any(String) }),
        country: expect.objectContaining({ code: 'DE' }),
      },
    ]);
    expect(body.publications.map((p) => [p.doi, p.country?.code, p.sampleTypes])).toEqual([[DOI, 'DE', ['regolith']]]);
    expect(c).toMatchObject({ loans: 1, publications: 1 });

    const curator = await t.app.inject({ url: '/api/custody/collections', headers: curatorHeaders });
    const mine = (curator.json() as CuratorCollectionList).items;
    expect(mine.map((m) => [m.slug, m.inStoreUg, m.lentUg, m.consumedUg, m.lostUg, m.parents.length])).toEqual([
      [collection.slug, 24_000, 17_000, 4_000, 0, 2],
    ]);
    expect((await t.app.inject({ url: '/api/custody/collections' })).statusCode).toBe(401);
  });

  it('downloads each list as CSV in micrograms', async () => {
    const loans = await t.app.inject({ url: `/api/portal/samples/${collection.slug}?list=loans&format=csv` });
    expect(loans.headers['content-type']).toContain('text/csv');
    const [header, row] = loans.body.replace('\uFEFF', '').trim().split('\r\n');
    expect(header).toBe('year,institution,institution_name,institution_native_name,country_code,mass_ug,sample_types');
    expect(row).toMatch(/,DE,20000,regolith$/);
    const pubs = await t.app.inject({ url: `/api/portal/samples/${collection.slug}?list=publications&format=csv` });
    expect(pubs.body).toContain(DOI);
    expect((await t.app.inject({ url: '/api/portal/samples/no-such-collection' })).statusCode).toBe(404);
  });

  it('portal search finds the collection and leads to its catalogue page', async () => {
    const name = (await getPage()).body.collection.name;
    const res = await t.app.inject({ url: `/api/portal/search?q=${encodeURIComponent(name)}` });
    expect(res.json().items[0]).toMatchObject({ kind: 'sample_collection', path: `/samples/${collection.slug}`, score: 100 });
  });

  it('a custody write invalidates the cached answer at once', async () => {
    const before = await getPage();
    const etag = before.res.headers.etag as string;
    expect(
      (await t.app.inject({ url: `/api/portal/samples/${collection.slug}`, headers: { 'if-none-match': etag } })).statusCode,
    ).toBe(304);
    await consumeSample(db, actorWith('curator', collection.id), basaltId, { massUg: 500, reason: 'second thin section' });
    const after = await getPage();
    expect(after.res.headers.etag).not.toBe(etag);
    expect(after.body.collection.consumedUg).toBe(before.body.collection.consumedUg + 500);
    expect(after.body.collection.inStoreUg).toBe(before.body.collection.inStoreUg - 500);
  });
});
