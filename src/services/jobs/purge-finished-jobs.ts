import { and, eq, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { jobs } from '../../db/schema.js';
import { authorize } from '../../policies/policy.js';
import type { Actor } from '../actor.js';
import { recordAudit } from '../audit/record-audit.js';

/**
 * Deletes finished jobs once the administrator no longer needs them: done runs after a week, failed
 * ones after a month, with one audit row saying how many went. Deleting the row of a duty's past
 * period is safe: that period is over, and no server schedules a period that is not the current one.
 */
export async function purgeFinishedJobs(
  db: Db,
  actor: Actor,
  keep = { doneDays: 7, failedDays: 30 },
): Promise<{ deleted: number }> {
  authorize(actor, 'jobs.manage');
  return db.transaction(async (tx) => {
    const rows = await tx
      .delete(jobs)
      .where(
        or(
          and(eq(jobs.status, 'done'), lt(jobs.finishedAt, sql`now() - make_interval(days => ${keep.doneDays})`)),
          and(eq(jobs.status, 'failed'), lt(jobs.finishedAt, sql`now() - make_interval(days => ${keep.failedDays})`)),
        ),
      )
      .returning({ id: jobs.id });
    if (rows.length > 0)
      await recordAudit(tx, actor, {
        action: 'jobs.purged',
        subjectType: 'jobs',
        subjectId: 'finished',
        details: { deleted: rows.length, keptDays: keep },
      });
    return { deleted: rows.length };
  });
}
