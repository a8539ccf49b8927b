import { inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/connection.js';
import { accounts } from '../../db/schema.js';
import { LOCALES, type Locale } from '../../domain/accounts/roles.js';

/**
 * The language to write to each address in: the language of the account registered with that
 * address (accounts.locale), else English. Signatories and other addressees are stored by e-mail
 * address, not by account, so the look-up is by address (case-insensitive, as accounts are unique).
 */
export async function recipientLocales(tx: DbOrTx, emails: readonly string[]): Promise<(email: string) => Locale> {
  const wanted = [...new Set(emails.map((e) => e.trim().toLowerCase()))];
  const rows = wanted.length
    ? await tx
        .select({ email: sql<string>`lower(${accounts.email})`, locale: accounts.locale })
        .from(accounts)
        .where(inArray(sql`lower(${accounts.email})`, wanted))
    : [];
  const known = new Map(rows.map((r) => [r.email, r.locale]));
  return (email) => {
    const locale = known.get(email.trim().toLowerCase());
    return (LOCALES as readonly string[]).includes(locale ?? '') ? (locale as Locale) : 'en';
  };
}
