import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { roleGrants } from '../../db/schema.js';
import { AppError } from '../../domain/errors.js';
import { authorize } from '../../policies/policy.js';
import type { Actor } from '../actor.js';
import { recordAudit } from '../audit/record-audit.js';

/** Ends a grant; it stays in the table as history. */
export async function revokeRole(db: Db, actor: Actor, grantId: string) {
  authorize(actor, 'accounts.admin');
  return db.transaction(async (tx) => {
    const [grant] = await tx
      .update(roleGrants)
      .set({ revokedAt: new Date(), revokedBy: actor.label })
      .where(and(eq(roleGrants.id, grantId), isNull(roleGrants.revokedAt)))
      .returning();
    if (!grant) throw new AppError('NOT_FOUND', 'No live grant with this id.');
    await recordAudit(tx, actor, {
      action: 'role.revoked',
      subjectType: 'account',
      subjectId: grant.accountId,
      details: { grantId, role: grant.role, scopeType: grant.scopeType, scopeId: grant.scopeId },
    });
    return grant;
  });
}
