import { sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { jobs } from '../../db/schema.js';
import { afterFailure } from '../../domain/jobs/schedule.js';
import { ownLease } from './claim-job.js';
import type { ClaimedJob } from './job-definitions.js';

/** Marks the job done with its result. False when this worker no longer held it (its lease expired). */
export async function completeJob(db: Db, job: ClaimedJob, result: unknown): Promise<boolean> {
  const rows = await db
    .update(jobs)
    .set({
      status: 'done',
      result: toJson(result),
      lockedUntil: null,
      finishedAt: sql`clock_timestamp()`,
    })
    .where(ownLease(job))
    .returning({ id: jobs.id });
  return rows.length > 0;
}

/**
 * Records a failed attempt: the job waits its back-off and is tried again, or is marked failed once
 * its attempts are used (it stays listed for the administrator). False when the lease was lost.
 */
export async function failJob(db: Db, job: ClaimedJob, error: unknown): Promise<'retry' | 'failed' | 'lost'> {
  const next = afterFailure(job.attempts, job.maxAttempts);
  const message = (error instanceof Error ? error.message : String(error)).slice(0, 2000);
  const rows = await db
    .update(jobs)
    .set({
      status: next.status,
      lastError: message,
      lockedUntil: null,
      runAt: next.status === 'queued' ? sql`clock_timestamp() + make_interval(secs => ${next.retryInSeconds})` : undefined,
      finishedAt: next.status === 'failed' ? sql`clock_timestamp()` : null,
    })
    .where(ownLease(job))
    .returning({ id: jobs.id });
  if (rows.length === 0) return 'lost';
  return next.status === 'queued' ? 'retry' : 'failed';
}

/** Results are stored as jsonb: plain data only (undefined becomes null). */
function toJson(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(JSON.stringify(value));
}
