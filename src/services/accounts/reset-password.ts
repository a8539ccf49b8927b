import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { accounts, apiTokens } from '../../db/schema.js';
import { checkPassword } from '../../domain/accounts/password-strength.js';
import type { Locale } from '../../domain/accounts/roles.js';
import type { Actor } from '../actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { enqueueEmail } from '../email/enqueue-email.js';
import { greetingName } from './load-account.js';
import { consumeOneTimeToken } from './one-time-tokens.js';
import { hashPassword } from './secrets.js';
import { revokeAllSessions } from './sessions.js';

/**
 * Sets a new password from a reset link (or an invitation link, which also activates the account).
 * Whoever knew the old password loses every way in it gave them: all sessions end and, on a reset,
 * every API token is revoked (a token made by an intruder would outlive the new password). The
 * owner is told by e-mail, with the number of tokens revoked.
 */
export async function resetPassword(
  db: Db,
  actor: Actor,
  input: { token: string; password: string; purpose: 'reset_password' | 'invitation' },
  links: { base: string } = { base: '' },
) {
  const passwordHash = await hashPassword(input.password);
  await db.transaction(async (tx) => {
    const accountId = await consumeOneTimeToken(tx, input.token, input.purpose);
    const [account] = await tx.select().from(accounts).where(eq(accounts.id, accountId));
    checkPassword(input.password, { userInputs: [account!.email, account!.displayName] });
    const activate = input.purpose === 'invitation' ? { status: 'active', emailVerifiedAt: new Date() } : {};
    await tx
      .update(accounts)
      .set({ passwordHash, updatedAt: new Date(), ...activate })
      .where(eq(accounts.id, accountId));
    await revokeAllSessions(tx, accountId);
    if (input.purpose === 'invitation') {
      await recordAudit(tx, actor, { action: 'account.invitation_accepted', subjectType: 'account', subjectId: accountId });
      return;
    }
    const revoked = await tx
      .update(apiTokens)
      .set({ revokedAt: new Date() })
      .where(and(eq(apiTokens.accountId, accountId), isNull(apiTokens.revokedAt)))
      .returning({ id: apiTokens.id });
    await recordAudit(tx, actor, {
      action: 'auth.password_reset',
      subjectType: 'account',
      subjectId: accountId,
      details: { revokedTokenIds: revoked.map((t) => t.id) },
    });
    await enqueueEmail(tx, {
      to: account!.email,
      template: 'password_changed',
      locale: account!.locale as Locale,
      name: greetingName(account!),
      link: `${links.base}/reset-password`,
      hours: 0,
      tokensRevoked: revoked.length,
    });
  });
}
