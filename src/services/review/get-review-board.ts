import { and, eq, inArray, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/connection.js';
import {
  experts,
  reviewAssignments,
  reviewBids,
  reviewConflicts,
  reviewReminders,
  reviewRounds,
  reviews,
} from '../../db/schema.js';
import { authorize } from '../../policies/policy.js';
import type { Actor } from '../actor.js';
import { loadCallForApplications } from '../calls/call-access.js';
import { loadRoundProposals } from './load-round-snapshot.js';
import { presentConflict, presentExpert, presentRound } from './present-review.js';
import { loadReadableRound } from './review-access.js';

/** The rounds of a call, for its officers and officials. */
export async function listReviewRounds(db: Db, actor: Actor, callId: string) {
  authorize(actor, 'review.read');
  const call = await loadCallForApplications(db, actor, callId);
  const rounds = await db.select().from(reviewRounds).where(eq(reviewRounds.callId, call.id)).orderBy(reviewRounds.stage);
  return rounds.map(presentRound);
}

/**
 * The officer's review board for one round: the pool with loads, the proposals, conflicts with
 * their evidence, assignments with the state of each review (late once the deadline has passed by
 * the database clock and it is not submitted), the reminders sent, and the progress.
 */
export async function getReviewBoard(db: Db, actor: Actor, roundId: string) {
  authorize(actor, 'review.read');
  const { round, call } = await loadReadableRound(db, actor, roundId);
  const [pool, proposals, conflicts, assignments, reminders, bids, [clock]] = await Promise.all([
    db.select().from(experts).where(eq(experts.callId, call.id)).orderBy(experts.name),
    loadRoundProposals(db, round),
    db.select().from(reviewConflicts).where(eq(reviewConflicts.callId, call.id)),
    db.select().from(reviewAssignments).where(eq(reviewAssignments.roundId, round.id)),
    db
      .select()
      .from(reviewReminders)
      .where(eq(reviewReminders.roundId, round.id))
      .orderBy(reviewReminders.sentAt, reviewReminders.expertId),
    db
      .select({ expertId: reviewBids.expertId, applicationId: reviewBids.applicationId, bid: reviewBids.bid })
      .from(reviewBids)
      .where(eq(reviewBids.roundId, round.id)),
    queryRows<{ past: boolean }>(db, sql`select now() > ${round.deadlineAt.toISOString()}::timestamptz as past`),
  ]);
  const pastDeadline = clock?.past === true;
  const reviewRows = assignments.length
    ? await db
        .select()
        .from(reviews)
        .where(
          inArray(
            reviews.assignmentId,
            assignments.map((a) => a.id),
          ),
        )
    : [];
  const reviewByAssignment = new Map(reviewRows.map((r) => [r.assignmentId, r]));
  const proposalIds = new Set(proposals.map((p) => p.applicationId));
  const load = new Map<string, number>();
  for (const a of assignments) load.set(a.expertId, (load.get(a.expertId) ?? 0) + 1);
  const submitted = reviewRows.filter((r) => r.status === 'submitted').length;
  return {
    round: presentRound(round),
    call: { id: call.id, title: call.title, slug: call.slug },
    experts: pool.map((e) => ({ ...presentExpert(e), load: load.get(e.id) ?? 0 })),
    proposals: proposals.map((p) => ({ id: p.applicationId, title: p.title, leadCountry: p.leadCountry })),
    conflicts: conflicts.filter((c) => proposalIds.has(c.applicationId)).map(presentConflict),
    assignments: assignments.map((a) => {
      const review = reviewByAssignment.get(a.id);
      const reviewStatus = review?.status ?? 'not_started';
      return {
        id: a.id,
        expertId: a.expertId,
        applicationId: a.applicationId,
        source: a.source,
        reviewStatus,
        late: pastDeadline && (reviewStatus === 'not_started' || reviewStatus === 'draft'),
      };
    }),
    // The experts' bids, which the solver's affinity takes into account.
    bids,
    reminders: reminders.map((r) => ({
      expertId: r.expertId,
      thresholdHours: r.thresholdHours,
      sentAt: r.sentAt.toISOString(),
    })),
    progress: {
      assignments: assignments.length,
      submitted,
      proposals: proposals.length,
      demand: proposals.length * round.reviewsPerProposal,
      pastDeadline,
      late: assignments.filter((a) => {
        const status = reviewByAssignment.get(a.id)?.status ?? 'not_started';
        return pastDeadline && (status === 'not_started' || status === 'draft');
      }).length,
    },
  };
}

export async function roundOfCall(db: Db, callId: string, stage: string) {
  const [round] = await db
    .select()
    .from(reviewRounds)
    .where(and(eq(reviewRounds.callId, callId), eq(reviewRounds.stage, stage)));
  return round;
}
