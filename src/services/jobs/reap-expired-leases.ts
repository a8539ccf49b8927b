import { and, eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { jobs } from '../../db/schema.js';

/**
 * Hands back the jobs whose worker stopped renewing its lease (a crash, kill -9, a lost network):
 * they are queued again at once for any server to take, or marked failed once their attempts are
 * used (a job that kills its worker every time must not go round forever). The attempt of the dead
 * worker counts. Safe from several servers at once: each row is updated by one of them.
 */
export async function reapExpiredLeases(
  db: Db,
): Promise<{ id: number; kind: string; status: string; lastError: string | null }[]> {
  return db
    .update(jobs)
    .set({
      status: sql`case when ${jobs.attempts} >= ${jobs.maxAttempts} then 'failed' else 'queued' end`,
      lastError: sql`'the worker ' || ${jobs.lockedBy} || ' stopped before finishing (its lease expired)'`,
      lockedUntil: null,
      runAt: sql`clock_timestamp()`,
      finishedAt: sql`case when ${jobs.attempts} >= ${jobs.maxAttempts} then clock_timestamp() end`,
    })
    .where(and(eq(jobs.status, 'running'), lt(jobs.lockedUntil, sql`clock_timestamp()`)))
    .returning({ id: jobs.id, kind: jobs.kind, status: jobs.status, lastError: jobs.lastError });
}
