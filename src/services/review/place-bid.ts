import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { applications, reviewBids } from '../../db/schema.js';
import { AppError } from '../../domain/errors.js';
import type { Bid } from '../../domain/review/vocabulary.js';
import { authorize } from '../../policies/policy.js';
import type { Actor } from '../actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { isUuid } from '../calls/call-access.js';
import { loadActiveExpertForRound, loadRound, roundNotFound } from './review-access.js';

/** An expert bids on a proposal of a round that collects bids (eager / willing / not willing / conflict). */
export async function placeBid(db: Db, actor: Actor, roundId: string, applicationId: string, bid: Bid) {
  authorize(actor, 'review.participate');
  return db.transaction(async (tx) => {
    const loaded = await loadRound(tx, roundId);
    if (!loaded) throw roundNotFound(roundId);
    const expert = await loadActiveExpertForRound(tx, actor, loaded.round);
    if (!loaded.round.collectsBids) throw new AppError('CONFLICT', 'This round does not collect bids.');
    const [application] = isUuid(applicationId)
      ? await tx
          .select({ id: applications.id })
          .from(applications)
          .where(and(eq(applications.id, applicationId), eq(applications.callId, loaded.round.callId)))
      : [];
    if (!application)
      throw new AppError('NOT_FOUND', 'No such proposal in this round.', [
        { field: 'applicationId', code: 'NOT_FOUND', message: 'Not a proposal of this round.' },
      ]);
    await tx
      .insert(reviewBids)
      .values({ roundId, expertId: expert.id, applicationId, bid })
      .onConflictDoUpdate({
        target: [reviewBids.roundId, reviewBids.expertId, reviewBids.applicationId],
        set: { bid, updatedAt: sql`now()` },
      });
    await recordAudit(tx, actor, {
      action: 'review_bid.placed',
      subjectType: 'review_round',
      subjectId: roundId,
      details: { expertId: expert.id, applicationId, bid },
    });
    return { roundId, applicationId, bid };
  });
}
