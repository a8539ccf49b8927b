import { and, eq, gt, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { accounts, apiTokens } from '../../db/schema.js';
import type { TokenScope } from '../../domain/accounts/roles.js';
import { AppError } from '../../domain/errors.js';
import { type Actor, anonymous } from '../actor.js';
import { accountActor, liveGrants } from './load-account.js';
import { hashSecret } from './secrets.js';
import { findLiveSession } from './sessions.js';

export interface Credentials {
  sessionToken?: string;
  bearerToken?: string;
  address?: string;
}

/**
 * Who sends this request. A bearer token that is unknown, revoked or expired is refused outright (a
 * script should fail loudly, on the very next use after revocation); a stale session cookie just
 * leaves the caller anonymous, as after signing out.
 */
export async function authenticate(db: Db, credentials: Credentials): Promise<Actor> {
  const { address } = credentials;
  if (credentials.bearerToken) {
    const [row] = await db
      .select({ token: apiTokens, account: accounts })
      .from(apiTokens)
      .innerJoin(accounts, eq(accounts.id, apiTokens.accountId))
      .where(
        and(
          eq(apiTokens.tokenHash, hashSecret(credentials.bearerToken)),
          isNull(apiTokens.revokedAt),
          or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, new Date())),
          eq(accounts.status, 'active'),
        ),
      )
      .limit(1);
    if (!row) throw new AppError('UNAUTHENTICATED', 'The API token is invalid, expired or revoked.');
    if (!row.token.lastUsedAt || Date.now() - row.token.lastUsedAt.getTime() > 60_000) {
      await db.update(apiTokens).set({ lastUsedAt: sql`now()` }).where(eq(apiTokens.id, row.token.id));
    }
    return accountActor(row.account, await liveGrants(db, row.account.id), {
      via: 'token',
      tokenScopes: row.token.scopes as TokenScope[],
      address,
    });
  }
  if (credentials.sessionToken) {
    const session = await findLiveSession(db, credentials.sessionToken);
    if (session) {
      const [account] = await db.select().from(accounts).where(eq(accounts.id, session.accountId)).limit(1);
      if (account?.status === 'active') {
        return accountActor(account, await liveGrants(db, account.id), { via: 'session', sessionId: session.id, address });
      }
    }
  }
  return anonymous(address);
}

/** The CSRF token of the caller's session, for the double-submit check on cookie-authenticated writes. */
export async function csrfTokenOf(db: Db, sessionToken: string): Promise<string | undefined> {
  return (await findLiveSession(db, sessionToken))?.csrfToken;
}
