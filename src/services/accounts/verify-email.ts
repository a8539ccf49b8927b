import { eq } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { accounts } from '../../db/schema.js';
import type { Actor } from '../actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { consumeOneTimeToken } from './one-time-tokens.js';

export async function verifyEmail(db: Db, actor: Actor, token: string): Promise<void> {
  await db.transaction(async (tx) => {
    const accountId = await consumeOneTimeToken(tx, token, 'verify_email');
    await tx
      .update(accounts)
      .set({ emailVerifiedAt: new Date(), status: 'active', updatedAt: new Date() })
      .where(eq(accounts.id, accountId));
    await recordAudit(tx, actor, { action: 'account.email_verified', subjectType: 'account', subjectId: accountId });
  });
}
