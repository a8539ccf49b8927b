import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { JOB_STATUSES } from '../../domain/jobs/schedule.js';
import { inList } from './sql-helpers.js';

/**
 * Durable jobs shared by every server on the database (migration 0008): one row per scheduled
 * duty's period (unique kind + dedupe_key) or per one-off piece of work. A running job is leased
 * to one server until `locked_until`; finished rows stay a while for the administrator to read.
 */
export const jobs = pgTable(
  'jobs',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    kind: text('kind').notNull(),
    dedupeKey: text('dedupe_key'),
    payload: jsonb('payload').notNull().default({}),
    status: text('status').notNull().default('queued'),
    runAt: timestamp('run_at', { withTimezone: true }).notNull().defaultNow(),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull().default(5),
    lastError: text('last_error'),
    /** The server holding the lease, or that last ran the job. */
    lockedBy: text('locked_by'),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    result: jsonb('result'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('jobs_kind_dedupe_key').on(t.kind, t.dedupeKey),
    index('jobs_due_idx').on(t.runAt).where(sql`${t.status} = 'queued'`),
    index('jobs_lease_idx').on(t.lockedUntil).where(sql`${t.status} = 'running'`),
    index('jobs_kind_created_idx').on(t.kind, t.createdAt),
    check('jobs_status', inList('status', JOB_STATUSES)),
    check('jobs_attempts', sql`attempts >= 0 and max_attempts >= 1`),
    check(
      'jobs_running_is_leased',
      sql`(status = 'running') = (locked_until is not null) and (status <> 'running' or locked_by is not null)`,
    ),
  ],
);

/** The recurring duties the running servers declared, with their period, for the admin view. */
export const scheduledDuties = pgTable(
  'scheduled_duties',
  {
    kind: text('kind').primaryKey(),
    everySeconds: integer('every_seconds').notNull(),
    declaredBy: text('declared_by').notNull(),
    declaredAt: timestamp('declared_at', { withTimezone: true }).notNull().defaultNow(),
  },
  () => [check('scheduled_duties_every_seconds', sql`every_seconds >= 1`)],
);
