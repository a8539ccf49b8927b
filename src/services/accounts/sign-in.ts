import { eq } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { accounts } from '../../db/schema.js';
import { AppError } from '../../domain/errors.js';
import type { Actor } from '../actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { findAccountByEmail, liveGrants, presentAccount } from './load-account.js';
import { verifyPassword } from './secrets.js';
import { openSession, revokeSessionByToken } from './sessions.js';
import { assertNotLocked, clearFailures, recordFailure, THROTTLE, throttleKey } from './throttle.js';

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
 * whether the account exists, is pending or has another password; failures count against the e-mail
 * and the address, and past the limit both are locked for a while.
 */
export async function signIn(db: Db, actor: Actor, input: SignInInput) {
  const emailKey = throttleKey.email('login', input.email);
  const addressKey = throttleKey.address('login', actor.address);
  await assertNotLocked(db, [emailKey, addressKey]);
  const account = await findAccountByEmail(db, input.email);
  const passwordOk = await verifyPassword(account?.passwordHash ?? null, input.password);

  if (!account || !passwordOk || account.status !== 'active') {
    await db.transaction(async (tx) => {
      await recordFailure(tx, emailKey, THROTTLE.loginPerEmail);
      await recordFailure(tx, addressKey, THROTTLE.loginPerAddress);
      await recordAudit(tx, actor, {
        action: 'auth.login_failed',
        subjectType: 'account',
        subjectId: account?.id ?? `email:${input.email.trim().toLowerCase()}`,
        details: { reason: !account ? 'unknown_email' : !passwordOk ? 'wrong_password' : `status_${account.status}` },
      });
    });
    throw new AppError('INVALID_CREDENTIALS', BAD_LOGIN);
  }

  return db.transaction(async (tx) => {
    if (input.previousSessionToken) await revokeSessionByToken(tx, input.previousSessionToken);
    const session = await openSession(tx, account.id, actor.address, input.userAgent);
    await tx.update(accounts).set({ lastLoginAt: new Date() }).where(eq(accounts.id, account.id));
    await clearFailures(tx, emailKey);
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
