import type { Db } from '../../db/connection.js';
import { PG, pgErrorOf } from '../../db/pg-errors.js';
import { reviewRounds } from '../../db/schema.js';
import { AppError } from '../../domain/errors.js';
import type { ReviewStage } from '../../domain/review/vocabulary.js';
import { authorize } from '../../policies/policy.js';
import type { Actor } from '../actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { loadManagedCall } from '../calls/call-access.js';

export interface RoundInput {
  stage: ReviewStage;
  title: string;
  deadlineAt: Date;
  reviewsPerProposal: number;
  collectsBids: boolean;
  dualAnonymous: boolean;
  sameCountryRule: 'off' | 'lead' | 'any_member';
  coauthorWindowYears: number;
}

/** An officer opens a review round of a call: letters of intent or full proposals, one each. */
export async function createReviewRound(db: Db, actor: Actor, callId: string, input: RoundInput) {
  authorize(actor, 'review.manage');
  return db.transaction(async (tx) => {
    const call = await loadManagedCall(tx, actor, callId);
    if (input.stage === 'letter_of_intent' && call.stages !== 2) {
      throw new AppError('VALIDATION_FAILED', 'Only a two-stage call has letters of intent to review.', [
        { field: 'stage', code: 'VALIDATION_FAILED', message: 'This call has one stage: review the full proposals.' },
      ]);
    }
    if (call.status === 'draft' || call.status === 'cancelled') {
      throw new AppError('CONFLICT', `A ${call.status} call has no proposals to review.`);
    }
    try {
      const [round] = await tx
        .insert(reviewRounds)
        .values({ callId: call.id, ...input })
        .returning();
      await recordAudit(tx, actor, {
        action: 'review_round.created',
        subjectType: 'review_round',
        subjectId: round!.id,
        details: { callId, stage: input.stage },
      });
      return round!;
    } catch (error) {
      if (pgErrorOf(error)?.code === PG.uniqueViolation) {
        throw new AppError('DUPLICATE', 'This call already has a review round for that stage.', [
          { field: 'stage', code: 'DUPLICATE', message: 'A round for this stage exists.' },
        ]);
      }
      throw error;
    }
  });
}
