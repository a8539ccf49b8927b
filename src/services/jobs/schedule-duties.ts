import { sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { jobs, scheduledDuties } from '../../db/schema.js';
import { periodKey, periodStart } from '../../domain/jobs/schedule.js';
import type { JobDefinition } from './job-definitions.js';

/**
 * Inserts the run of each recurring duty for the period `now` (the database clock, which every
 * server shares) falls in. Every server does this on
 * every tick; the unique (kind, dedupe_key) index turns all but the first insert of a period into
 * no-ops, which is what makes a duty run once per period however many servers share the database.
 * Periods missed while no server ran are not caught up one by one: the duties are written to do
 * all the work that is due (close every expired call, send every waiting e-mail), so the current
 * period's run covers them. Returns the kinds whose run this call inserted.
 */
export async function scheduleDuePeriods(db: Db, definitions: readonly JobDefinition[], now: Date): Promise<string[]> {
  const duties = definitions.filter((d) => d.everySeconds !== undefined);
  if (duties.length === 0) return [];
  const rows = await db
    .insert(jobs)
    .values(
      duties.map((d) => ({
        kind: d.kind,
        dedupeKey: periodKey(now, d.everySeconds!),
        runAt: periodStart(now, d.everySeconds!),
        maxAttempts: d.maxAttempts,
      })),
    )
    .onConflictDoNothing({ target: [jobs.kind, jobs.dedupeKey] })
    .returning({ kind: jobs.kind });
  return rows.map((r) => r.kind);
}

/** Records which duties this server runs and how often, for the administrator's view. */
export async function declareDuties(db: Db, definitions: readonly JobDefinition[], workerId: string): Promise<void> {
  const duties = definitions.filter((d) => d.everySeconds !== undefined);
  if (duties.length === 0) return;
  await db
    .insert(scheduledDuties)
    .values(duties.map((d) => ({ kind: d.kind, everySeconds: d.everySeconds!, declaredBy: workerId })))
    .onConflictDoUpdate({
      target: scheduledDuties.kind,
      set: { everySeconds: sql`excluded.every_seconds`, declaredBy: sql`excluded.declared_by`, declaredAt: sql`now()` },
    });
}
