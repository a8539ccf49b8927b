import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Db } from '../db/connection.js';
import { periodKey } from '../domain/jobs/schedule.js';
import { databaseNow } from '../services/calls/call-access.js';
import { claimNextJob, renewLease } from '../services/jobs/claim-job.js';
import { requestRunSoon } from '../services/jobs/enqueue-job.js';
import { completeJob, failJob } from '../services/jobs/finish-job.js';
import { type ClaimedJob, indexByKind, type JobDefinition } from '../services/jobs/job-definitions.js';
import { reapExpiredLeases } from '../services/jobs/reap-expired-leases.js';
import { declareDuties, scheduleDuePeriods } from '../services/jobs/schedule-duties.js';

export interface JobRunnerLog {
  info(object: object, message: string): void;
  warn(object: object, message: string): void;
  error(object: object, message: string): void;
}

export interface JobRunnerOptions {
  definitions: readonly JobDefinition[];
  log: JobRunnerLog;
  /** Names this server in `locked_by`; unique per process by default. */
  workerId?: string;
  /** How often the runner looks for due work when nothing pokes it (default 5 s). */
  pollMs?: number;
  /** How long a claim holds without renewal (default 60 s): a dead server's jobs wait this long. */
  leaseSeconds?: number;
}

export interface JobRunner {
  workerId: string;
  /** Look for work now; with a kind, first ask for a run of it (e.g. mail was just written). */
  poke(kind?: string): void;
  /** One full pass (schedule, reap, run what is due); resolves when it is over. */
  runDue(): Promise<void>;
  /** Stops looking for work; a job in flight finishes first. */
  stop(): Promise<void>;
}

/** Jobs run one after another per server, at most this many per pass before scheduling again. */
const JOBS_PER_PASS = 100;

/**
 * The job loop of one server: on each pass it inserts the current period's run of every duty (a
 * no-op where another server already did), hands back the jobs of servers that died, and runs due
 * jobs it claims with SKIP LOCKED until none is left. Every server on the database runs this loop;
 * the database decides who runs what, so each duty runs once per period and each job once.
 */
export function startJobRunner(db: Db, options: JobRunnerOptions): JobRunner {
  const workerId = options.workerId ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const byKind = indexByKind(options.definitions);
  const kinds = [...byKind.keys()];
  const pollMs = options.pollMs ?? 5_000;
  const leaseSeconds = options.leaseSeconds ?? 60;
  const { log } = options;

  let declared = false;
  // The period each duty was last scheduled for by this server: one insert per period, not per pass.
  const scheduledFor = new Map<string, string>();
  let stopped = false;
  let pass: Promise<void> | null = null;
  let again = false;
  let timer: NodeJS.Timeout | undefined;

  async function runOne(job: ClaimedJob): Promise<void> {
    const definition = byKind.get(job.kind)!;
    // Renew at a third of the lease, so two missed renewals still leave the lease standing.
    const heartbeat = setInterval(
      () => {
        renewLease(db, job, leaseSeconds).then(
          (held) => held || log.warn({ job: job.id, kind: job.kind }, 'lost the lease of a running job'),
          (error) => log.warn({ err: error, job: job.id }, 'renewing a job lease failed'),
        );
      },
      (leaseSeconds * 1000) / 3,
    );
    heartbeat.unref();
    let outcome: { ok: true; result: unknown } | { ok: false; error: unknown };
    try {
      outcome = { ok: true, result: await definition.handler({ db, job }) };
    } catch (error) {
      outcome = { ok: false, error };
    } finally {
      clearInterval(heartbeat);
    }
    if (outcome.ok) {
      if (!(await completeJob(db, job, outcome.result)))
        log.warn({ job: job.id, kind: job.kind }, 'finished a job whose lease had expired; another server may have rerun it');
    } else {
      const next = await failJob(db, job, outcome.error);
      log.error({ err: outcome.error, job: job.id, kind: job.kind, attempt: job.attempts, next }, 'job failed');
    }
  }

  async function runDue(): Promise<void> {
    if (!declared) {
      await declareDuties(db, options.definitions, workerId);
      declared = true;
    }
    const now = await databaseNow(db);
    const unscheduled = options.definitions.filter(
      (d) => d.everySeconds !== undefined && scheduledFor.get(d.kind) !== periodKey(now, d.everySeconds),
    );
    if (unscheduled.length > 0) {
      await scheduleDuePeriods(db, unscheduled, now);
      for (const d of unscheduled) scheduledFor.set(d.kind, periodKey(now, d.everySeconds!));
    }
    for (const reaped of await reapExpiredLeases(db))
      log.warn({ job: reaped.id, kind: reaped.kind, status: reaped.status }, reaped.lastError ?? 'job lease expired');
    for (let i = 0; i < JOBS_PER_PASS && !stopped; i++) {
      const job = await claimNextJob(db, { workerId, kinds, leaseSeconds });
      if (!job) break;
      await runOne(job);
    }
  }

  function startPass(): void {
    if (stopped) return;
    if (pass) {
      again = true;
      return;
    }
    clearTimeout(timer);
    pass = runDue()
      .catch((error) => log.error({ err: error }, 'job runner pass failed'))
      .finally(() => {
        pass = null;
        if (stopped) return;
        if (again) {
          again = false;
          startPass();
        } else {
          timer = setTimeout(startPass, pollMs);
          timer.unref();
        }
      });
  }

  startPass();
  return {
    workerId,
    poke(kind) {
      if (stopped) return;
      if (kind === undefined) return startPass();
      if (!byKind.has(kind)) return; // e.g. mail written on a server without SMTP: it stays in the outbox
      requestRunSoon(db, kind).then(startPass, (error) => log.error({ err: error, kind }, 'asking for a job run failed'));
    },
    runDue: async () => {
      startPass();
      while (pass) await pass;
    },
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await pass;
    },
  };
}
