import { and, asc, desc, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { jobs, scheduledDuties } from '../../db/schema.js';
import { nextPeriodStart, periodKey, periodStart } from '../../domain/jobs/schedule.js';
import { authorize } from '../../policies/policy.js';
import type { Actor } from '../actor.js';
import { databaseNow } from '../calls/call-access.js';

type JobRow = typeof jobs.$inferSelect;

/** The scheduled duties with their last and next runs, what is waiting, recent runs and failures. */
export async function listJobs(db: Db, actor: Actor, limit = 50) {
  authorize(actor, 'jobs.read');
  const now = await databaseNow(db);
  const duties = await db.select().from(scheduledDuties).orderBy(asc(scheduledDuties.kind));
  const latest = duties.length
    ? await db
        .selectDistinctOn([jobs.kind])
        .from(jobs)
        .where(
          and(
            inArray(
              jobs.kind,
              duties.map((d) => d.kind),
            ),
            isNotNull(jobs.dedupeKey),
          ),
        )
        .orderBy(jobs.kind, desc(jobs.runAt))
    : [];
  const lastByKind = new Map(latest.map((j) => [j.kind, j]));
  const pending = await db
    .select()
    .from(jobs)
    .where(inArray(jobs.status, ['queued', 'running']))
    .orderBy(asc(jobs.runAt), asc(jobs.id))
    .limit(limit);
  const recent = await db
    .select()
    .from(jobs)
    .where(inArray(jobs.status, ['done', 'failed']))
    .orderBy(desc(jobs.finishedAt), desc(jobs.id))
    .limit(limit);
  const failures = await db
    .select()
    .from(jobs)
    .where(and(isNotNull(jobs.lastError), sql`${jobs.status} <> 'done'`))
    .orderBy(desc(jobs.runAt), desc(jobs.id))
    .limit(limit);
  return {
    now: now.toISOString(),
    duties: duties.map((d) => {
      const last = lastByKind.get(d.kind);
      const currentScheduled = last?.dedupeKey === periodKey(now, d.everySeconds);
      return {
        kind: d.kind,
        everySeconds: d.everySeconds,
        declaredBy: d.declaredBy,
        declaredAt: d.declaredAt.toISOString(),
        lastRun: last ? presentJob(last) : null,
        nextRunAt: (currentScheduled ? nextPeriodStart(now, d.everySeconds) : periodStart(now, d.everySeconds)).toISOString(),
      };
    }),
    pending: pending.map(presentJob),
    recent: recent.map(presentJob),
    failures: failures.map(presentJob),
  };
}

function presentJob(j: JobRow) {
  const summary = j.result === null || j.result === undefined ? null : JSON.stringify(j.result);
  return {
    id: j.id,
    kind: j.kind,
    key: j.dedupeKey,
    status: j.status as 'queued' | 'running' | 'done' | 'failed',
    runAt: j.runAt.toISOString(),
    attempts: j.attempts,
    maxAttempts: j.maxAttempts,
    lastError: j.lastError,
    lockedBy: j.lockedBy,
    lockedUntil: j.lockedUntil?.toISOString() ?? null,
    startedAt: j.startedAt?.toISOString() ?? null,
    finishedAt: j.finishedAt?.toISOString() ?? null,
    summary: summary && summary.length > 200 ? `${summary.slice(0, 199)}…` : summary,
  };
}
