import type { Db } from '../../db/connection.js';
import { JOB_KIND_PATTERN } from '../../domain/jobs/schedule.js';

/** What a handler is given: the database and the job it runs (attempt 1, 2, … after retries). */
export interface JobContext {
  db: Db;
  job: ClaimedJob;
}

export interface ClaimedJob {
  id: number;
  kind: string;
  dedupeKey: string | null;
  payload: unknown;
  /** This run's attempt number, counting the runs of workers that died. */
  attempts: number;
  maxAttempts: number;
  workerId: string;
}

/**
 * Runs one job. Whatever it returns is stored as the job's result (keep it small: counts, ids).
 * It throws to ask for a retry with back-off. A handler may run again for the same job if a server
 * dies mid-run, so it changes state only under its own guard (a status check, a row lock), and
 * writes the audit row of every state it changes as the system, in the same transaction.
 */
export type JobHandler = (context: JobContext) => Promise<unknown>;

export interface JobDefinition {
  kind: string;
  handler: JobHandler;
  /** Set for a recurring duty: one run per period of this many seconds, across all servers. */
  everySeconds?: number;
  /** Attempts before the job is marked failed (a duty's next period runs anyway). */
  maxAttempts: number;
}

/** A recurring duty: runs once per period across every server, e.g. `duty('calls.close-expired', 60, …)`. */
export function duty(
  kind: string,
  everySeconds: number,
  handler: JobHandler,
  options: { maxAttempts?: number } = {},
): JobDefinition {
  return { kind, everySeconds, handler, maxAttempts: options.maxAttempts ?? 3 };
}

/** A kind of one-off job, run when enqueued (enqueueJob) or asked for (requestRunSoon). */
export function task(kind: string, handler: JobHandler, options: { maxAttempts?: number } = {}): JobDefinition {
  return { kind, handler, maxAttempts: options.maxAttempts ?? 5 };
}

/** The definitions by kind; refuses a malformed kind or one defined twice (a typo would otherwise never run). */
export function indexByKind(definitions: readonly JobDefinition[]): Map<string, JobDefinition> {
  const byKind = new Map<string, JobDefinition>();
  for (const definition of definitions) {
    if (!JOB_KIND_PATTERN.test(definition.kind)) throw new Error(`Job kind "${definition.kind}" is not lower-case words`);
    if (byKind.has(definition.kind)) throw new Error(`Job kind "${definition.kind}" is defined twice`);
    if (definition.everySeconds !== undefined && (!Number.isInteger(definition.everySeconds) || definition.everySeconds < 1))
      throw new Error(`Duty "${definition.kind}" must run every whole number of seconds ≥ 1`);
    byKind.set(definition.kind, definition);
  }
  return byKind;
}
