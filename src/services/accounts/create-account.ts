import type { Db, DbOrTx } from '../../db/connection.js';
import { accounts } from '../../db/schema.js';
import { checkPassword } from '../../domain/accounts/password-strength.js';
import type { Locale } from '../../domain/accounts/roles.js';
import { AppError } from '../../domain/errors.js';
import { authorize } from '../../policies/policy.js';
import type { Actor } from '../actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { type GrantInput, grantRoleIn } from './grant-role.js';
import { findAccountByEmail } from './load-account.js';
import { hashPassword } from './secrets.js';

export interface CreateAccountInput {
  email: string;
  displayName: string;
  password: string;
  locale?: Locale;
  grants?: Omit<GrantInput, 'accountId'>[];
  /** A demo account, which has the public demo password (seed only). */
  demoAccount?: boolean;
}

/**
 * An active account with a password, made by an administrator or the operator (CLI, demo data).
 * People who set their own password go through sign-up or an invitation instead.
 */
export async function createAccountIn(tx: DbOrTx, actor: Actor, input: CreateAccountInput): Promise<{ id: string }> {
  authorize(actor, 'accounts.admin');
  checkPassword(input.password, { userInputs: [input.email, input.displayName], demoAccount: input.demoAccount });
  if (await findAccountByEmail(tx, input.email)) {
    throw new AppError('DUPLICATE', `An account with the e-mail address ${input.email} exists.`, [
      { field: 'email', code: 'DUPLICATE', message: 'An account with this e-mail address exists.' },
    ]);
  }
  const [account] = await tx
    .insert(accounts)
    .values({
      email: input.email.trim(),
      displayName: input.displayName,
      locale: input.locale ?? 'en',
      passwordHash: await hashPassword(input.password),
      status: 'active',
      emailVerifiedAt: new Date(),
    })
    .returning({ id: accounts.id });
  await recordAudit(tx, actor, { action: 'account.created', subjectType: 'account', subjectId: account!.id });
  for (const grant of input.grants ?? []) await grantRoleIn(tx, actor, { ...grant, accountId: account!.id });
  return account!;
}

export function createAccount(db: Db, actor: Actor, input: CreateAccountInput) {
  authorize(actor, 'accounts.admin');
  return db.transaction((tx) => createAccountIn(tx, actor, input));
}
