import { and, eq, lte, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/connection.js';
import { jobs } from '../../db/schema.js';

export interface NewJob {
  kind: string;
  payload?: Record<string, unknown>;
  /** Not before this time (default: now). */
  runAt?: Date;
  /** A job with the same kind and key is enqueued once, ever (kept while its row is kept). */
  dedupeKey?: string;
  maxAttempts?: number;
}

/**
 * Adds a job for whichever server is free to run. Pass a transaction to enqueue together with the
 * change that calls for it (the job exists exactly when the change committed). Returns the new id,
 * or null when a job with the same dedupe key already exists.
 */
export async function enqueueJob(db: DbOrTx, job: NewJob): Promise<number | null> {
  const [row] = await db
    .insert(jobs)
    .values({
      kind: job.kind,
      payload: job.payload ?? {},
      runAt: job.runAt ?? sql`now()`,
      dedupeKey: job.dedupeKey ?? null,
      maxAttempts: job.maxAttempts ?? 5,
    })
    .onConflictDoNothing({ target: [jobs.kind, jobs.dedupeKey] })
    .returning({ id: jobs.id });
  return row?.id ?? null;
}

/**
 * Asks for a run of `kind` as soon as a server is free, e.g. to deliver mail just written. Bursts
 * coalesce: nothing is added while a run of that kind is already waiting and due (it has not
 * started, so it will see the new work). Two servers asking at the same instant may both add one;
 * the second run then finds nothing left to do.
 */
export async function requestRunSoon(db: DbOrTx, kind: string, maxAttempts = 3): Promise<boolean> {
  const waiting = await db
    .select({ id: jobs.id })
    .from(jobs)
    .where(and(eq(jobs.kind, kind), eq(jobs.status, 'queued'), lte(jobs.runAt, sql`now()`)))
    .limit(1);
  if (waiting.length > 0) return false;
  return (await enqueueJob(db, { kind, maxAttempts })) !== null;
}
