import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/connection.js';
import { sessions } from '../../db/schema.js';
import { hashSecret, newSecret } from './secrets.js';

/** Sessions end after 12 idle hours or 7 days, whichever comes first. */
export const SESSION_IDLE_HOURS = 12;
export const SESSION_MAX_DAYS = 7;

export interface NewSession {
  id: string;
  /** Goes into the cookie; never stored. */
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

export async function openSession(tx: DbOrTx, accountId: string, address?: string, userAgent?: string): Promise<NewSession> {
  const { token, hash } = newSecret();
  const csrfToken = newSecret().token;
  const expiresAt = new Date(Date.now() + SESSION_MAX_DAYS * 86400_000);
  const [row] = await tx
    .insert(sessions)
    .values({ tokenHash: hash, csrfToken, accountId, address, userAgent: userAgent?.slice(0, 300), expiresAt })
    .returning({ id: sessions.id });
  return { id: row!.id, token, csrfToken, expiresAt };
}

/** The live session a cookie names, touching its last-seen time (at most once a minute). */
export async function findLiveSession(db: DbOrTx, token: string) {
  const [row] = await db
    .select()
    .from(sessions)
    .where(
      and(
        eq(sessions.tokenHash, hashSecret(token)),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, new Date()),
        gt(sessions.lastSeenAt, sql`now() - make_interval(hours => ${SESSION_IDLE_HOURS})`),
      ),
    )
    .limit(1);
  if (row && Date.now() - row.lastSeenAt.getTime() > 60_000) {
    await db.update(sessions).set({ lastSeenAt: new Date() }).where(eq(sessions.id, row.id));
  }
  return row;
}

export async function revokeSessionByToken(tx: DbOrTx, token: string): Promise<string | undefined> {
  const [row] = await tx
    .update(sessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(sessions.tokenHash, hashSecret(token)), isNull(sessions.revokedAt)))
    .returning({ id: sessions.id });
  return row?.id;
}

export async function revokeAllSessions(tx: DbOrTx, accountId: string): Promise<void> {
  await tx
    .update(sessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(sessions.accountId, accountId), isNull(sessions.revokedAt)));
}
