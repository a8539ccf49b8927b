import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, openPostgres, queryRows } from '../../src/db/connection.js';
import { auditLog, ledgerEntries, samples } from '../../src/db/schema.js';
import { AppError } from '../../src/domain/errors.js';
import { SYSTEM } from '../../src/services/actor.js';
import { consumeSample } from '../../src/services/custody/consume-sample.js';
import { splitSample } from '../../src/services/custody/split-sample.js';
import { seedActiveAccount } from '../support/accounts.js';
import { type TestApp, testApp } from '../support/app.js';
import { makeParentSample, makeSampleCollection } from '../support/custody-factories.js';
import { databaseKind } from '../support/db.js';
import { checkInvariants } from '../support/invariants.js';
import { rowCounts } from '../support/row-counts.js';

let t: TestApp;
let db: Db;
let collectionId: string;
let curator: { authorization: string };
let otherCurator: { authorization: string };
const tables = { samples, ledgerEntries, auditLog };

beforeAll(async () => {
  t = await testApp();
  db = t.database.db;
  collectionId = (await makeSampleCollection(db)).id;
  const other = await makeSampleCollection(db);
  curator = (await seedActiveAccount(db, [{ role: 'curator', scopeId: collectionId }])).headers;
  otherCurator = (await seedActiveAccount(db, [{ role: 'curator', scopeId: other.id }])).headers;
});
afterAll(async () => {
  expect(await checkInvariants(db)).toEqual([]);
  await t.close();
});

const post = (url: string, payload: object, headers = curator) => t.app.inject({ method: 'POST', url, headers, payload });
const get = (url: string, headers = curator) => t.app.inject({ url, headers });

/** Runs raw SQL in its own transaction, as a writer that skips every service check would. */
async function rawTransaction(statements: ReturnType<typeof sql>[]): Promise<void> {
  await db.transaction(async (tx) => {
    for (const s of statements) await tx.execute(s);
  });
}
const refusedBy = async (work: Promise<unknown>, why: RegExp) => {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, 'the database accepted a write it must refuse').not.toBeNull();
  const messages = [error as Error, (error as Error).cause as Error]
    .filter(Boolean)
    .map((e) => e.message)
    .join(' | ');
  expect(messages).toMatch(why);
};

describe(`sample custody API on ${databaseKind} Postgres`, () => {
  let parentId: string;

  it('registers a parent, splits it into numbered subsamples and shows the genealogy to any depth', async () => {
    const created = await post(`/api/sample-collections/${collectionId}/samples`, {
      number: 'CE5C0400',
      sampleType: 'scooped regolith',
      massUg: 1_000_000,
      weighingToleranceUg: 50,
      container: 'N2 cabinet jar 7',
      storageLocation: 'Beijing store, cabinet 3',
    });
    expect(created.statusCode, created.body).toBe(201);
    parentId = created.json().id;
    expect(created.json()).toMatchObject({ number: 'CE5C0400', availableUg: 1_000_000, status: 'in_store' });

    const split = await post(`/api/samples/${parentId}/splits`, {
      parts: [{ massUg: 100_000, use: 'research' }, { massUg: 250_000 }, { massUg: 50_000, use: 'display' }],
      reason: 'allocation 2025',
    });
    expect(split.statusCode, split.body).toBe(201);
    expect(split.json().subsamples.map((s: { number: string }) => s.number)).toEqual(['CE5C0400,1', 'CE5C0400,2', 'CE5C0400,3']);
    expect(split.json().parent.availableUg).toBe(600_000);

    const second = split.json().subsamples[1].id;
    const deeper = await post(`/api/samples/${second}/splits`, { parts: [{ massUg: 10_000 }, { massUg: 20_000 }] });
    expect(deeper.json().subsamples.map((s: { number: string }) => s.number)).toEqual(['CE5C0400,2,1', 'CE5C0400,2,2']);
    const grandchild = deeper.json().subsamples[0].id;
    const deepest = await post(`/api/samples/${grandchild}/splits`, { parts: [{ massUg: 1_000 }] });
    expect(deepest.json().subsamples[0].number).toBe('CE5C0400,2,1,1');

    const tree = (await get(`/api/samples/${parentId}/genealogy`)).json();
    const numbers = (node: { number: string; children: unknown[] }): unknown => ({
      [node.number]: node.children.map((c) => numbers(c as typeof node)),
    });
    expect(numbers(tree.tree)).toEqual({
      CE5C0400: [
        { 'CE5C0400,1': [] },
        { 'CE5C0400,2': [{ 'CE5C0400,2,1': [{ 'CE5C0400,2,1,1': [] }] }, { 'CE5C0400,2,2': [] }] },
        { 'CE5C0400,3': [] },
      ],
    });
    const up = (await get(`/api/samples/${deepest.json().subsamples[0].id}/genealogy`)).json();
    expect(up.ancestors.map((a: { number: string }) => a.number)).toEqual(['CE5C0400', 'CE5C0400,2', 'CE5C0400,2,1']);

    const audits = await queryRows<{ action: string }>(
      db,
      sql`select action from audit_log where subject_type = 'sample' and subject_id = ${parentId} order by id`,
    );
    expect(audits.map((a) => a.action)).toEqual(['sample.registered', 'sample.split']);
  });

  it('consumes and records a loss with its report; the accounts balance', async () => {
    const consumed = await post(`/api/samples/${parentId}/consumption`, { massUg: 150_000, reason: 'noble gas analysis' });
    expect(consumed.statusCode, consumed.body).toBe(200);
    const lost = await post(`/api/samples/${parentId}/losses`, {
      kind: 'contamination',
      massUg: 38_000,
      report: 'glovebox breach',
    });
    expect(lost.statusCode, lost.body).toBe(200);
    const detail = (await get(`/api/samples/${parentId}`)).json();
    expect(detail.availableUg).toBe(412_000);
    expect(detail.accounts).toEqual({
      remainderUg: 412_000,
      splitUg: 400_000,
      consumedUg: 150_000,
      lostUg: 38_000,
      outOnLoanUg: 0,
      unaccountedUg: 0,
      balances: true,
    });
    expect(detail.ledger.map((e: { kind: string }) => e.kind)).toEqual([
      'initial',
      'split_out',
      'split_out',
      'split_out',
      'consume',
      'contamination',
    ]);
  });

  it('refuses taking more than is available, saying how much is, and writes nothing', async () => {
    const before = await rowCounts(db, tables);
    const over = await post(`/api/samples/${parentId}/consumption`, { massUg: 412_001, reason: 'too much' });
    expect(over.statusCode).toBe(400);
    expect(over.json()).toMatchObject({ code: 'OVER_LIMIT' });
    expect(over.json().detail).toMatch(/only 412\.000 mg of CE5C0400 are available/);
    const split = await post(`/api/samples/${parentId}/splits`, { parts: [{ massUg: 400_000 }, { massUg: 12_001 }] });
    expect(split.json()).toMatchObject({ code: 'OVER_LIMIT' });
    const loss = await post(`/api/samples/${parentId}/losses`, { kind: 'loss', massUg: 500_000, report: 'dropped' });
    expect(loss.json()).toMatchObject({ code: 'OVER_LIMIT' });
    expect(await rowCounts(db, tables)).toEqual(before);
  });

  it('refuses a duplicate number, and hides samples from curators of other collections', async () => {
    const dup = await post(`/api/sample-collections/${collectionId}/samples`, { number: 'CE5C0400', sampleType: 'x', massUg: 1 });
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({ code: 'DUPLICATE' });
    expect((await get(`/api/samples/${parentId}`, otherCurator)).statusCode).toBe(404);
    const foreign = await post(`/api/samples/${parentId}/consumption`, { massUg: 1, reason: 'x' }, otherCurator);
    expect(foreign.statusCode).toBe(404);
    const notCurator = (await seedActiveAccount(db, [])).headers;
    expect((await get(`/api/samples/${parentId}`, notCurator)).statusCode).toBe(403);
  });
});

describe(`the database refuses ledger writes that break the rules on ${databaseKind} Postgres`, () => {
  let sample: { id: string; number: string };
  beforeAll(async () => {
    sample = await makeParentSample(db, collectionId, 10_000);
  });
  const entry = (kind: string, delta: number, reason: string | null = 'test', sampleId = sample.id) =>
    sql`insert into ledger_entries (sample_id, kind, delta_ug, reason, actor) values (${sampleId}, ${kind}, ${delta}, ${reason}, 'psql')`;

  it('no balance below zero, whatever the writer', async () => {
    await refusedBy(rawTransaction([entry('consume', -10_001)]), /only 10000 µg of .* are available/);
    await refusedBy(rawTransaction([entry('consume', -6_000), entry('loss', -4_001)]), /only 4000 µg/);
    await refusedBy(
      rawTransaction([sql`update samples set balance_ug = 99999 where id = ${sample.id}`]),
      /only through ledger entries/,
    );
  });

  it('entries are append-only: no UPDATE, DELETE or TRUNCATE', async () => {
    await refusedBy(rawTransaction([sql`update ledger_entries set delta_ug = 1 where sample_id = ${sample.id}`]), /append-only/);
    await refusedBy(rawTransaction([sql`delete from ledger_entries where sample_id = ${sample.id}`]), /append-only/);
    await refusedBy(rawTransaction([sql`truncate ledger_entries cascade`]), /append-only/);
    await refusedBy(rawTransaction([sql`delete from samples where id = ${sample.id}`]), /never deleted/);
    await refusedBy(rawTransaction([sql`update samples set declared_mass_ug = 1 where id = ${sample.id}`]), /cannot change/);
  });

  it('a split_out and its split_in balance at commit, on a real child of the parent', async () => {
    const child = sql`insert into samples (collection_id, parent_id, number, sample_type, declared_mass_ug)
                      values (${collectionId}, ${sample.id}, null, 'x', 1000) returning id`;
    const splitOut = (delta: number) =>
      sql`insert into ledger_entries (sample_id, kind, delta_ug, counterpart_sample_id, actor)
          select ${sample.id}, 'split_out', ${delta}, id, 'psql' from samples where parent_id = ${sample.id} order by created_at desc, number desc limit 1`;
    const splitIn = (delta: number) =>
      sql`insert into ledger_entries (sample_id, kind, delta_ug, counterpart_sample_id, actor)
          select id, 'split_in', ${delta}, ${sample.id}, 'psql' from samples where parent_id = ${sample.id} order by created_at desc, number desc limit 1`;
    await refusedBy(rawTransaction([child, splitOut(-1000)]), /do not balance|no opening ledger entry/);
    await refusedBy(rawTransaction([child, splitOut(-1000), splitIn(999)]), /do not balance|no opening ledger entry/);
    await refusedBy(rawTransaction([child, splitIn(1000)]), /do not balance/);
    await rawTransaction([child, splitOut(-1000), splitIn(1000)]);
    const [row] = await queryRows<{ number: string; balance: number }>(
      db,
      sql`select number, balance_ug::int as balance from samples where parent_id = ${sample.id}`,
    );
    // The refused attempts gave their split numbers back: the first split that stood is number 1.
    expect(row).toEqual({ number: `${sample.number},1`, balance: 1000 });
  });

  it('a sample exists only with its opening entry of its declared mass', async () => {
    await refusedBy(
      rawTransaction([
        sql`insert into samples (collection_id, number, sample_type, declared_mass_ug) values (${collectionId}, 'NOENTRY1', 'x', 5)`,
      ]),
      /no opening ledger entry/,
    );
    await refusedBy(
      rawTransaction([
        sql`insert into samples (collection_id, number, sample_type, declared_mass_ug) values (${collectionId}, 'NOENTRY2', 'x', 5)`,
        sql`insert into ledger_entries (sample_id, kind, delta_ug, actor) select id, 'initial', 6, 'psql' from samples where number = 'NOENTRY2'`,
      ]),
      /no opening ledger entry/,
    );
  });

  it('never returns more than was shipped out (Specify: "more returned than lent"), even twice in a row', async () => {
    await refusedBy(rawTransaction([entry('return', 1)]), /exceeds the 0 µg/);
    await rawTransaction([entry('ship', -3_000)]);
    await rawTransaction([entry('return', 2_000)]);
    await refusedBy(rawTransaction([entry('return', 1_001)]), /exceeds the 1000 µg/);
    await rawTransaction([entry('return', 1_000)]);
    await refusedBy(rawTransaction([entry('return', 1)]), /exceeds the 0 µg/);
  });

  it('weighing differences stay within the declared tolerance; losses need a report', async () => {
    await refusedBy(rawTransaction([entry('adjust', -1)]), /beyond its tolerance of 0 µg/);
    await refusedBy(rawTransaction([entry('loss', -1, null)]), /ledger_entries_reported/);
    await refusedBy(rawTransaction([entry('consume', 5)]), /ledger_entries_sign/);
  });
});

describe(`concurrent writers on one parent on ${databaseKind} Postgres`, () => {
  // On PostgreSQL a pool of 40 connections, so the writers really run at once; PGlite has one.
  const withWriters = async <T>(work: (writers: Db) => Promise<T>): Promise<T> => {
    if (!t.database.url) return work(db);
    const pool = openPostgres(t.database.url, 40);
    try {
      return await work(pool.db);
    } finally {
      await pool.close();
    }
  };

  it('100 concurrent splits and consumptions never oversubscribe the parent; split numbers stay gapless', async () => {
    const parent = await makeParentSample(db, collectionId, 60_000);
    const outcomes = await withWriters((writers) =>
      Promise.allSettled(
        Array.from({ length: 100 }, (_, i) =>
          i % 2 === 0
            ? splitSample(writers, SYSTEM, parent.id, { parts: [{ massUg: 1_000 }] })
            : consumeSample(writers, SYSTEM, parent.id, { massUg: 1_000, reason: `analysis ${i}` }),
        ),
      ),
    );
    const won = outcomes.filter((o) => o.status === 'fulfilled').length;
    const refused = outcomes.filter((o) => o.status === 'rejected');
    expect(won).toBe(60);
    for (const r of refused) expect((r as PromiseRejectedResult).reason).toBeInstanceOf(AppError);
    for (const r of refused) expect(((r as PromiseRejectedResult).reason as AppError).code).toBe('OVER_LIMIT');
    const [b] = await queryRows<{ balances: boolean; ledger: number; split: number; consumed: number }>(
      db,
      sql`select balances, ledger_ug::int as ledger, split_ug::int as split, consumed_ug::int as consumed from sample_balance(${parent.id})`,
    );
    expect(b).toMatchObject({ balances: true, ledger: 0 });
    expect(b!.split + b!.consumed).toBe(60_000);
    const numbers = await queryRows<{ number: string }>(db, sql`select number from samples where parent_id = ${parent.id}`);
    const splits = numbers.map((n) => Number(n.number.split(',')[1])).sort((a, c) => a - c);
    expect(splits).toEqual(Array.from({ length: splits.length }, (_, i) => i + 1));
    expect(splits.length).toBe(b!.split / 1_000);
  }, 120_000);

  it('100 concurrent raw consumptions that skip every service check: the database alone lets exactly 60 through', async () => {
    const parent = await makeParentSample(db, collectionId, 60_000);
    const outcomes = await withWriters((writers) =>
      Promise.allSettled(
        Array.from({ length: 100 }, () =>
          writers.transaction((tx) =>
            tx.execute(
              sql`insert into ledger_entries (sample_id, kind, delta_ug, reason, actor) values (${parent.id}, 'consume', -1000, 'raw', 'psql')`,
            ),
          ),
        ),
      ),
    );
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(60);
    const [row] = await queryRows<{ balance: number; sum: number }>(
      db,
      sql`select balance_ug::int as balance, (select sum(delta_ug)::int from ledger_entries where sample_id = ${parent.id}) as sum
          from samples where id = ${parent.id}`,
    );
    expect(row).toEqual({ balance: 0, sum: 0 });
  }, 120_000);
});
