/**
 * Pure rules of the job queue: which period a recurring duty is in, what a period's run is called,
 * how long a failed job waits before its next attempt. No I/O: the caller passes the time, read from
 * the database clock so that every server agrees on it.
 */

/** A job's life: queued → running → done, or back to queued for a retry, or failed once out of attempts. */
export const JOB_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/** A job kind names its handler: lower-case words with dots or dashes, e.g. `calls.close-expired`. */
export const JOB_KIND_PATTERN = /^[a-z][a-z0-9]*([.-][a-z0-9]+)*$/;

/**
 * The start of the period `at` falls in, for a duty that runs every `everySeconds`. Periods are
 * aligned on the Unix epoch, so every server computes the same boundaries without talking to the
 * others: a minute duty's periods start on the minute, an hourly one's on the hour (UTC).
 */
export function periodStart(at: Date, everySeconds: number): Date {
  if (!Number.isInteger(everySeconds) || everySeconds < 1) throw new RangeError('everySeconds must be a whole number ≥ 1');
  const ms = everySeconds * 1000;
  return new Date(Math.floor(at.getTime() / ms) * ms);
}

/** The start of the period after the one `at` falls in. */
export function nextPeriodStart(at: Date, everySeconds: number): Date {
  return new Date(periodStart(at, everySeconds).getTime() + everySeconds * 1000);
}

/**
 * The key that makes one period's run unique across servers: the period's start in ISO 8601 UTC.
 * Stored with the kind under a unique index, so the second server's insert of the same run is a no-op.
 */
export function periodKey(at: Date, everySeconds: number): string {
  return periodStart(at, everySeconds).toISOString();
}

export interface BackoffRule {
  /** Wait before the second attempt. */
  firstDelaySeconds: number;
  /** The wait never grows past this. */
  maxDelaySeconds: number;
}

export const DEFAULT_BACKOFF: BackoffRule = { firstDelaySeconds: 10, maxDelaySeconds: 3600 };

/**
 * Seconds to wait after the `attempts`-th failed attempt: doubling from the first delay (10 s, 20 s,
 * 40 s, …) up to the cap, so a failing SMTP relay or a database hiccup is not hammered.
 */
export function retryDelaySeconds(attempts: number, rule: BackoffRule = DEFAULT_BACKOFF): number {
  if (attempts < 1) return 0;
  const exponent = Math.min(attempts - 1, 30); // 2^30 already exceeds any sensible cap
  return Math.min(rule.maxDelaySeconds, rule.firstDelaySeconds * 2 ** exponent);
}

/** After a failed attempt: try again later, or give up once the attempts are used. */
export function afterFailure(
  attempts: number,
  maxAttempts: number,
  rule: BackoffRule = DEFAULT_BACKOFF,
): { status: 'queued'; retryInSeconds: number } | { status: 'failed' } {
  if (attempts >= maxAttempts) return { status: 'failed' };
  return { status: 'queued', retryInSeconds: retryDelaySeconds(attempts, rule) };
}
