import { eq } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { accounts } from '../../db/schema.js';
import { checkPassword } from '../../domain/accounts/password-policy.js';
import type { Actor } from '../actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { consumeOneTimeToken } from './one-time-tokens.js';
import { hashPassword } from './secrets.js';
import { revokeAllSessions } from './sessions.js';

/**
 * Sets a new password from a reset link (or an invitation link, which also activates the account).
 * Every open session of the account ends: whoever knew the old password is signed out.
 */
export async function resetPassword(
  db: Db,
  actor: Actor,
  input: { token: string; password: string; purpose: 'reset_password' | 'invitation' },
) {
  const passwordHash = await hashPassword(input.password);
  await db.transaction(async (tx) => {
    const accountId = await consumeOneTimeToken(tx, input.token, input.purpose);
    const [account] = await tx.select().from(accounts).where(eq(accounts.id, accountId));
    checkPassword(input.password, account!.email);
    const activate = input.purpose === 'invitation' ? { status: 'active', emailVerifiedAt: new Date() } : {};
    await tx
      .update(accounts)
      .set({ passwordHash, updatedAt: new Date(), ...activate })
      .where(eq(accounts.id, accountId));
    await revokeAllSessions(tx, accountId);
    await recordAudit(tx, actor, {
      action: input.purpose === 'invitation' ? 'account.invitation_accepted' : 'auth.password_reset',
      subjectType: 'account',
      subjectId: accountId,
    });
  });
}
