import type { Db } from '../../db/connection.js';
import { accounts, roleGrants } from '../../db/schema.js';
import { checkPassword } from '../../domain/accounts/password-policy.js';
import type { Locale } from '../../domain/accounts/roles.js';
import type { Actor } from '../actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { enqueueEmail } from '../email/enqueue-email.js';
import { findAccountByEmail } from './load-account.js';
import { issueOneTimeToken, TOKEN_HOURS } from './one-time-tokens.js';
import { assertScopeExists } from './scope-exists.js';
import { hashPassword } from './secrets.js';

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
 * account (no enumeration): the owner of an existing account gets a "someone tried" e-mail instead.
 */
export async function signUp(db: Db, actor: Actor, input: SignUpInput, links: { base: string }): Promise<void> {
  checkPassword(input.password, input.email);
  const passwordHash = await hashPassword(input.password);
  await db.transaction(async (tx) => {
    await assertScopeExists(tx, 'institution', input.institutionId, 'institutionId');
    const existing = await findAccountByEmail(tx, input.email);
    if (existing) {
      await enqueueEmail(tx, {
        to: existing.email,
        template: 'signup_exists',
        locale: existing.locale as Locale,
        name: existing.displayName,
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
      name: input.displayName,
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
