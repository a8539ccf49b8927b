import { createHash, randomBytes } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { hash, verify } from '@node-rs/argon2';
import { AppError } from '../../domain/errors.js';

/** A random bearer secret and the SHA-256 we store in its place (a leaked table reveals no secret). */
export function newSecret(prefix = ''): { token: string; hash: string } {
  const token = prefix + randomBytes(32).toString('base64url');
  return { token, hash: hashSecret(token) };
}

export function hashSecret(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

// argon2id with OWASP's minimum parameters (19 MiB, 2 passes, 1 lane): ~30 ms a hash here.
const ARGON2ID = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hashingGate.run(() => hash(password, ARGON2ID));
}

// Verified against when the account does not exist, so a bad e-mail costs as long as a bad password.
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$fmKAsD+K+QrebTpsQGMr0w$VFkalX8S3LNi8AFUTGtBIQV1YZXatBQgjtI6UFt8ZpY';

/** Run inside withHashingSlot: the caller holds the slot for its whole check, not just the hash. */
export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  try {
    const ok = await verify(passwordHash ?? DUMMY_HASH, password);
    return ok && passwordHash !== null;
  } catch {
    return false;
  }
}

export interface HashingLimits {
  /** Hashes computed at once; 0 lifts the cap (the "before" of bench/sign-in-flood.ts). */
  concurrency: number;
  /** Requests that may wait for a slot; past them the answer is 429 at once. */
  queue: number;
}

/**
 * Leaves one core to answer requests: argon2 runs in libuv's thread pool, and a flood of sign-ins
 * keeping every core busy hashing is what starved /api/health.
 */
export const DEFAULT_HASHING_LIMITS: HashingLimits = {
  concurrency: Math.max(1, availableParallelism() - 1),
  queue: Math.max(4, 2 * availableParallelism()),
};

/**
 * Caps concurrent argon2 work. Process-wide on purpose: the thread pool the hashes run in is
 * process-wide too, so a cap per app or per request type would not bound what it shares.
 */
class HashingGate {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(public limits: HashingLimits) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.limits.concurrency <= 0) return work();
    if (this.active >= this.limits.concurrency) {
      if (this.waiting.length >= this.limits.queue) {
        throw new AppError('RATE_LIMITED', 'The server is busy checking passwords. Try again in a moment.', [], {
          retryAfterSeconds: 1,
        });
      }
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.active++;
    }
    try {
      return await work();
    } finally {
      // Hand the slot straight to the next waiter (active stays counted), or free it.
      const next = this.waiting.shift();
      if (next) next();
      else this.active--;
    }
  }
}

const hashingGate = new HashingGate(DEFAULT_HASHING_LIMITS);

/**
 * Runs a password check holding one hashing slot, or refuses with RATE_LIMITED (Retry-After: 1) at
 * once when every slot and the queue are taken. Sign-in takes the slot before its database work, so
 * a refused sign-in costs nothing but this answer: a flood cannot queue work in front of the
 * database that /api/health and everyone else share.
 */
export function withHashingSlot<T>(work: () => Promise<T>): Promise<T> {
  return hashingGate.run(work);
}

export function configurePasswordHashing(limits: HashingLimits): void {
  hashingGate.limits = limits;
}
