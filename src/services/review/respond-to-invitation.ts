import { eq, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/connection.js';
import { experts } from '../../db/schema.js';
import { AppError } from '../../domain/errors.js';
import { authorize } from '../../policies/policy.js';
import type { Actor } from '../actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { loadOwnExpert } from './review-access.js';

/**
 * The expert accepts or declines. Declining after assignments exist frees them for a re-run of the
 * assignment (which keeps everyone else's); an expert with submitted reviews cannot decline.
 */
export async function respondToInvitation(db: Db, actor: Actor, expertId: string, answer: 'accepted' | 'declined') {
  authorize(actor, 'review.participate');
  return db.transaction(async (tx) => {
    const expert = await loadOwnExpert(tx, actor, expertId, true);
    if (expert.status === answer) return expert;
    if (answer === 'declined') {
      const [row] = await queryRows<{ n: number }>(
        tx,
        sql`select count(*)::int as n from reviews r join review_assignments a on a.id = r.assignment_id where a.expert_id = ${expert.id} and r.status = 'submitted'`,
      );
      if (row && Number(row.n) > 0)
        throw new AppError('CONFLICT', 'You have submitted reviews in this call; ask the program office to release you.');
      await tx.execute(
        sql`delete from reviews where assignment_id in (select id from review_assignments where expert_id = ${expert.id})`,
      );
      await tx.execute(sql`delete from review_assignments where expert_id = ${expert.id}`);
    }
    const [updated] = await tx
      .update(experts)
      .set({ status: answer, respondedAt: sql`now()`, updatedAt: sql`now()` })
      .where(eq(experts.id, expert.id))
      .returning();
    await recordAudit(tx, actor, {
      action: `expert.${answer}`,
      subjectType: 'expert',
      subjectId: expert.id,
      details: { callId: expert.callId },
    });
    return updated!;
  });
}
