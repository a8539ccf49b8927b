import type { Db } from '../../db/connection.js';
import type { Locale } from '../../domain/accounts/roles.js';
import type { Actor } from '../actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { enqueueEmail } from '../email/enqueue-email.js';
import { findAccountByEmail } from './load-account.js';
import { issueOneTimeToken, TOKEN_HOURS } from './one-time-tokens.js';
import { assertNotLocked, recordFailure, THROTTLE, throttleKey } from './throttle.js';

/**
 * Sends a reset link when the address has an account; answers the same either way. Requests count
 * against the e-mail and the address like failed logins, so the form cannot be used to flood a box.
 */
export async function requestPasswordReset(db: Db, actor: Actor, email: string, links: { base: string }): Promise<void> {
  const emailKey = throttleKey.email('reset', email);
  const addressKey = throttleKey.address('reset', actor.address);
  await assertNotLocked(db, [emailKey, addressKey]);
  await db.transaction(async (tx) => {
    await recordFailure(tx, emailKey, THROTTLE.resetPerEmail);
    await recordFailure(tx, addressKey, THROTTLE.resetPerAddress);
    const account = await findAccountByEmail(tx, email);
    if (!account || account.status === 'disabled') return;
    const token = await issueOneTimeToken(tx, account.id, 'reset_password');
    await enqueueEmail(tx, {
      to: account.email,
      template: 'reset_password',
      locale: account.locale as Locale,
      name: account.displayName,
      link: `${links.base}/reset-password?token=${token}`,
      hours: TOKEN_HOURS.reset_password,
    });
    await recordAudit(tx, actor, { action: 'auth.reset_requested', subjectType: 'account', subjectId: account.id });
  });
}
