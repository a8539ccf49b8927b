import type { Db } from '../../db/connection.js';
import type { Actor } from '../actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { revokeSessionByToken } from './sessions.js';

/** Ends the session the cookie names; signing out twice is harmless. */
export async function signOut(db: Db, actor: Actor, sessionToken: string | undefined): Promise<void> {
  if (!sessionToken) return;
  await db.transaction(async (tx) => {
    const sessionId = await revokeSessionByToken(tx, sessionToken);
    if (sessionId && actor.kind === 'account') {
      await recordAudit(tx, actor, {
        action: 'auth.logout',
        subjectType: 'account',
        subjectId: actor.accountId,
        details: { sessionId },
      });
    }
  });
}
