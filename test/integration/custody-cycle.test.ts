import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, openPostgres, queryRows } from '../../src/db/connection.js';
import type { AppError } from '../../src/domain/errors.js';
import { dispatchShipment } from '../../src/services/custody/dispatch-shipment.js';
import { prepareShipment } from '../../src/services/custody/prepare-shipment.js';
import { type TestApp, testApp } from '../support/app.js';
import { actorWith } from '../support/custody-actors.js';
import { makeParentSample, makeSampleCollection } from '../support/custody-factories.js';
import { custodyInvariants } from '../support/custody-invariants.js';
import { databaseKind } from '../support/db.js';
import { ensureCountry, makeProgram } from '../support/factories.js';
import { seedAgreementInForce, seedOpenLoan } from '../support/loan-factories.js';

let t: TestApp;
let db: Db;
let collectionId: string;

beforeAll(async () => {
  t = await testApp();
  db = t.database.db;
  collectionId = (await makeSampleCollection(db, 100_000_000)).id;
});
afterAll(() => t.close());

describe(`custody at scale on ${databaseKind} Postgres`, () => {
  it('100 concurrent dispatches of one subsample lent under 100 loans never oversubscribe it', async () => {
    const curator = actorWith('curator', collectionId);
    // One subsample of 60 mg, lent 1 mg at a time under 100 loans to one borrower: 40 must be refused.
    const first = await seedOpenLoan(db, { collectionId, masses: [60_000] });
    const sampleId = first.items[0]!.sampleId;
    const shipmentIds: string[] = [];
    for (let i = 0; i < 100; i++) {
      const agreementId = await seedAgreementInForce(db, first.institutionId);
      const [loan] = await queryRows<{ id: string }>(
        db,
        sql`insert into loans (reference, agreement_id, borrower_institution_id, due_on, opened_by)
            values (${`RACE-${Date.now()}-${i}`}, ${agreementId}, ${first.institutionId}, '2031-01-01', 'test') returning id`,
      );
      await db.execute(
        sql`insert into loan_items (loan_id, sample_id, allocated_mass_ug) values (${loan!.id}, ${sampleId}, 1000)`,
      );
      const shipment = await prepareShipment(db, curator, loan!.id, 'outbound', {
        courier: 'EMS',
        trackingNumber: `R${i}`,
        sealedContainerIds: ['C'],
        items: [
          {
            loanItemId: (await queryRows<{ id: string }>(db, sql`select id from loan_items where loan_id = ${loan!.id}`))[0]!.id,
            containerId: 'C',
          },
        ],
      });
      shipmentIds.push(shipment.id);
    }
    const run = async (writers: Db) =>
      Promise.allSettled(shipmentIds.map((id) => dispatchShipment(writers, curator, id, { place: 'store' })));
    let outcomes: PromiseSettledResult<unknown>[];
    if (t.database.url) {
      const pool = openPostgres(t.database.url, 40);
      try {
        outcomes = await run(pool.db);
      } finally {
        await pool.close();
      }
    } else outcomes = await run(db);
    const reasons = [
      ...new Set(
        outcomes
          .filter((o) => o.status === 'rejected')
          .map((o) =>
            String((o as PromiseRejectedResult).reason?.cause?.message ?? (o as PromiseRejectedResult).reason?.message),
          ),
      ),
    ];
    expect(
      outcomes.filter((o) => o.status === 'fulfilled'),
      reasons.join(' | '),
    ).toHaveLength(60);
    for (const o of outcomes.filter((o) => o.status === 'rejected'))
      expect(((o as PromiseRejectedResult).reason as AppError).code).toBe('OVER_LIMIT');
    const [row] = await queryRows<{ store: string; out: string; balances: boolean }>(
      db,
      sql`select s.balance_ug::text as store, (select sum(out_ug)::text from loan_items where sample_id = s.id) as out, b.balances
          from samples s cross join lateral sample_balance(s.id) b where s.id = ${sampleId}`,
    );
    expect(row).toEqual({ store: '0', out: '60000', balances: true });
    expect(await custodyInvariants(db)).toEqual([]);
  }, 240_000);

  it('a simulated 10-year cycle of 400 borrowers and 10,000 loans ends with every loan closed and 0 mg unaccounted', async () => {
    const started = performance.now();
    await ensureCountry(db, 'FR');
    const programId = String((await makeProgram(db)).id);
    const parents = [];
    for (let p = 0; p < 100; p++) parents.push(await makeParentSample(db, collectionId, 1_000_000, `SIM${p}`));
    const parentIds = sql.join(
      parents.map((p) => sql`${p.id}::uuid`),
      sql`, `,
    );
    const subsamples = sql`select id, row_number() over (order by number) as k from samples where parent_id in (${parentIds})`;
    await db.transaction(async (tx) => {
      // 400 borrowers with an agreement in force each.
      await tx.execute(sql`insert into institutions (slug, name, kind, country_code)
        select 'sim-borrower-' || g, 'Simulated borrower ' || g, 'university', 'FR' from generate_series(1, 400) g`);
      await tx.execute(sql`insert into agreements (id, series_id, reference, kind, program_id, institution_id, title, status, in_force_at,
          document_pdf, document_sha256, sent_at, created_by)
        select x.id, x.id, 'SIM-AGR-' || x.n, 'sample_loan', ${programId}, x.inst, 'Simulated loan agreement', 'in_force', now(),
          '\x25504446'::bytea, repeat('a', 64), now(), 'sim'
        from (select gen_random_uuid() as id, row_number() over (order by slug) as n, id as inst from institutions where slug like 'sim-borrower-%') x`);
      // 1,000 subsamples of 20 mg (10 from each parent), split through the ledger triggers; each is
      // lent once a year, to a different borrower each time.
      await tx.execute(sql`insert into samples (collection_id, parent_id, number, sample_type, use, declared_mass_ug, weighing_tolerance_ug)
        select ${collectionId}, p.id, null, 'regolith', 'research', 20000, 50 from samples p cross join generate_series(1, 10)
        where p.id in (${parentIds})`);
      await tx.execute(sql`insert into ledger_entries (sample_id, kind, delta_ug, counterpart_sample_id, actor)
        select parent_id, 'split_out', -20000, id, 'sim' from samples where parent_id in (${parentIds})`);
      await tx.execute(sql`insert into ledger_entries (sample_id, kind, delta_ug, counterpart_sample_id, actor)
        select id, 'split_in', 20000, parent_id, 'sim' from samples where parent_id in (${parentIds})`);
    });
    // Each year 1,000 loans: ship what is in store, receive (weighed within tolerance), consume
    // part, lose a little now and then, return the rest, close the loan.
    for (let year = 0; year < 10; year++) {
      await db.transaction(async (tx) => {
        await tx.execute(sql`insert into loans (reference, agreement_id, borrower_institution_id, due_on, opened_at, opened_by)
          select 'SIM-L-' || (${year * 1000} + s.k), a.id, a.institution_id, date '2021-01-01' + ${year * 365}::int,
            timestamptz '2016-01-01' + make_interval(days => ${year * 365}::int), 'sim'
          from (${subsamples}) s
          join (select id, institution_id, row_number() over (order by reference) - 1 as k from agreements where reference like 'SIM-AGR-%') a
            on a.k = (s.k + ${year * 37}) % 400`);
        await tx.execute(sql`insert into loan_items (loan_id, sample_id, allocated_mass_ug)
          select l.id, s.id, 20000 from (${subsamples}) s join loans l on l.reference = 'SIM-L-' || (${year * 1000} + s.k)`);
        const batch = sql`select li.id, li.sample_id, s.k from loan_items li join loans l on l.id = li.loan_id join (${subsamples}) s on s.id = li.sample_id
          where l.reference = 'SIM-L-' || (${year * 1000} + s.k)`;
        await tx.execute(sql`insert into ledger_entries (sample_id, kind, delta_ug, loan_item_id, actor)
          select b.sample_id, 'ship', -x.balance_ug, b.id, 'sim' from (${batch}) b join samples x on x.id = b.sample_id`);
        await tx.execute(sql`insert into ledger_entries (sample_id, kind, delta_ug, loan_item_id, actor)
          select sample_id, 'receive', ${year % 2 === 0 ? -2 : 2}, id, 'sim' from (${batch}) b where k % 3 = 0`);
        await tx.execute(sql`insert into ledger_entries (sample_id, kind, delta_ug, loan_item_id, reason, actor)
          select sample_id, 'consume', -(100 * (1 + k % 10)), id, 'analysis', 'sim' from (${batch}) b`);
        await tx.execute(sql`insert into ledger_entries (sample_id, kind, delta_ug, loan_item_id, reason, actor)
          select sample_id, 'loss', -37, id, 'spilled', 'sim' from (${batch}) b where k % 50 = 0`);
        await tx.execute(sql`insert into ledger_entries (sample_id, kind, delta_ug, loan_item_id, actor)
          select li.sample_id, 'return', li.out_ug, li.id, 'sim' from loan_items li join (${batch}) b on b.id = li.id where li.out_ug > 0`);
        await tx.execute(sql`update loans set status = 'closed', closed_at = now(), closed_by = 'sim'
          where reference like 'SIM-L-%' and status = 'open'`);
      });
    }
    const [totals] = await queryRows<Record<string, string>>(
      db,
      sql`with accounts as (select a.* from sample_accounts a join samples s on s.id = a.sample_id where s.parent_id in (${parentIds}) or s.id in (${parentIds}))
          select
            (select count(*) from loans where reference like 'SIM-L-%')::text as loans,
            (select count(distinct borrower_institution_id) from loans where reference like 'SIM-L-%')::text as borrowers,
            (select count(*) from loans where reference like 'SIM-L-%' and status = 'open')::text as open_loans,
            (select count(*) from accounts where not balances)::text as unbalanced,
            (select sum(out_on_loan_ug) from accounts)::text as out_ug,
            (select sum(declared_ug) from samples s join accounts a on a.sample_id = s.id where s.parent_id is null)::text as declared,
            (select sum(ledger_ug + consumed_ug + lost_ug + out_on_loan_ug) from accounts)::text as accounted,
            (select coalesce(sum(delta_ug), 0) from ledger_entries e join accounts a on a.sample_id = e.sample_id
              where e.kind in ('receive', 'return_receipt', 'adjust'))::text as weighed,
            (select count(*) from ledger_entries e join accounts a on a.sample_id = e.sample_id)::text as entries`,
    );
    // Declared = in store + consumed + lost + out + the weighing differences recorded: nothing unaccounted.
    const unaccounted = Number(totals!.declared) + Number(totals!.weighed) - Number(totals!.accounted);
    console.log(
      `custody cycle: ${totals!.loans} loans to ${totals!.borrowers} borrowers, ${totals!.entries} ledger entries in ${((performance.now() - started) / 1000).toFixed(1)} s; unaccounted ${unaccounted} µg`,
    );
    expect({
      loans: totals!.loans,
      borrowers: totals!.borrowers,
      open: totals!.open_loans,
      unbalanced: totals!.unbalanced,
      out: totals!.out_ug,
      unaccounted,
    }).toEqual({
      loans: '10000',
      borrowers: '400',
      open: '0',
      unbalanced: '0',
      out: '0',
      unaccounted: 0,
    });
    expect(await custodyInvariants(db)).toEqual([]);
  }, 600_000);
});
