import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openPostgres, queryRows } from '../../src/db/connection.js';
import { startJobRunner } from '../../src/server/job-runner.js';
import { SYSTEM } from '../../src/services/actor.js';
import { databaseNow } from '../../src/services/calls/call-access.js';
import { claimNextJob } from '../../src/services/jobs/claim-job.js';
import { enqueueJob, requestRunSoon } from '../../src/services/jobs/enqueue-job.js';
import { failJob } from '../../src/services/jobs/finish-job.js';
import { duty, task } from '../../src/services/jobs/job-definitions.js';
import { purgeFinishedJobs } from '../../src/services/jobs/purge-finished-jobs.js';
import { scheduleDuePeriods } from '../../src/services/jobs/schedule-duties.js';
import { databaseKind, type TestDatabase, testDatabase } from '../support/db.js';

// The queue's rules, one by one, on the real engine: scheduling a period twice, retries with
// back-off, giving up, coalesced "run soon" requests, concurrent claims, purging old runs.

let database: TestDatabase;
const quiet = { info() {}, warn() {}, error() {} };

beforeAll(async () => {
  database = await testDatabase();
});
afterAll(() => database.dispose());

const rows = <T>(query: ReturnType<typeof sql>) => queryRows<T>(database.db, query);

describe(`durable jobs on ${databaseKind} Postgres`, () => {
  it('inserts one run per duty and period, however many servers schedule it', async () => {
    const definitions = [duty('test.every-minute', 60, async () => null), duty('test.hourly', 3600, async () => null)];
    const now = await databaseNow(database.db);
    const first = await scheduleDuePeriods(database.db, definitions, now);
    const again = await Promise.all([1, 2, 3].map(() => scheduleDuePeriods(database.db, definitions, now)));
    expect(first.sort()).toEqual(['test.every-minute', 'test.hourly']);
    expect(again.flat()).toEqual([]);
    const keys = await rows<{ kind: string; dedupe_key: string }>(
      sql`select kind, dedupe_key from jobs where kind like 'test.%' order by kind`,
    );
    expect(keys).toHaveLength(2);
    expect(keys[0]!.dedupe_key).toMatch(/:00\.000Z$/);
  });

  it('retries a failing job with growing waits, then marks it failed with its last error', async () => {
    let calls = 0;
    const runner = startJobRunner(database.db, {
      definitions: [
        task('test.always-fails', async () => Promise.reject(new Error(`relay said no (${++calls})`)), { maxAttempts: 2 }),
      ],
      log: quiet,
      pollMs: 60_000,
    });
    const id = (await enqueueJob(database.db, { kind: 'test.always-fails', maxAttempts: 2 }))!;
    await runner.runDue();
    const [afterFirst] = await rows<{ status: string; attempts: number; last_error: string; wait: number }>(
      sql`select status, attempts, last_error, extract(epoch from run_at - now()) as wait from jobs where id = ${id}`,
    );
    expect(afterFirst).toMatchObject({ status: 'queued', attempts: 1, last_error: 'relay said no (1)' });
    expect(Number(afterFirst!.wait)).toBeGreaterThan(5); // the 10 s back-off, not an immediate retry
    // Make it due now (as if the back-off elapsed): the second and last attempt fails for good.
    await database.db.execute(sql`update jobs set run_at = now() where id = ${id}`);
    await runner.runDue();
    await runner.stop();
    const [afterSecond] = await rows<{ status: string; attempts: number; last_error: string; finished: boolean }>(
      sql`select status, attempts, last_error, finished_at is not null as finished from jobs where id = ${id}`,
    );
    expect(afterSecond).toEqual({ status: 'failed', attempts: 2, last_error: 'relay said no (2)', finished: true });
    expect(calls).toBe(2);
  });

  it('coalesces "run soon" requests while one run is waiting', async () => {
    expect(await requestRunSoon(database.db, 'test.soon')).toBe(true);
    expect(await requestRunSoon(database.db, 'test.soon')).toBe(false);
    expect(await requestRunSoon(database.db, 'test.soon')).toBe(false);
    const [waiting] = await rows<{ n: number }>(sql`select count(*) as n from jobs where kind = 'test.soon'`);
    expect(Number(waiting!.n)).toBe(1);
  });

  it('gives each due job to one claimer when many claim at once', async () => {
    const ids: number[] = [];
    for (let i = 0; i < 30; i++) ids.push((await enqueueJob(database.db, { kind: 'test.race', payload: { i } }))!);
    // On PostgreSQL, eight workers with their own connections; PGlite has one connection.
    const pools: Database[] = database.url ? Array.from({ length: 8 }, () => openPostgres(database.url!, 2)) : [database];
    const claimed: number[] = [];
    await Promise.all(
      Array.from({ length: 8 }, async (_, w) => {
        const db = pools[w % pools.length]!.db;
        for (;;) {
          const job = await claimNextJob(db, { workerId: `w${w}`, kinds: ['test.race'], leaseSeconds: 60 });
          if (!job) return;
          claimed.push(job.id);
          await failJob(db, job, new Error('not really')); // back to the queue with a back-off: not due again now
        }
      }),
    );
    if (database.url) await Promise.all(pools.map((p) => p.close()));
    expect(claimed.sort((x, y) => x - y)).toEqual(ids);
  });

  it('purges finished runs after a week (failed ones after a month) and keeps the rest', async () => {
    await database.db.execute(sql`delete from jobs`);
    await database.db.execute(sql`
      insert into jobs (kind, status, finished_at) values
        ('test.old-done', 'done', now() - interval '8 days'),
        ('test.new-done', 'done', now() - interval '1 day'),
        ('test.old-failed', 'failed', now() - interval '8 days'),
        ('test.ancient-failed', 'failed', now() - interval '31 days'),
        ('test.waiting', 'queued', null)`);
    expect(await purgeFinishedJobs(database.db, SYSTEM)).toEqual({ deleted: 2 });
    const [audit] = await rows<{ action: string; details: { deleted: number } }>(
      sql`select action, details from audit_log where action = 'jobs.purged'`,
    );
    expect(audit?.details.deleted).toBe(2);
    expect(await purgeFinishedJobs(database.db, SYSTEM)).toEqual({ deleted: 0 });
    const left = await rows<{ kind: string }>(sql`select kind from jobs order by kind`);
    expect(left.map((r) => r.kind)).toEqual(['test.new-done', 'test.old-failed', 'test.waiting']);
  });
});
