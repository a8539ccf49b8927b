import { and, eq, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/connection.js';
import { accounts, roleGrants, sessions } from '../../db/schema.js';
import type { AccountStatus, Locale, Role, ScopeType } from '../../domain/accounts/roles.js';
import type { Actor, Grant } from '../actor.js';

export type AccountRow = typeof accounts.$inferSelect;

export async function findAccountByEmail(db: DbOrTx, email: string): Promise<AccountRow | undefined> {
  const [row] = await db
    .select()
    .from(accounts)
    .where(eq(sql`lower(${accounts.email})`, email.trim().toLowerCase()))
    .limit(1);
  return row;
}

/**
 * The name to greet an account's owner with in e-mail: empty until the address is verified, since
 * until then the name is text typed by whoever signed up, sent to an address that never agreed.
 */
export const greetingName = (account: AccountRow): string => (account.emailVerifiedAt ? account.displayName : '');

/** Whether the account signed in from this address in the last 90 days (its owner's usual places). */
export async function signedInFrom(db: DbOrTx, accountId: string, address: string | undefined): Promise<boolean> {
  if (!address) return false;
  const rows = await db
    .select({ id: sessions.id })
    .from(sessions)
    .where(
      and(
        eq(sessions.accountId, accountId),
        eq(sessions.address, address),
        sql`${sessions.createdAt} > now() - interval '90 days'`,
      ),
    )
    .limit(1);
  return rows.length > 0;
}

export async function liveGrants(db: DbOrTx, accountId: string): Promise<Grant[]> {
  const rows = await db
    .select({ id: roleGrants.id, role: roleGrants.role, scopeType: roleGrants.scopeType, scopeId: roleGrants.scopeId })
    .from(roleGrants)
    .where(and(eq(roleGrants.accountId, accountId), isNull(roleGrants.revokedAt)))
    .orderBy(roleGrants.role);
  return rows.map((r) => ({ ...r, role: r.role as Role, scopeType: r.scopeType as ScopeType | null }));
}

export function accountActor(account: AccountRow, grants: Grant[], extra: Partial<Extract<Actor, { kind: 'account' }>>): Actor {
  return {
    kind: 'account',
    label: `account:${account.id}`,
    accountId: account.id,
    email: account.email,
    grants,
    via: 'session',
    locale: account.locale as Locale,
    ...extra,
  };
}

/** What an account looks like to its owner and administrators (never the password hash). */
export function presentAccount(account: AccountRow, grants: Grant[]) {
  return {
    id: account.id,
    email: account.email,
    displayName: account.displayName,
    status: account.status as AccountStatus,
    locale: account.locale as Locale,
    emailVerifiedAt: account.emailVerifiedAt?.toISOString() ?? null,
    lastLoginAt: account.lastLoginAt?.toISOString() ?? null,
    createdAt: account.createdAt.toISOString(),
    grants,
  };
}
