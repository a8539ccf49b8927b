import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { experts, reviewAssignments, reviewConflicts, reviewRounds, reviews } from '../../db/schema.js';
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
 * their evidence, assignments with the state of each review, and the progress.
 */
export async function getReviewBoard(db: Db, actor: Actor, roundId: string) {
  authorize(actor, 'review.read');
  const { round, call } = await loadReadableRound(db, actor, roundId);
  const [pool, proposals, conflicts, assignments] = await Promise.all([
    db.select().from(experts).where(eq(experts.callId, call.id)).orderBy(experts.name),
    loadRoundProposals(db, round),
    db.select().from(reviewConflicts).where(eq(reviewConflicts.callId, call.id)),
    db.select().from(reviewAssignments).where(eq(reviewAssignments.roundId, round.id)),
  ]);
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
      return {
        id: a.id,
        expertId: a.expertId,
        applicationId: a.applicationId,
        source: a.source,
        reviewStatus: review?.status ?? 'not_started',
      };
    }),
    progress: {
      assignments: assignments.length,
      submitted,
      proposals: proposals.length,
      demand: proposals.length * round.reviewsPerProposal,
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
