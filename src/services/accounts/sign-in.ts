import { eq } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { accounts } from '../../db/schema.js';
import { AppError } from '../../domain/errors.js';
import type { Actor } from '../actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { findAccountByEmail, liveGrants, presentAccount, signedInFrom } from './load-account.js';
import { verifyPassword, withHashingSlot } from './secrets.js';
import { openSession, revokeSessionByToken } from './sessions.js';
import { admitAttempt, clearAttempts, refundAttempt, THROTTLE, throttleKey } from './throttle.js';

export interface SignInInput {
  email: string;
  password: string;
  /** The session cookie the browser already had, if any: it is ended (rotation at login). */
  previousSessionToken?: string;
  userAgent?: string;
}

const BAD_LOGIN = 'The e-mail address or the password is wrong.';

/**
 * Checks the password and opens a fresh session. Every failure answers the same INVALID_CREDENTIALS,
 * whether the account exists, is pending or has another password.
 *
 * The attempt is counted before the password is checked (so a burst of concurrent guesses gets no
 * more through than the limit), against: this e-mail from this address (the guesser's own key, with
 * growing delays); this e-mail from addresses its owner never signed in from (a much higher limit
 * that only slows); and this address (spraying many e-mails). The owner signing in from their usual
 * address is never slowed by someone guessing from elsewhere.
 */
export async function signIn(db: Db, actor: Actor, input: SignInInput) {
  const pair = { key: throttleKey.emailAndAddress('login', input.email, actor.address), rule: THROTTLE.loginPerEmailAndAddress };
  const perEmail = { key: throttleKey.email('login', input.email), rule: THROTTLE.loginPerEmail };
  const perAddress = { key: throttleKey.address('login', actor.address), rule: THROTTLE.loginPerAddress };
  const { account, charges, passwordOk } = await withHashingSlot(async () => {
    const account = await findAccountByEmail(db, input.email);
    const usualAddress = account ? await signedInFrom(db, account.id, actor.address) : false;
    const charges = usualAddress ? [pair, perAddress] : [pair, perEmail, perAddress];
    await admitAttempt(db, charges);
    return { account, charges, passwordOk: await verifyPassword(account?.passwordHash ?? null, input.password) };
  });

  if (!account || !passwordOk || account.status !== 'active') {
    await recordAudit(db, actor, {
      action: 'auth.login_failed',
      subjectType: 'account',
      subjectId: account?.id ?? `email:${input.email.trim().toLowerCase()}`,
      details: { reason: !account ? 'unknown_email' : !passwordOk ? 'wrong_password' : `status_${account.status}` },
    });
    throw new AppError('INVALID_CREDENTIALS', BAD_LOGIN);
  }

  return db.transaction(async (tx) => {
    if (input.previousSessionToken) await revokeSessionByToken(tx, input.previousSessionToken);
    const session = await openSession(tx, account.id, actor.address, input.userAgent);
    await tx.update(accounts).set({ lastLoginAt: new Date() }).where(eq(accounts.id, account.id));
    await clearAttempts(tx, pair.key);
    await refundAttempt(tx, charges.slice(1));
    await recordAudit(
      tx,
      { ...actor, label: `account:${account.id}` },
      {
        action: 'auth.login',
        subjectType: 'account',
        subjectId: account.id,
        details: { sessionId: session.id },
      },
    );
    return { session, account: presentAccount(account, await liveGrants(tx, account.id)) };
  });
}
