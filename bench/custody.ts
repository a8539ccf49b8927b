// Sample custody at Apollo scale against a real PostgreSQL, in a new database of its own:
// 500 parent samples (BENCH_PARENTS) with 280 subsamples each (BENCH_SPLITS) = 140,000
// subsamples, written through the ledger triggers (set-based inserts, one transaction per parent);
// then the whole-collection balance audit (the `sample_accounts` view in one grouped scan, and
// `sample_balance(id)` per sample as the invariant checker runs it), 3 times each; then 100 concurrent clients (BENCH_CLIENTS) consuming 5 mg at a time
// from 10 parents through the use case until they are empty, with the count of oversubscribed
// samples (0 expected). Prints figures, asserts nothing.
//   scripts/with-postgres.sh node --import tsx bench/custody.ts
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { openPostgres, queryRows } from '../src/db/connection.js';
import { migrate } from '../src/db/migrate.js';
import { AppError } from '../src/domain/errors.js';
import { SYSTEM } from '../src/services/actor.js';
import { consumeSample } from '../src/services/custody/consume-sample.js';
import { registerSample } from '../src/services/custody/register-sample.js';
import { createRecord } from '../src/services/registry/create-record.js';
import { RESOURCE_BY_NAME } from '../src/services/registry/resources.js';

const withDatabase = (url: string, name: string) => {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
};

async function admin(url: string, query: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(query);
  } finally {
    await client.end();
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export async function custodyBench(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.log('custody: skipped, DATABASE_URL is not set (run it through scripts/with-postgres.sh)');
    return;
  }
  const parents = Number(process.env.BENCH_PARENTS ?? 500);
  const splits = Number(process.env.BENCH_SPLITS ?? 280);
  const clients = Number(process.env.BENCH_CLIENTS ?? 100);
  const name = `orbitshare_bench_${randomBytes(4).toString('hex')}`;
  await admin(url, `create database ${name}`);
  const database = openPostgres(withDatabase(url, name), clients);
  try {
    await migrate(database);
    const { db } = database;
    const create = (resource: string, values: Record<string, unknown>) =>
      createRecord(db, SYSTEM, RESOURCE_BY_NAME.get(resource)!, values) as Promise<{ id: string }>;
    const mission = await create('missions', {
      slug: 'apollo-bench',
      name: 'Apollo (bench)',
      targetBody: 'moon',
      status: 'completed',
    });
    const collection = await create('sample-collections', {
      slug: 'apollo-bench-samples',
      missionId: mission.id,
      name: 'Apollo samples (bench)',
      returnedMassMg: 382_000_000,
    });

    const started = performance.now();
    for (let p = 0; p < parents; p++) {
      const parent = await registerSample(db, SYSTEM, collection.id, {
        number: `A${String(p).padStart(5, '0')}`,
        sampleType: 'regolith',
        massUg: 10_000_000,
      });
      await db.transaction(async (tx) => {
        await tx.execute(sql`insert into samples (collection_id, parent_id, number, sample_type, use, declared_mass_ug)
          select ${collection.id}, ${parent.id}, null, 'regolith', 'research', 10000 from generate_series(1, ${splits})`);
        await tx.execute(sql`insert into ledger_entries (sample_id, kind, delta_ug, counterpart_sample_id, actor)
          select ${parent.id}, 'split_out', -10000, id, 'bench' from samples where parent_id = ${parent.id}`);
        await tx.execute(sql`insert into ledger_entries (sample_id, kind, delta_ug, counterpart_sample_id, actor)
          select id, 'split_in', 10000, ${parent.id}, 'bench' from samples where parent_id = ${parent.id}`);
      });
    }
    const loadS = (performance.now() - started) / 1000;
    const [counts] = await queryRows<{ samples: number; entries: number }>(
      db,
      sql`select (select count(*)::int from samples) as samples, (select count(*)::int from ledger_entries) as entries`,
    );
    console.log(
      `custody: loaded ${counts!.samples} samples (${parents * splits} subsamples), ${counts!.entries} entries in ${loadS.toFixed(1)} s`,
    );
    await db.execute(sql`analyze samples`);
    await db.execute(sql`analyze ledger_entries`);

    // The audit two ways: the view in one grouped scan, and sample_balance(id) per sample as the
    // invariant checker calls it.
    const audit = async (label: string, query: ReturnType<typeof sql>) => {
      const times: number[] = [];
      let unbalanced = -1;
      for (let run = 0; run < 3; run++) {
        const t0 = performance.now();
        const [row] = await queryRows<{ unbalanced: number }>(db, query);
        times.push(performance.now() - t0);
        unbalanced = row!.unbalanced;
      }
      console.log(
        `custody: whole-collection balance audit of ${counts!.samples} samples, ${label}: median ${median(times).toFixed(0)} ms ` +
          `(runs ${times.map((t) => t.toFixed(0)).join(', ')} ms; target < 1000 ms), unbalanced ${unbalanced}`,
      );
    };
    await audit(
      'view sample_accounts',
      sql`select count(*) filter (where not balances)::int as unbalanced from sample_accounts where collection_id = ${collection.id}`,
    );
    if (process.env.BENCH_EXPLAIN) {
      const plan = await queryRows<{ 'QUERY PLAN': string }>(
        db,
        sql`explain (analyze, buffers) select count(*) filter (where not balances)::int as unbalanced from sample_accounts where collection_id = ${collection.id}`,
      );
      console.log(plan.map((row) => `  ${row['QUERY PLAN']}`).join('\n'));
    }
    await audit(
      'sample_balance(id) per sample',
      sql`select count(*) filter (where not b.balances)::int as unbalanced
          from samples s cross join lateral sample_balance(s.id) b where s.collection_id = ${collection.id}`,
    );

    // 100 clients × 200 writes race to consume 5 mg at a time from 10 parents of 7.2 g remaining
    // each: 10 g asked of each parent, so about 28 % of the writes must be refused.
    const targets = await queryRows<{ id: string }>(
      db,
      sql`select id from samples where parent_id is null order by number limit 10`,
    );
    let ok = 0;
    let refused = 0;
    const writesPerClient = Number(process.env.BENCH_WRITES_PER_CLIENT ?? 200);
    const t1 = performance.now();
    await Promise.all(
      Array.from({ length: clients }, async (_, c) => {
        for (let i = 0; i < writesPerClient; i++) {
          const target = targets[(c + i) % targets.length]!;
          try {
            await consumeSample(db, SYSTEM, target.id, { massUg: 5_000, reason: 'bench' });
            ok++;
          } catch (error) {
            if (!(error instanceof AppError)) throw error;
            refused++;
          }
        }
      }),
    );
    const seconds = (performance.now() - t1) / 1000;
    const [over] = await queryRows<{ oversubscribed: number }>(
      db,
      sql`select count(*)::int as oversubscribed from samples s cross join lateral sample_balance(s.id) b
          where s.parent_id is null and (not b.balances or b.ledger_ug < 0)`,
    );
    console.log(
      `custody: ${clients} concurrent clients: ${ok} consumptions + ${refused} refusals in ${seconds.toFixed(1)} s = ` +
        `${((ok + refused) / seconds).toFixed(0)} custody writes/s; oversubscribed parents ${over!.oversubscribed} (target 0)`,
    );
  } finally {
    await database.close();
    await admin(url, `drop database if exists ${name} with (force)`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await custodyBench();
