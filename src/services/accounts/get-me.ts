import { eq } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { accounts } from '../../db/schema.js';
import type { Actor } from '../actor.js';
import { csrfTokenOf } from './authenticate.js';
import { liveGrants, presentAccount } from './load-account.js';

/** The signed-in account with its grants, and the CSRF token the browser must echo on writes. */
export async function getMe(db: Db, actor: Actor, sessionToken: string | undefined) {
  if (actor.kind !== 'account') return { account: null, csrfToken: null };
  const [account] = await db.select().from(accounts).where(eq(accounts.id, actor.accountId));
  if (!account) return { account: null, csrfToken: null };
  const csrfToken = actor.via === 'session' && sessionToken ? ((await csrfTokenOf(db, sessionToken)) ?? null) : null;
  return { account: presentAccount(account, await liveGrants(db, account.id)), csrfToken };
}
