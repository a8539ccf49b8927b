import { sql } from 'drizzle-orm';
import { type DbOrTx, queryRows } from '../../db/connection.js';
import { AppError } from '../../domain/errors.js';

export interface ThrottleRule {
  /** Failures allowed within the window before the key is locked. */
  maxFailures: number;
  windowSeconds: number;
  lockSeconds: number;
}

/**
 * Declared limits. Keys exist whether or not an account does (the e-mail as typed), so a locked
 * key says nothing about who has an account.
 */
export const THROTTLE = {
  loginPerEmail: { maxFailures: 5, windowSeconds: 15 * 60, lockSeconds: 15 * 60 },
  loginPerAddress: { maxFailures: 30, windowSeconds: 15 * 60, lockSeconds: 15 * 60 },
  resetPerEmail: { maxFailures: 3, windowSeconds: 60 * 60, lockSeconds: 60 * 60 },
  resetPerAddress: { maxFailures: 10, windowSeconds: 60 * 60, lockSeconds: 60 * 60 },
} as const satisfies Record<string, ThrottleRule>;

export const throttleKey = {
  email: (purpose: string, email: string) => `${purpose}:email:${email.trim().toLowerCase()}`,
  address: (purpose: string, address: string | undefined) => `${purpose}:ip:${address ?? 'unknown'}`,
};

/** Refuses with RATE_LIMITED while any of the keys is locked. */
export async function assertNotLocked(db: DbOrTx, keys: string[]): Promise<void> {
  const rows = await queryRows<{ seconds: number }>(
    db,
    sql`select ceil(extract(epoch from max(locked_until) - now()))::int as seconds
        from auth_throttle where key in ${keys} and locked_until > now()`,
  );
  const seconds = rows[0]?.seconds;
  if (seconds && seconds > 0) {
    const minutes = Math.ceil(seconds / 60);
    throw new AppError('RATE_LIMITED', `Too many attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`, [], {
      retryAfterSeconds: seconds,
    });
  }
}

/** Counts one failure (or one use, for limits on requests such as resets) against a key. */
export async function recordFailure(db: DbOrTx, key: string, rule: ThrottleRule): Promise<void> {
  await db.execute(sql`
    insert into auth_throttle as t (key, failures, window_started_at, locked_until)
    values (${key}, 1, now(), case when 1 >= ${rule.maxFailures} then now() + make_interval(secs => ${rule.lockSeconds}) end)
    on conflict (key) do update set
      failures = case when t.window_started_at < now() - make_interval(secs => ${rule.windowSeconds}) then 1 else t.failures + 1 end,
      window_started_at = case when t.window_started_at < now() - make_interval(secs => ${rule.windowSeconds}) then now() else t.window_started_at end,
      locked_until = case
        when (case when t.window_started_at < now() - make_interval(secs => ${rule.windowSeconds}) then 1 else t.failures + 1 end) >= ${rule.maxFailures}
        then now() + make_interval(secs => ${rule.lockSeconds})
        else t.locked_until end`);
}

export async function clearFailures(db: DbOrTx, key: string): Promise<void> {
  await db.execute(sql`delete from auth_throttle where key = ${key}`);
}
