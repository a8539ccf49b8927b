import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

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
  return hash(password, ARGON2ID);
}

// Verified against when the account does not exist, so a bad e-mail costs as long as a bad password.
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$fmKAsD+K+QrebTpsQGMr0w$VFkalX8S3LNi8AFUTGtBIQV1YZXatBQgjtI6UFt8ZpY';

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  try {
    const ok = await verify(passwordHash ?? DUMMY_HASH, password);
    return ok && passwordHash !== null;
  } catch {
    return false;
  }
}
