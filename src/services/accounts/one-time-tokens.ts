import { and, eq, gt, isNotNull, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/connection.js';
import { oneTimeTokens } from '../../db/schema.js';
import type { OneTimePurpose } from '../../domain/accounts/roles.js';
import { AppError } from '../../domain/errors.js';
import { hashSecret, newSecret } from './secrets.js';

export const TOKEN_HOURS: Record<OneTimePurpose, number> = { verify_email: 48, reset_password: 2, invitation: 168 };

/** A null account makes a token that can never be used (see request-password-reset.ts). */
export async function issueOneTimeToken(tx: DbOrTx, accountId: string | null, purpose: OneTimePurpose): Promise<string> {
  const { token, hash } = newSecret();
  const expiresAt = new Date(Date.now() + TOKEN_HOURS[purpose] * 3600_000);
  await tx.insert(oneTimeTokens).values({ tokenHash: hash, accountId, purpose, expiresAt });
  return token;
}

/** Marks the token used and returns its account; a used, expired or unknown token is refused. */
export async function consumeOneTimeToken(tx: DbOrTx, token: string, purpose: OneTimePurpose): Promise<string> {
  const [row] = await tx
    .update(oneTimeTokens)
    .set({ usedAt: new Date() })
    .where(
      and(
        eq(oneTimeTokens.tokenHash, hashSecret(token)),
        eq(oneTimeTokens.purpose, purpose),
        isNull(oneTimeTokens.usedAt),
        isNotNull(oneTimeTokens.accountId),
        gt(oneTimeTokens.expiresAt, new Date()),
      ),
    )
    .returning({ accountId: oneTimeTokens.accountId });
  if (!row) throw new AppError('INVALID_TOKEN', 'This link is invalid, was already used, or has expired. Ask for a new one.');
  return row.accountId!;
}
