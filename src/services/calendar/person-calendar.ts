import { createHash, randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { accounts, calendarFeeds } from '../../db/schema.js';
import { AppError } from '../../domain/errors.js';
import { authorize } from '../../policies/policy.js';
import type { Actor } from '../actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { personEntries } from './person-sources.js';
import { renderIcs } from './render-ics.js';

const digest = (token: string) => createHash('sha256').update(token).digest('hex');
const feedPath = (token: string) => `/api/calendar/${token}.ics`;

function accountIdOf(actor: Actor): string {
  if (actor.kind !== 'account') throw new AppError('UNAUTHENTICATED');
  return actor.accountId;
}

/** Whether the person has a feed (its URL is shown once, when made: only its hash is kept). */
export async function getCalendarFeed(db: Db, actor: Actor) {
  authorize(actor, 'account.read');
  const [row] = await db
    .select()
    .from(calendarFeeds)
    .where(eq(calendarFeeds.accountId, accountIdOf(actor)));
  return { exists: Boolean(row), createdAt: row?.createdAt.toISOString() ?? null };
}

/**
 * Makes the person's feed URL, or a new one in place of the old (which stops working at once):
 * 32 random bytes, unguessable; the database keeps only the SHA-256. Audited.
 */
export async function rotateCalendarFeed(db: Db, actor: Actor, base: string) {
  authorize(actor, 'account.write');
  const accountId = accountIdOf(actor);
  const token = randomBytes(32).toString('base64url');
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(calendarFeeds)
      .values({ accountId, tokenSha256: digest(token) })
      .onConflictDoUpdate({ target: calendarFeeds.accountId, set: { tokenSha256: digest(token), createdAt: sql`now()` } })
      .returning();
    await recordAudit(tx, actor, {
      action: 'account.calendar_feed_rotated',
      subjectType: 'account',
      subjectId: accountId,
      details: {},
    });
    return { url: `${base}${feedPath(token)}`, createdAt: row!.createdAt.toISOString() };
  });
}

/** The feed behind a token: the person's review deadlines and other duties. An unknown token is NOT_FOUND. */
export async function personCalendar(db: Db, actor: Actor, token: string, base: string): Promise<string> {
  authorize(actor, 'portal.read');
  const [row] = await db
    .select({ accountId: calendarFeeds.accountId, status: accounts.status })
    .from(calendarFeeds)
    .innerJoin(accounts, eq(accounts.id, calendarFeeds.accountId))
    .where(eq(calendarFeeds.tokenSha256, digest(token)));
  if (!row || row.status !== 'active') throw new AppError('NOT_FOUND', 'No calendar at this address.');
  return renderIcs('Orbitshare: my deadlines', await personEntries(db, row.accountId, base));
}
