import { and, eq, lte, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { calls } from '../../db/schema.js';
import { nextCallStatus } from '../../domain/calls/call-state.js';
import { authorize } from '../../policies/policy.js';
import type { Actor } from '../actor.js';
import { recordAudit } from '../audit/record-audit.js';

/**
 * Closes every published call whose deadline has passed, by the database clock, each with its
 * audit row (actor: the system). Submissions are refused after the deadline either way; this makes
 * the status say so. Safe to run from several servers at once (rows are claimed with SKIP LOCKED).
 */
export async function closeExpiredCalls(db: Db, actor: Actor): Promise<string[]> {
  authorize(actor, 'calls.manage');
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ id: calls.id, slug: calls.slug, status: calls.status })
      .from(calls)
      .where(and(eq(calls.status, 'published'), lte(calls.closesAt, sql`now()`)))
      .for('update', { skipLocked: true });
    for (const call of due) {
      const to = nextCallStatus('published', 'close');
      await tx.update(calls).set({ status: to, updatedAt: new Date() }).where(eq(calls.id, call.id));
      await recordAudit(tx, actor, {
        action: 'call.closed',
        subjectType: 'call',
        subjectId: call.id,
        details: { from: call.status, to, reason: 'deadline passed' },
      });
    }
    return due.map((c) => c.slug);
  });
}
