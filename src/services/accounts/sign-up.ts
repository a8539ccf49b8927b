import type { Db } from '../../db/connection.js';
import { accounts, roleGrants } from '../../db/schema.js';
import { checkPassword } from '../../domain/accounts/password-strength.js';
import type { Locale } from '../../domain/accounts/roles.js';
import type { Actor } from '../actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { enqueueEmail } from '../email/enqueue-email.js';
import { findAccountByEmail, greetingName } from './load-account.js';
import { issueOneTimeToken, TOKEN_HOURS } from './one-time-tokens.js';
import { assertScopeExists } from './scope-exists.js';
import { hashPassword } from './secrets.js';
import { admitAttempt, countAttempt, THROTTLE, throttleKey } from './throttle.js';

export interface SignUpInput {
  email: string;
  displayName: string;
  password: string;
  /** The institution the applicant belongs to; the applicant role is scoped to it. */
  institutionId: string;
  locale: Locale;
}

/**
 * Applicants sign up themselves. The answer is the same whether or not the address already has an
 * account (no enumeration): the owner of an existing account gets a "someone tried" e-mail instead,
 * at most once a day. Requests count per address and per target e-mail before any work is done, and
 * nothing the sender typed (the name) reaches an address that has not confirmed it.
 */
export async function signUp(db: Db, actor: Actor, input: SignUpInput, links: { base: string }): Promise<void> {
  await admitAttempt(db, [
    { key: throttleKey.email('signup', input.email), rule: THROTTLE.signUpPerEmail },
    { key: throttleKey.address('signup', actor.address), rule: THROTTLE.signUpPerAddress },
  ]);
  checkPassword(input.password, { userInputs: [input.email, input.displayName] });
  const passwordHash = await hashPassword(input.password);
  await db.transaction(async (tx) => {
    await assertScopeExists(tx, 'institution', input.institutionId, 'institutionId');
    const existing = await findAccountByEmail(tx, input.email);
    if (existing) {
      const notice = { key: throttleKey.email('signup-exists-mail', existing.email), rule: THROTTLE.signUpExistsMail };
      if (!(await countAttempt(tx, notice))) return; // already told today
      await enqueueEmail(tx, {
        to: existing.email,
        template: 'signup_exists',
        locale: existing.locale as Locale,
        name: greetingName(existing),
        link: `${links.base}/reset-password`,
        hours: 0,
      });
      return;
    }
    const [account] = await tx
      .insert(accounts)
      .values({
        email: input.email.trim(),
        displayName: input.displayName,
        passwordHash,
        locale: input.locale,
        status: 'pending',
      })
      .returning();
    await tx.insert(roleGrants).values({
      accountId: account!.id,
      role: 'applicant',
      scopeType: 'institution',
      scopeId: input.institutionId,
      grantedBy: 'self-sign-up',
    });
    const token = await issueOneTimeToken(tx, account!.id, 'verify_email');
    await enqueueEmail(tx, {
      to: account!.email,
      template: 'verify_email',
      locale: input.locale,
      name: '', // sender-chosen: never in mail to an unverified address
      link: `${links.base}/verify-email?token=${token}`,
      hours: TOKEN_HOURS.verify_email,
    });
    await recordAudit(tx, actor, {
      action: 'account.signed_up',
      subjectType: 'account',
      subjectId: account!.id,
      details: { institutionId: input.institutionId },
    });
  });
}
