import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { sessions } from '../../db/schema.js';
import { AppError } from '../../domain/errors.js';
import { authorize } from '../../policies/policy.js';
import type { Actor } from '../actor.js';
import { recordAudit } from '../audit/record-audit.js';

function ownerOf(actor: Actor): string {
  if (actor.kind !== 'account') throw new AppError('UNAUTHENTICATED', 'Sign in to see your sessions.');
  return actor.accountId;
}

export async function listMySessions(db: Db, actor: Actor) {
  authorize(actor, 'account.read');
  const rows = await db
    .select()
    .from(sessions)
    .where(and(eq(sessions.accountId, ownerOf(actor)), isNull(sessions.revokedAt), gt(sessions.expiresAt, new Date())))
    .orderBy(desc(sessions.lastSeenAt));
  return rows.map((s) => ({
    id: s.id,
    address: s.address,
    userAgent: s.userAgent,
    createdAt: s.createdAt.toISOString(),
    lastSeenAt: s.lastSeenAt.toISOString(),
    current: actor.kind === 'account' && actor.sessionId === s.id,
  }));
}

/** Ends one of the caller's sessions (another device, say); another account's session answers 404. */
export async function revokeMySession(db: Db, actor: Actor, sessionId: string) {
  authorize(actor, 'account.write');
  const accountId = ownerOf(actor);
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(sessions)
      .set({ revokedAt: new Date() })
      .where(and(eq(sessions.id, sessionId), eq(sessions.accountId, accountId), isNull(sessions.revokedAt)))
      .returning({ id: sessions.id });
    if (!row) throw new AppError('NOT_FOUND', 'No open session of yours with this id.');
    await recordAudit(tx, actor, {
      action: 'auth.session_revoked',
      subjectType: 'account',
      subjectId: accountId,
      details: { sessionId },
    });
  });
}
