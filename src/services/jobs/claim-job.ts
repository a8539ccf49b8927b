import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/connection.js';
import { jobs } from '../../db/schema.js';
import type { ClaimedJob } from './job-definitions.js';

/**
 * Takes the next due job of the given kinds for this worker, leased for `leaseSeconds`. The row is
 * picked with FOR UPDATE SKIP LOCKED, so servers claiming at the same moment take different jobs
 * and none waits on another; the claim commits at once, and the lease (locked_by, locked_until)
 * is what holds the job while the handler runs, outside any transaction.
 */
export async function claimNextJob(
  db: DbOrTx,
  options: { workerId: string; kinds: readonly string[]; leaseSeconds: number },
): Promise<ClaimedJob | null> {
  if (options.kinds.length === 0) return null;
  const next = db
    .select({ id: jobs.id })
    .from(jobs)
    .where(and(eq(jobs.status, 'queued'), lte(jobs.runAt, sql`clock_timestamp()`), inArray(jobs.kind, [...options.kinds])))
    .orderBy(asc(jobs.runAt), asc(jobs.id))
    .limit(1)
    .for('update', { skipLocked: true });
  const [row] = await db
    .update(jobs)
    .set({
      status: 'running',
      attempts: sql`${jobs.attempts} + 1`,
      lockedBy: options.workerId,
      lockedUntil: sql`clock_timestamp() + make_interval(secs => ${options.leaseSeconds})`,
      startedAt: sql`clock_timestamp()`,
    })
    .where(and(sql`${jobs.id} = (${next})`, eq(jobs.status, 'queued')))
    .returning();
  if (!row) return null;
  return {
    id: row.id,
    kind: row.kind,
    dedupeKey: row.dedupeKey,
    payload: row.payload,
    attempts: row.attempts,
    maxAttempts: row.maxAttempts,
    workerId: options.workerId,
  };
}

/**
 * Extends a running job's lease while its handler works, so only a worker that stopped (crashed,
 * frozen, cut off from the database) loses it. False when the lease was already lost: another
 * worker may have taken the job over.
 */
export async function renewLease(db: Db, job: ClaimedJob, leaseSeconds: number): Promise<boolean> {
  const rows = await db
    .update(jobs)
    .set({ lockedUntil: sql`clock_timestamp() + make_interval(secs => ${leaseSeconds})` })
    .where(ownLease(job))
    .returning({ id: jobs.id });
  return rows.length > 0;
}

/** The job is still this worker's, for this attempt (a fence against a worker whose lease expired). */
export const ownLease = (job: ClaimedJob) =>
  and(eq(jobs.id, job.id), eq(jobs.status, 'running'), eq(jobs.lockedBy, job.workerId), eq(jobs.attempts, job.attempts));
