import { and, eq, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { jobs } from '../../db/schema.js';

/**
 * Deletes finished jobs once the administrator no longer needs them: done runs after a week, failed
 * ones after a month. Deleting the row of a duty's past period is safe: that period is over, and
 * no server schedules a period that is not the current one.
 */
export async function purgeFinishedJobs(db: Db, keep = { doneDays: 7, failedDays: 30 }): Promise<{ deleted: number }> {
  const rows = await db
    .delete(jobs)
    .where(
      or(
        and(eq(jobs.status, 'done'), lt(jobs.finishedAt, sql`now() - make_interval(days => ${keep.doneDays})`)),
        and(eq(jobs.status, 'failed'), lt(jobs.finishedAt, sql`now() - make_interval(days => ${keep.failedDays})`)),
      ),
    )
    .returning({ id: jobs.id });
  return { deleted: rows.length };
}
