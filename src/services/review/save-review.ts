import { and, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/connection.js';
import { reviewAssignments, reviews } from '../../db/schema.js';
import { AppError } from '../../domain/errors.js';
import type { Recommendation, ReviewConfidence } from '../../domain/review/vocabulary.js';
import { authorize } from '../../policies/policy.js';
import type { Actor } from '../actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { databaseNow } from '../calls/call-access.js';
import { loadActiveExpertForRound, loadRound } from './review-access.js';
import { checkScores, loadCriteria, type ScoreSheet } from './review-form.js';

export interface ReviewInput {
  scores: ScoreSheet;
  confidence: ReviewConfidence | null;
  recommendation: Recommendation | null;
  comment: string;
  /** The revision the editor last saw: a stale tab gets CONFLICT instead of overwriting. */
  revision: number;
}

const assignmentNotFound = (id: string) => new AppError('NOT_FOUND', `No assignment "${id}".`);

/** The assignment of the acting expert, locked, with its round, call and review (if begun). */
async function loadOwnAssignment(tx: Tx, actor: Actor, assignmentId: string) {
  const [assignment] = await tx.select().from(reviewAssignments).where(eq(reviewAssignments.id, assignmentId)).for('update');
  if (!assignment) throw assignmentNotFound(assignmentId);
  const loaded = await loadRound(tx, assignment.roundId);
  if (!loaded) throw assignmentNotFound(assignmentId);
  const expert = await loadActiveExpertForRound(tx, actor, loaded.round).catch(() => null);
  if (!expert || expert.id !== assignment.expertId) throw assignmentNotFound(assignmentId);
  const [review] = await tx.select().from(reviews).where(eq(reviews.assignmentId, assignment.id));
  return { assignment, ...loaded, review };
}

async function write(
  tx: Tx,
  assignmentId: string,
  existing: typeof reviews.$inferSelect | undefined,
  input: ReviewInput,
  submit: boolean,
) {
  if (existing && existing.revision !== input.revision) {
    throw new AppError('CONFLICT', 'This review was saved elsewhere since you opened it; reload to see the latest.', [
      { field: 'revision', code: 'CONFLICT', message: `The review is at revision ${existing.revision}.` },
    ]);
  }
  const values = {
    scores: input.scores,
    confidence: input.confidence,
    recommendation: input.recommendation,
    comment: input.comment,
    status: submit ? 'submitted' : 'draft',
    submittedAt: submit ? sql`now()` : null,
    updatedAt: sql`now()`,
  };
  if (!existing) {
    const [row] = await tx
      .insert(reviews)
      .values({ assignmentId, ...values, revision: 1 })
      .returning();
    return row!;
  }
  const [row] = await tx
    .update(reviews)
    .set({ ...values, revision: existing.revision + 1 })
    .where(and(eq(reviews.id, existing.id), eq(reviews.revision, existing.revision)))
    .returning();
  return row!;
}

async function saveOrSubmit(db: Db, actor: Actor, assignmentId: string, input: ReviewInput, submit: boolean) {
  authorize(actor, 'review.participate');
  return db.transaction(async (tx) => {
    const { round, call, review } = await loadOwnAssignment(tx, actor, assignmentId);
    if (review?.status === 'excluded')
      throw new AppError('CONFLICT', 'A conflict of interest took this review out of the round.');
    if (review?.status === 'submitted' && !submit)
      throw new AppError('CONFLICT', 'This review is submitted; change it and submit again.');
    if (round.status !== 'open' || (await databaseNow(tx)) > round.deadlineAt) {
      throw new AppError('CONFLICT', 'The review deadline has passed; the review is locked.');
    }
    const criteria = await loadCriteria(tx, call.id);
    const issues = checkScores(criteria, input.scores, submit);
    if (submit && !input.confidence)
      issues.push({
        field: 'confidence',
        code: 'VALIDATION_FAILED',
        message: 'Say how confident you are (high, medium or low).',
      });
    if (submit && !input.recommendation)
      issues.push({
        field: 'recommendation',
        code: 'VALIDATION_FAILED',
        message: 'Give a recommendation (select, conditional or reject).',
      });
    if (issues.length) throw AppError.fromIssues(issues);
    const saved = await write(tx, assignmentId, review, input, submit);
    if (submit) {
      await recordAudit(tx, actor, {
        action: review?.status === 'submitted' ? 'review.resubmitted' : 'review.submitted',
        subjectType: 'review',
        subjectId: saved.id,
        details: { assignmentId, roundId: round.id },
      });
    }
    return saved;
  });
}

/** Autosaved draft: anything typed so far, each score within its scale. */
export const saveReviewDraft = (db: Db, actor: Actor, assignmentId: string, input: ReviewInput) =>
  saveOrSubmit(db, actor, assignmentId, input, false);

/** Submission: every criterion scored, confidence and recommendation given, before the deadline. */
export const submitReview = (db: Db, actor: Actor, assignmentId: string, input: ReviewInput) =>
  saveOrSubmit(db, actor, assignmentId, input, true);
