import type { Db } from '../../db/connection.js';
import { accounts } from '../../db/schema.js';
import type { Locale } from '../../domain/accounts/roles.js';
import { AppError } from '../../domain/errors.js';
import { authorize } from '../../policies/policy.js';
import type { Actor } from '../actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { enqueueEmail } from '../email/enqueue-email.js';
import { type GrantInput, grantRoleIn } from './grant-role.js';
import { findAccountByEmail } from './load-account.js';
import { issueOneTimeToken, TOKEN_HOURS } from './one-time-tokens.js';

export interface InviteInput {
  email: string;
  displayName: string;
  locale: Locale;
  grants: Omit<GrantInput, 'accountId'>[];
}

/** Everyone but applicants joins by invitation: an account with its grants and a link to set a password. */
export async function inviteAccount(db: Db, actor: Actor, input: InviteInput, links: { base: string }) {
  authorize(actor, 'accounts.admin');
  return db.transaction(async (tx) => {
    if (await findAccountByEmail(tx, input.email)) {
      throw new AppError('DUPLICATE', 'An account with this e-mail address exists; grant it the role instead.', [
        { field: 'email', code: 'DUPLICATE', message: 'An account with this e-mail address exists.' },
      ]);
    }
    const [account] = await tx
      .insert(accounts)
      .values({ email: input.email.trim(), displayName: input.displayName, locale: input.locale, status: 'pending' })
      .returning();
    await recordAudit(tx, actor, { action: 'account.invited', subjectType: 'account', subjectId: account!.id });
    for (const grant of input.grants) await grantRoleIn(tx, actor, { ...grant, accountId: account!.id });
    const token = await issueOneTimeToken(tx, account!.id, 'invitation');
    await enqueueEmail(tx, {
      to: account!.email,
      template: 'invitation',
      locale: input.locale,
      name: input.displayName,
      link: `${links.base}/accept-invitation?token=${token}`,
      hours: TOKEN_HOURS.invitation,
    });
    return { id: account!.id };
  });
}
