import type { Db } from '../../db/connection.js';
import type { Locale } from '../../domain/accounts/roles.js';
import type { Actor } from '../actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { enqueueEmail } from '../email/enqueue-email.js';
import { findAccountByEmail, greetingName } from './load-account.js';
import { issueOneTimeToken, TOKEN_HOURS } from './one-time-tokens.js';
import { admitAttempt, THROTTLE, throttleKey } from './throttle.js';

/**
 * Sends a reset link when the address has a usable account and answers the same either way.
 * Requests count against the e-mail and the address first, so the form cannot flood a mailbox.
 *
 * Known and unknown addresses do the same work, so the answer's time tells nothing: one token
 * (for an unknown address it names no account and can never be used), one message (for an unknown
 * address, a notice that no account uses it, with no sender-chosen text) and one audit row.
 */
export async function requestPasswordReset(db: Db, actor: Actor, email: string, links: { base: string }): Promise<void> {
  await admitAttempt(db, [
    { key: throttleKey.email('reset', email), rule: THROTTLE.resetPerEmail },
    { key: throttleKey.address('reset', actor.address), rule: THROTTLE.resetPerAddress },
  ]);
  await db.transaction(async (tx) => {
    const found = await findAccountByEmail(tx, email);
    const account = found && found.status !== 'disabled' ? found : undefined;
    const token = await issueOneTimeToken(tx, account?.id ?? null, 'reset_password');
    await enqueueEmail(tx, {
      to: account?.email ?? email.trim(),
      template: account ? 'reset_password' : 'reset_no_account',
      locale: (account?.locale as Locale | undefined) ?? 'en',
      name: account ? greetingName(account) : '',
      link: `${links.base}/reset-password?token=${token}`,
      hours: TOKEN_HOURS.reset_password,
    });
    await recordAudit(tx, actor, {
      action: 'auth.reset_requested',
      subjectType: 'account',
      subjectId: account?.id ?? `email:${email.trim().toLowerCase()}`,
      details: { known: Boolean(account) },
    });
  });
}
