import { spawn } from 'node:child_process';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { loadConfig } from '../../src/config.js';
import { CreateCallBody } from '../../src/contracts/calls.js';
import type { JobsOverview as JobsOverviewSchema } from '../../src/contracts/jobs.js';
import { type Database, type Db, openPostgres, queryRows } from '../../src/db/connection.js';
import { outbox } from '../../src/db/schema.js';
import { buildApp } from '../../src/server/app.js';
import { type JobRunner, startJobRunner } from '../../src/server/job-runner.js';
import { type JobTuning, startServer } from '../../src/server/start.js';
import { SYSTEM } from '../../src/services/actor.js';
import { changeCallStatus } from '../../src/services/calls/change-call-status.js';
import { createCall } from '../../src/services/calls/create-call.js';
import { smtpMailer } from '../../src/services/email/deliver-outbox.js';
import { claimNextJob } from '../../src/services/jobs/claim-job.js';
import { enqueueJob } from '../../src/services/jobs/enqueue-job.js';
import { completeJob } from '../../src/services/jobs/finish-job.js';
import { type JobDefinition, task } from '../../src/services/jobs/job-definitions.js';
import { systemJobs } from '../../src/services/jobs/system-duties.js';
import { seedActiveAccount, seedAdministrator } from '../support/accounts.js';
import { databaseKind, type TestDatabase, testDatabase } from '../support/db.js';
import { makeProgram } from '../support/factories.js';
import { checkInvariants } from '../support/invariants.js';

/**
 * Two servers on one database. On PostgreSQL: two real servers (startServer, each with its own
 * connection pool, its own port and its own job runner). PGlite takes one connection only, so there
 * the same logic runs as two apps and two job runners sharing the one database. Duties run every
 * second here (every minute in production) so that many periods pass during the test.
 */

type JobsOverview = z.infer<typeof JobsOverviewSchema>;

interface Instance {
  name: string;
  url: string;
  jobs: JobRunner;
  stop(): Promise<void>;
}

interface Run {
  kind: string;
  key: string | null;
  worker: string;
  attempt: number;
}

const PROBE = 'test.crash-probe';
const runs: Run[] = [];
const probeRuns: Run[] = [];
const received: { to: string[]; subject: string }[] = [];

let database: TestDatabase;
let smtp: SMTPServer;
let smtpUrl: string;
let a: Instance;
let b: Instance;
const callIds: string[] = [];
const mailTo: string[] = [];

/** The system's jobs, each duty every second, every run recorded; plus a probe task for the crash test. */
function definitions(defaults: JobDefinition[]): JobDefinition[] {
  const counted = defaults.map((d) => ({
    ...d,
    everySeconds: d.everySeconds === undefined ? undefined : 1,
    handler: async (context: Parameters<JobDefinition['handler']>[0]) => {
      runs.push({ kind: d.kind, key: context.job.dedupeKey, worker: context.job.workerId, attempt: context.job.attempts });
      return d.handler(context);
    },
  }));
  const probe = task(PROBE, async ({ job }) => {
    probeRuns.push({ kind: PROBE, key: job.dedupeKey, worker: job.workerId, attempt: job.attempts });
    return { ranBy: job.workerId };
  });
  return [...counted, probe];
}

const tuning = (workerId: string): JobTuning => ({ workerId, pollMs: 100, leaseSeconds: 2, definitions });
const quiet = { info() {}, warn() {}, error() {} };

async function startInstance(name: string): Promise<Instance> {
  if (database.url) {
    const server = await startServer(
      loadConfig({
        DATABASE_URL: database.url,
        DB_POOL_SIZE: '5',
        HOST: '127.0.0.1',
        PORT: '0',
        SEED_ON_EMPTY: 'false',
        LOG_LEVEL: 'silent',
        NODE_ENV: 'test',
        SMTP_URL: smtpUrl,
        MAIL_FROM: 'Orbitshare <no-reply@orbitshare.example>',
        VALIDATE_RESPONSES: 'true',
      }),
      { jobs: tuning(name) },
    );
    return { name, url: server.url, jobs: server.jobs, stop: server.stop };
  }
  // PGlite: one connection, so both "servers" share the handle; the runner and the routes are the real ones.
  let runner: JobRunner | undefined;
  const app: FastifyInstance = await buildApp(
    { database, version: 'test', onOutboxChanged: () => runner?.poke('outbox.deliver') },
    { serveWeb: false, logLevel: 'silent', validateResponses: true },
  );
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  const { definitions: pick, ...rest } = tuning(name);
  runner = startJobRunner(database.db, {
    ...rest,
    definitions: pick!(systemJobs({ mailer: smtpMailer(smtpUrl, 'no-reply@orbitshare.example') })),
    log: quiet,
  });
  const jobs = runner;
  const stop = async () => {
    await jobs.stop();
    await app.close();
  };
  return { name, url, jobs, stop };
}

/** Waits for a condition the servers bring about on their own; fails with `what` if it never comes. */
async function eventually(what: string, check: () => Promise<boolean>, timeoutMs = 25_000): Promise<void> {
  const giveUp = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > giveUp) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const count = async (query: ReturnType<typeof sql>) => Number((await queryRows<{ n: number }>(database.db, query))[0]!.n);

beforeAll(async () => {
  database = await testDatabase();
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const subject = /^Subject: (.*)$/m.exec(Buffer.concat(chunks).toString('utf8'))?.[1] ?? '';
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), subject });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as { port: number }).port}`;

  // Calls: three already past their deadline, three closing while both servers run.
  const db = database.db;
  const programId = String((await makeProgram(db)).id);
  const now = Date.now();
  for (let i = 0; i < 6; i++) {
    const created = await createCall(
      db,
      SYSTEM,
      CreateCallBody.parse({
        slug: `two-servers-${i}`,
        programId,
        title: `Call ${i} on two servers`,
        opensAt: new Date(now - 3_600_000).toISOString(),
        closesAt: new Date(now + 3_600_000).toISOString(),
      }),
    );
    await changeCallStatus(db, SYSTEM, created.id, 'publish');
    callIds.push(created.id);
  }
  for (const [i, id] of callIds.entries()) {
    const closesIn = i < 3 ? -60 : (i - 2) * 1.2; // seconds
    await db.execute(sql`update calls set closes_at = now() + make_interval(secs => ${closesIn}) where id = ${id}`);
  }
  // Mail waiting before either server starts.
  for (let i = 0; i < 24; i++) {
    const to = `waiting${i}@partners.example`;
    mailTo.push(to);
    await db.insert(outbox).values({ toAddress: to, subject: `Waiting ${i}`, body: 'Hello', template: 'test', locale: 'en' });
  }

  [a, b] = await Promise.all([startInstance('server-A'), startInstance('server-B')]);
});

afterAll(async () => {
  await a?.stop();
  await b?.stop();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  await database.dispose();
});

describe(`two servers on one ${databaseKind} database`, () => {
  it('deliver mail written through either server exactly once', async () => {
    // A password reset through each server writes mail and pokes that server's runner.
    const people = [await seedActiveAccount(database.db), await seedActiveAccount(database.db)];
    for (const [i, server] of [a, b].entries()) {
      const res = await fetch(`${server.url}/api/auth/password-reset`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: people[i]!.email }),
      });
      expect(res.status, await res.text()).toBe(202);
      mailTo.push(people[i]!.email);
    }
    await eventually(
      'every e-mail is sent',
      async () => (await count(sql`select count(*) as n from outbox where sent_at is null`)) === 0,
    );
    const perRecipient = new Map<string, number>();
    for (const message of received) for (const to of message.to) perRecipient.set(to, (perRecipient.get(to) ?? 0) + 1);
    expect([...perRecipient.keys()].sort()).toEqual([...mailTo].sort());
    expect([...perRecipient.values()].every((n) => n === 1)).toBe(true);
    expect(await count(sql`select count(*) as n from outbox where attempts <> 1`)).toBe(0);
  });

  it('close each call once, with one audit row by the system, and run each duty period once', async () => {
    await eventually(
      'every call is closed',
      async () => (await count(sql`select count(*) as n from calls where status = 'closed'`)) === callIds.length,
    );
    // Let both servers go through several more periods, racing for each one.
    const periodsBefore = await count(sql`select count(*) as n from jobs where kind = 'calls.close-expired' and status = 'done'`);
    await eventually(
      'four more periods have run',
      async () =>
        (await count(sql`select count(*) as n from jobs where kind = 'calls.close-expired' and status = 'done'`)) >=
        periodsBefore + 4,
    );

    const closures = await queryRows<{ subject_id: string; n: number; actors: string }>(
      database.db,
      sql`select subject_id, count(*) as n, string_agg(distinct actor, ',') as actors
          from audit_log where action = 'call.closed' group by subject_id`,
    );
    expect(closures.map((c) => c.subject_id).sort()).toEqual([...callIds].sort());
    for (const closure of closures)
      expect({ n: Number(closure.n), actors: closure.actors }).toEqual({ n: 1, actors: 'system:deadline' });

    // Each period of each duty ran once, by one server, at the first attempt.
    const duties = runs.filter((r) => r.kind !== 'outbox.deliver' || r.key !== null);
    const seen = new Map<string, number>();
    for (const run of duties) seen.set(`${run.kind}@${run.key}`, (seen.get(`${run.kind}@${run.key}`) ?? 0) + 1);
    expect([...seen.entries()].filter(([, n]) => n > 1)).toEqual([]);
    expect(duties.every((r) => r.attempt === 1)).toBe(true);
    const periods = await count(sql`select count(*) as n from jobs where kind = 'calls.close-expired'`);
    expect(periods).toBeGreaterThanOrEqual(5);
    // One row per duty and period start, whatever its key says.
    const perPeriod = await queryRows<{ kind: string; run_at: string; n: number }>(
      database.db,
      sql`select kind, run_at, count(*) as n from jobs where dedupe_key is not null group by kind, run_at having count(*) > 1`,
    );
    expect(perPeriod).toEqual([]);
    for (const run of duties) expect(new Date(run.key!).getTime() % 1000, `${run.kind}@${run.key}`).toBe(0);
    // The jobs table agrees: one row per period, each finished once, none left running.
    expect(await count(sql`select count(*) as n from jobs where status = 'failed' or (status = 'done' and attempts <> 1)`)).toBe(
      0,
    );
    // And it names the server that ran each period, the same one the handler saw.
    const done = await queryRows<{ kind: string; dedupe_key: string; locked_by: string }>(
      database.db,
      sql`select kind, dedupe_key, locked_by from jobs where dedupe_key is not null and status = 'done'`,
    );
    for (const job of done)
      expect(job.locked_by).toBe(duties.find((r) => r.kind === job.kind && r.key === job.dedupe_key)?.worker);
    const workers = new Set(runs.map((r) => r.worker));
    console.info(
      `duty and mail runs by server: ${[...workers].map((w) => `${w} ${runs.filter((r) => r.worker === w).length}`).join(', ')}`,
    );
  });

  it('keep a session signed in on one server valid on the other', async () => {
    const person = await seedActiveAccount(database.db, [], { email: 'traveller@ipgp.example' });
    const signIn = await fetch(`${a.url}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: person.email, password: person.password }),
    });
    expect(signIn.status, await signIn.clone().text()).toBe(200);
    const { csrfToken } = (await signIn.json()) as { csrfToken: string };
    const cookie = signIn.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    expect(cookie).not.toBe('');

    const meOnB = await fetch(`${b.url}/api/auth/me`, { headers: { cookie } });
    expect(meOnB.status).toBe(200);
    expect(((await meOnB.json()) as { account: { email: string } | null }).account?.email).toBe(person.email);

    // Signing out on B ends the session on A too.
    const out = await fetch(`${b.url}/api/auth/sign-out`, { method: 'POST', headers: { cookie, 'x-csrf-token': csrfToken } });
    expect(out.status).toBe(204);
    const meOnA = await fetch(`${a.url}/api/auth/me`, { headers: { cookie } });
    expect(((await meOnA.json()) as { account: unknown }).account ?? null).toBeNull();
  });

  it('retry a job whose worker died mid-run on the other server, once its lease expires', async () => {
    // A third worker claims a job with the real claim and dies without finishing: on PostgreSQL
    // its connection pool is closed under it; its lease of 1 s is never renewed.
    const dying: Database = database.url ? openPostgres(database.url, 1) : database;
    const jobId = await dying.db.transaction(async (tx) => {
      const id = await enqueueJob(tx, { kind: PROBE, dedupeKey: 'crash-1', maxAttempts: 3 });
      const claimed = await claimNextJob(tx, { workerId: 'server-C', kinds: [PROBE], leaseSeconds: 1 });
      expect(claimed).toMatchObject({ id, attempts: 1, workerId: 'server-C' });
      return id!;
    });
    if (database.url) await dying.close();

    await eventually('the probe job is done', async () => (await jobRow(database.db, jobId)).status === 'done');
    const row = await jobRow(database.db, jobId);
    expect(row).toMatchObject({ status: 'done', attempts: 2 });
    expect(row.last_error).toContain('server-C');
    expect(['server-A', 'server-B']).toContain((row.result as { ranBy: string }).ranBy);
    expect(row.locked_by).toBe((row.result as { ranBy: string }).ranBy);
    // The handler ran once, on a live server, as the second attempt.
    expect(probeRuns).toHaveLength(1);
    expect(probeRuns[0]).toMatchObject({ attempt: 2 });
    expect(probeRuns[0]!.worker).not.toBe('server-C');
    // Were the dead worker to come back, its late "done" is refused: the job is no longer its.
    const late = await completeJob(
      database.db,
      { id: jobId, kind: PROBE, dedupeKey: 'crash-1', payload: {}, attempts: 1, maxAttempts: 3, workerId: 'server-C' },
      { ranBy: 'server-C' },
    );
    expect(late).toBe(false);
  });

  it.skipIf(databaseKind !== 'postgres')('retry the job of a server process killed with SIGKILL mid-run', async () => {
    // A real process claims a job, renews its lease like a live server, and is killed (kill -9).
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/hanging-job-worker.ts', PROBE, 'server-K'], {
      env: { ...process.env, DATABASE_URL: database.url },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    const jobId = await new Promise<number>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        const id = /claimed (\d+)/.exec(chunk.toString())?.[1];
        if (id) resolve(Number(id));
      });
      child.once('exit', (code) => reject(new Error(`the worker exited (${code}) before claiming`)));
    });
    expect(await jobRow(database.db, jobId)).toMatchObject({ status: 'running', attempts: 1, locked_by: 'server-K' });
    child.kill('SIGKILL');
    await exited;

    await eventually("the killed worker's job is done", async () => (await jobRow(database.db, jobId)).status === 'done');
    const row = await jobRow(database.db, jobId);
    expect(row).toMatchObject({ status: 'done', attempts: 2 });
    expect(row.last_error).toContain('server-K');
    expect(['server-A', 'server-B']).toContain(row.locked_by);
    expect(probeRuns.filter((r) => r.key === `killed-${child.pid}`)).toHaveLength(1);
  });

  it('show an administrator the duties with their last and next runs, and the job taken over', async () => {
    const admin = await seedAdministrator(database.db);
    const res = await fetch(`${a.url}/api/admin/jobs`, { headers: admin.headers });
    expect(res.status, await res.clone().text()).toBe(200);
    const overview = (await res.json()) as JobsOverview;
    expect(overview.duties.map((d) => d.kind)).toEqual([
      'agreements.remind',
      'calls.close-expired',
      'custody.borrower-duties',
      'jobs.purge-finished',
      'outbox.deliver',
      'reviews.remind',
    ]);
    for (const d of overview.duties) {
      expect(d.everySeconds).toBe(1);
      expect(d.lastRun?.key).toBeTruthy();
      expect(Date.parse(d.nextRunAt)).toBeGreaterThan(Date.parse(d.lastRun!.key!));
    }
    const probe = overview.recent.find((r) => r.kind === PROBE && r.key === 'crash-1');
    expect(probe).toMatchObject({ status: 'done', attempts: 2, summary: expect.stringMatching(/server-[AB]/) });
    expect(probe!.lastError).toContain('server-C');
    const someone = await seedActiveAccount(database.db);
    expect((await fetch(`${b.url}/api/admin/jobs`, { headers: someone.headers })).status).toBe(403);
  });

  it('leave the database consistent', async () => {
    expect(await checkInvariants(database.db)).toEqual([]);
  });
});

async function jobRow(db: Db, id: number) {
  const [row] = await queryRows<{
    status: string;
    attempts: number;
    last_error: string | null;
    locked_by: string;
    result: unknown;
  }>(db, sql`select status, attempts, last_error, locked_by, result from jobs where id = ${id}`);
  return row!;
}
