import { eq } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { accounts } from '../../db/schema.js';
import type { Locale } from '../../domain/accounts/roles.js';
import { AppError } from '../../domain/errors.js';
import { authorize } from '../../policies/policy.js';
import type { Actor } from '../actor.js';
import { recordAudit } from '../audit/record-audit.js';

/**
 * The language of the caller's e-mails (accounts.locale). Every message to them is written in it
 * from now on, whatever language the sender uses; the UI's own language is a browser choice apart.
 */
export async function setMyLocale(db: Db, actor: Actor, locale: Locale): Promise<{ locale: Locale }> {
  authorize(actor, 'account.write');
  if (actor.kind !== 'account') throw new AppError('UNAUTHENTICATED', 'Sign in to choose the language of your e-mails.');
  const accountId = actor.accountId;
  await db.transaction(async (tx) => {
    const [before] = await tx.select({ locale: accounts.locale }).from(accounts).where(eq(accounts.id, accountId));
    if (!before) throw new AppError('NOT_FOUND', 'No such account.');
    if (before.locale === locale) return;
    await tx.update(accounts).set({ locale }).where(eq(accounts.id, accountId));
    await recordAudit(tx, actor, {
      action: 'account.locale_changed',
      subjectType: 'account',
      subjectId: accountId,
      details: { from: before.locale, to: locale },
    });
  });
  return { locale };
}
