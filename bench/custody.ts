// Sample custody at Apollo scale against a real PostgreSQL, in a new database of its own:
// 500 parent samples (BENCH_PARENTS) with 280 subsamples each (BENCH_SPLITS) = 140,000
// subsamples, written through the ledger triggers (set-based inserts, one transaction per parent);
// then the whole-collection balance audit (the `sample_accounts` view in one grouped scan, and
// `sample_balance(id)` per sample as the invariant checker runs it), 3 times each; then 100 concurrent clients (BENCH_CLIENTS) consuming 5 mg at a time
// from 10 parents through the use case until they are empty, with the count of oversubscribed
// samples (0 expected). Prints figures, asserts nothing.
//   scripts/with-postgres.sh node --import tsx bench/custody.ts
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { openPostgres, queryRows } from '../src/db/connection.js';
import { migrate } from '../src/db/migrate.js';
import { AppError } from '../src/domain/errors.js';
import { SYSTEM } from '../src/services/actor.js';
import { type OverdueFilter, overdueDuties, overdueDutiesQuery } from '../src/services/custody/borrower-duties.js';
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

const TICKS_PER_MS = 100 / 1000; // Linux USER_HZ

/**
 * CPU time (ms) PostgreSQL spent for database `name` so far, from /proc: its backends' own time,
 * plus what their postmaster collected from exited children (parallel workers) — other clusters
 * on the machine are not counted. Undefined without /proc.
 */
function serverCpuMs(name: string): number | undefined {
  try {
    let sum = 0;
    const postmasters = new Set<number>();
    const fieldsOf = (pid: number | string) => {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    };
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        if (!readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(` ${name} `)) continue;
        const f = fieldsOf(entry);
        sum += (Number(f[11]) + Number(f[12])) / TICKS_PER_MS;
        postmasters.add(Number(f[1]));
      } catch {}
    }
    for (const pid of postmasters) {
      const f = fieldsOf(pid);
      sum += (Number(f[13]) + Number(f[14])) / TICKS_PER_MS;
    }
    return sum;
  } catch {
    return undefined;
  }
}

/** Wall, bench-process CPU and server CPU of `work`, in ms. */
async function measured<T>(
  name: string,
  work: () => Promise<T>,
): Promise<{ result: T; wall: number; cpu: number; server: number }> {
  const server0 = serverCpuMs(name) ?? Number.NaN;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const result = await work();
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { result, wall, cpu: (cpu.user + cpu.system) / 1000, server: (serverCpuMs(name) ?? Number.NaN) - server0 };
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
    // As autovacuum leaves them after such a load (it vacuums a table after inserts too, PG 13+):
    // the append-only ledger's pages all-visible, statistics fresh.
    await db.execute(sql`vacuum analyze samples`);
    await db.execute(sql`vacuum analyze ledger_entries`);
    console.log(`custody: load ${uptimeLoad()}`);

    // The audit two ways: the view in one grouped scan, and sample_balance(id) per sample as the
    // invariant checker calls it.
    const audit = async (label: string, query: ReturnType<typeof sql>) => {
      const runs: { wall: number; cpu: number; server: number }[] = [];
      let unbalanced = -1;
      for (let run = 0; run < 3; run++) {
        const m = await measured(name, () => queryRows<{ unbalanced: number }>(db, query));
        runs.push(m);
        unbalanced = m.result[0]!.unbalanced;
      }
      const at = runs.map((r) => r.wall).indexOf(median(runs.map((r) => r.wall)));
      console.log(
        `custody: whole-collection balance audit of ${counts!.samples} samples, ${label}: median ${runs[at]!.wall.toFixed(0)} ms wall, ` +
          `${runs[at]!.server.toFixed(0)} ms PostgreSQL CPU, ${runs[at]!.cpu.toFixed(0)} ms bench CPU ` +
          `(runs ${runs.map((t) => t.wall.toFixed(0)).join(', ')} ms; target < 1000 ms), unbalanced ${unbalanced}`,
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

    await overdueListBench(db, name, collection.id, Number(process.env.BENCH_LOANS ?? 10_500));
    if (process.env.BENCH_SKIP_WRITES) return;

    // 100 clients × 200 writes race to consume 5 mg at a time from 10 parents of 7.2 g remaining
    // each: 10 g asked of each parent, so about 28 % of the writes must be refused.
    const targets = await queryRows<{ id: string }>(
      db,
      sql`select id from samples where parent_id is null order by number limit 10`,
    );
    let ok = 0;
    let refused = 0;
    const writesPerClient = Number(process.env.BENCH_WRITES_PER_CLIENT ?? 200);
    const writes = await measured(name, () =>
      Promise.all(
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
      ),
    );
    const seconds = writes.wall / 1000;
    const [over] = await queryRows<{ oversubscribed: number }>(
      db,
      sql`select count(*)::int as oversubscribed from samples s cross join lateral sample_balance(s.id) b
          where s.parent_id is null and (not b.balances or b.ledger_ug < 0)`,
    );
    console.log(
      `custody: ${clients} concurrent clients: ${ok} consumptions + ${refused} refusals in ${seconds.toFixed(1)} s = ` +
        `${((ok + refused) / seconds).toFixed(0)} custody writes/s; oversubscribed parents ${over!.oversubscribed} (target 0); ` +
        `per write ${(writes.server / (ok + refused)).toFixed(2)} ms PostgreSQL CPU, ${(writes.cpu / (ok + refused)).toFixed(2)} ms bench CPU; load ${uptimeLoad()}`,
    );
  } finally {
    await database.close();
    // BENCH_KEEP_DATABASE=1 keeps it, loaded, for EXPLAIN sessions (psql on the printed URL).
    if (process.env.BENCH_KEEP_DATABASE) console.log(`custody: kept ${withDatabase(url, name)}`);
    else await admin(url, `drop database if exists ${name} with (force)`);
  }
}

/**
 * The curator's overdue list at Apollo scale: 10,500 open loans (one subsample each) to 400
 * borrowers, opened over five years, their yearly duties materialised by refresh_borrower_duties()
 * and most of them filed; then the list as an administrator sees it and as a curator of the
 * collection sees it, 200 times each, with p50 and p99.
 */
async function overdueListBench(
  db: Awaited<ReturnType<typeof openPostgres>>['db'],
  name: string,
  collectionId: string,
  loans: number,
) {
  const t0 = performance.now();
  await db.transaction(async (tx) => {
    await tx.execute(sql`insert into countries (code, name) values ('FR', 'France') on conflict do nothing`);
    await tx.execute(
      sql`insert into programs (slug, name, kind) values ('bench-loans', 'Bench loans', 'sample_loan') on conflict do nothing`,
    );
    await tx.execute(sql`insert into institutions (slug, name, kind, country_code)
      select 'bench-borrower-' || g, 'Bench borrower ' || g, 'university', 'FR' from generate_series(1, 400) g`);
    await tx.execute(sql`insert into agreements (id, series_id, reference, kind, program_id, institution_id, title, status, in_force_at,
        document_pdf, document_sha256, sent_at, created_by)
      select x.id, x.id, 'BENCH-AGR-' || x.n, 'sample_loan', (select id from programs where slug = 'bench-loans'), x.inst, 'Bench', 'in_force', now(),
        '\\x25504446'::bytea, repeat('a', 64), now(), 'bench'
      from (select gen_random_uuid() as id, row_number() over (order by slug) as n, id as inst from institutions where slug like 'bench-borrower-%') x`);
    await tx.execute(sql`insert into loans (reference, agreement_id, borrower_institution_id, due_on, opened_at, opened_by)
      select 'BENCH-L-' || s.rn, a.id, a.institution_id, current_date + 365, now() - make_interval(days => (s.rn % 1800)::int), 'bench'
      from (select id, row_number() over (order by number) as rn from samples where parent_id is not null order by number limit ${loans}) s
      join (select id, institution_id, row_number() over (order by reference) - 1 as k from agreements where reference like 'BENCH-AGR-%') a
        on a.k = s.rn % 400`);
    await tx.execute(sql`insert into loan_items (loan_id, sample_id, allocated_mass_ug)
      select l.id, s.id, 10000 from (select id, row_number() over (order by number) as rn from samples where parent_id is not null order by number limit ${loans}) s
      join loans l on l.reference = 'BENCH-L-' || s.rn`);
  });
  await db.execute(sql`select refresh_borrower_duties(30)`);
  // Most borrowers keep up: fulfil all but one duty in 25.
  await db.execute(sql`update borrower_duties set status = 'fulfilled', fulfilled_at = now(), fulfilled_by = 'bench'
    where status = 'open' and (hashtext(id::text) % 25) <> 0`);
  // Autovacuum would clean the fulfilled duties' old row versions up after such an update.
  await db.execute(sql`vacuum analyze`);
  const [counts] = await queryRows<{ loans: number; duties: number; overdue: number }>(
    db,
    sql`select (select count(*)::int from loans where status = 'open') as loans, (select count(*)::int from borrower_duties) as duties,
        (select count(*)::int from borrower_duties where status = 'open' and due_on < current_date) as overdue`,
  );
  console.log(
    `custody: overdue list setup: ${counts!.loans} open loans, ${counts!.duties} duties, ${counts!.overdue} overdue, in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  const time = async (label: string, run: () => Promise<unknown>) => {
    const times: number[] = [];
    const total = await measured(name, async () => {
      for (let i = 0; i < 200; i++) {
        const t = performance.now();
        await run();
        times.push(performance.now() - t);
      }
    });
    times.sort((a, b) => a - b);
    const p = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
    console.log(
      `custody: overdue list (${label}), 200 runs: p50 ${p(0.5).toFixed(1)} ms, p99 ${p(0.99).toFixed(1)} ms (target p99 < 50 ms); ` +
        `per run ${(total.server / 200).toFixed(1)} ms PostgreSQL CPU, ${(total.cpu / 200).toFixed(1)} ms bench CPU; load ${uptimeLoad()}`,
    );
  };
  if (process.env.BENCH_EXPLAIN) {
    for (const [label, filter] of [
      ['administrator', {}],
      ['curator', { collectionIds: [collectionId] }],
    ] as const) {
      const plan = await explainOverdue(db, filter);
      console.log(`  overdue list, ${label}:\n${plan}`);
    }
  }
  await time('administrator, all loans', () => overdueDuties(db));
  await time('curator of the collection', () => overdueDuties(db, { collectionIds: [collectionId] }));
}

async function explainOverdue(db: Awaited<ReturnType<typeof openPostgres>>['db'], filter: OverdueFilter): Promise<string> {
  const plan = await queryRows<{ 'QUERY PLAN': string }>(db, sql`explain (analyze, buffers) ${overdueDutiesQuery(filter)}`);
  return plan.map((row) => `    ${row['QUERY PLAN']}`).join('\n');
}

const uptimeLoad = () => {
  try {
    return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  } catch {
    return 'unknown';
  }
};

if (import.meta.url === `file://${process.argv[1]}`) await custodyBench();
