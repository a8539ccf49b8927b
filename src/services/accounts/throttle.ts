import { type SQL, sql } from 'drizzle-orm';
import { type Db, type DbOrTx, queryRows } from '../../db/connection.js';
import { AppError } from '../../domain/errors.js';

/**
 * A limit with growing delays instead of a lock: `free` attempts within the window pass at once;
 * from then on each attempt admitted pushes the next one back by base × 2^(n − free) seconds, at
 * most `maxDelaySeconds`. A delay never outlives its cap, so no key is ever locked for good.
 */
export interface ThrottleRule {
  free: number;
  windowSeconds: number;
  baseDelaySeconds: number;
  maxDelaySeconds: number;
}

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * Declared limits. Keys exist whether or not an account does (the e-mail as typed), so a delay
 * says nothing about who has an account.
 */
export const THROTTLE = {
  /** One e-mail from one address: the guesser's own key; the owner elsewhere is not slowed by it. */
  loginPerEmailAndAddress: { free: 5, windowSeconds: DAY, baseDelaySeconds: 30, maxDelaySeconds: 15 * MINUTE },
  /**
   * One e-mail from addresses the account never signed in from: much higher, and it only slows
   * (30 s at most), so guessing from many addresses stays slow and the owner is never locked out.
   */
  loginPerEmail: { free: 50, windowSeconds: HOUR, baseDelaySeconds: 1, maxDelaySeconds: 30 },
  /** One address trying many e-mails (password spraying). */
  loginPerAddress: { free: 30, windowSeconds: 15 * MINUTE, baseDelaySeconds: 10, maxDelaySeconds: 15 * MINUTE },
  resetPerEmail: { free: 3, windowSeconds: DAY, baseDelaySeconds: HOUR, maxDelaySeconds: DAY },
  resetPerAddress: { free: 10, windowSeconds: HOUR, baseDelaySeconds: MINUTE, maxDelaySeconds: HOUR },
  signUpPerEmail: { free: 5, windowSeconds: DAY, baseDelaySeconds: HOUR, maxDelaySeconds: DAY },
  signUpPerAddress: { free: 20, windowSeconds: HOUR, baseDelaySeconds: MINUTE, maxDelaySeconds: HOUR },
  /** "Someone tried to sign up with your address": one message per address per day. */
  signUpExistsMail: { free: 1, windowSeconds: DAY, baseDelaySeconds: DAY, maxDelaySeconds: DAY },
} as const satisfies Record<string, ThrottleRule>;

export const throttleKey = {
  email: (purpose: string, email: string) => `${purpose}:email:${normalEmail(email)}`,
  address: (purpose: string, address: string | undefined) => `${purpose}:ip:${address ?? 'unknown'}`,
  emailAndAddress: (purpose: string, email: string, address: string | undefined) =>
    `${purpose}:email+ip:${normalEmail(email)}|${address ?? 'unknown'}`,
};

const normalEmail = (email: string) => email.trim().toLowerCase();

export interface Charge {
  key: string;
  rule: ThrottleRule;
}

class Refused extends Error {}

// Times are clock_timestamp(), not now(): now() is when the transaction began, which under a burst
// (waiting for the row lock) can be long before the attempt is admitted.

/**
 * Counts one attempt against every key, atomically and before the attempt is checked, or refuses
 * with RATE_LIMITED (counting none) while any key is waiting out its delay. The count and the
 * admission are one upsert per key under its row lock, so a burst of concurrent requests gets at
 * most the free attempts through. Callers pass keys in a fixed order (pair, e-mail, address), so
 * two requests never wait on each other's rows in a cycle.
 */
export async function admitAttempt(db: Db, charges: Charge[]): Promise<void> {
  try {
    await db.transaction(async (tx) => {
      for (const charge of charges) if (!(await countAttempt(tx, charge))) throw new Refused();
    });
  } catch (error) {
    if (!(error instanceof Refused)) throw error;
    const seconds = await secondsToWait(
      db,
      charges.map((c) => c.key),
    );
    throw new AppError('RATE_LIMITED', `Too many attempts. Try again in ${describeWait(seconds)}.`, [], {
      retryAfterSeconds: seconds,
    });
  }
}

/**
 * The single upsert behind admitAttempt: true when the attempt is admitted (and counted). Also used
 * on its own as a "once per period" claim (e.g. one notice e-mail per day).
 */
export async function countAttempt(tx: DbOrTx, { key, rule }: Charge): Promise<boolean> {
  const expired = sql`t.window_started_at < clock_timestamp() - make_interval(secs => ${rule.windowSeconds}::int)`;
  const attempts = sql`(case when ${expired} then 1 else t.attempts + 1 end)`;
  const rows = await queryRows<{ key: string }>(
    tx,
    sql`insert into auth_throttle as t (key, attempts, window_started_at, next_allowed_at)
        values (${key}, 1, clock_timestamp(), ${delayAfter(sql`1`, rule)})
        on conflict (key) do update set
          attempts = ${attempts},
          window_started_at = case when ${expired} then clock_timestamp() else t.window_started_at end,
          next_allowed_at = ${delayAfter(attempts, rule)}
        where t.next_allowed_at is null or t.next_allowed_at <= clock_timestamp()
        returning key`,
  );
  return rows.length > 0;
}

/** When the attempt numbered `n` is counted, the time the next one may come (null: at once). */
function delayAfter(n: SQL, rule: ThrottleRule): SQL {
  return sql`case when ${n} >= ${rule.free}::int then clock_timestamp() + make_interval(secs => least(${rule.maxDelaySeconds}::float8,
    ${rule.baseDelaySeconds}::float8 * power(2::float8, least(${n} - ${rule.free}::int, 40)))) end`;
}

/**
 * Gives back an attempt that turned out legitimate (a successful sign-in) or was never checked (the
 * server was too busy), so an office behind one address is not slowed by its own colleagues.
 */
export async function refundAttempt(db: DbOrTx, charges: Charge[]): Promise<void> {
  for (const { key, rule } of charges) {
    await db.execute(sql`
      update auth_throttle set
        attempts = greatest(attempts - 1, 0),
        next_allowed_at = case when attempts - 1 < ${rule.free}::int then null else next_allowed_at end
      where key = ${key}`);
  }
}

export async function clearAttempts(db: DbOrTx, key: string): Promise<void> {
  await db.execute(sql`delete from auth_throttle where key = ${key}`);
}

async function secondsToWait(db: DbOrTx, keys: string[]): Promise<number> {
  const rows = await queryRows<{ seconds: number | null }>(
    db,
    sql`select ceil(extract(epoch from max(next_allowed_at) - clock_timestamp()))::int as seconds
        from auth_throttle where key in ${keys} and next_allowed_at > clock_timestamp()`,
  );
  // The delay may have just run out between the refusal and this read: ask for a second.
  return Math.max(1, rows[0]?.seconds ?? 1);
}

function describeWait(seconds: number): string {
  if (seconds < 90) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 90) return `${minutes} minutes`;
  return `${Math.ceil(minutes / 60)} hours`;
}
