import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { calls, experts, reviewAssignments, reviewBids, reviewConflicts, reviewRounds, reviews } from '../../db/schema.js';
import { authorize } from '../../policies/policy.js';
import type { Actor } from '../actor.js';
import { loadRoundProposals } from './load-round-snapshot.js';
import { presentConflict, presentExpert, presentReview, presentRound } from './present-review.js';
import { loadCriteria } from './review-form.js';

/**
 * Everything an expert works on: invitations to answer, each call's rounds and deadlines, conflicts
 * to declare, assigned proposals with the review form and its state, and progress. In a
 * dual-anonymous round the proposals come without their team, people or owner.
 */
export async function getExpertWorkspace(db: Db, actor: Actor) {
  authorize(actor, 'review.workspace');
  if (actor.kind !== 'account') return { pools: [] };
  const mine = await db.select().from(experts).where(eq(experts.accountId, actor.accountId)).orderBy(experts.createdAt);
  const pools = [];
  for (const expert of mine) {
    const [call] = await db.select().from(calls).where(eq(calls.id, expert.callId));
    const rounds = await db.select().from(reviewRounds).where(eq(reviewRounds.callId, expert.callId));
    const conflicts = await db.select().from(reviewConflicts).where(eq(reviewConflicts.expertId, expert.id));
    const criteria = await loadCriteria(db, expert.callId);
    const roundViews = [];
    for (const round of rounds) {
      const accepted = expert.status === 'accepted';
      const proposals = accepted ? await loadRoundProposals(db, round) : [];
      const assignments = accepted
        ? await db.select().from(reviewAssignments).where(eq(reviewAssignments.roundId, round.id))
        : [];
      const own = assignments.filter((a) => a.expertId === expert.id);
      const reviewRows = own.length
        ? await db
            .select()
            .from(reviews)
            .where(
              inArray(
                reviews.assignmentId,
                own.map((a) => a.id),
              ),
            )
        : [];
      const byAssignment = new Map(reviewRows.map((r) => [r.assignmentId, r]));
      // The expert's own bids, so the form shows what was placed (by proposal id).
      const bids = round.collectsBids
        ? await db
            .select({ applicationId: reviewBids.applicationId, bid: reviewBids.bid })
            .from(reviewBids)
            .where(and(eq(reviewBids.roundId, round.id), eq(reviewBids.expertId, expert.id)))
        : [];
      const proposalById = new Map(proposals.map((p) => [p.applicationId, p]));
      roundViews.push({
        round: presentRound(round),
        // Titles only, to declare conflicts and bid; the full text comes with an assignment.
        proposals: proposals.map((p) => ({ id: p.applicationId, title: p.title })),
        bids: Object.fromEntries(bids.map((b) => [b.applicationId, b.bid])),
        assignments: own.map((a) => {
          const p = proposalById.get(a.applicationId);
          const review = byAssignment.get(a.id);
          const doc = p?.document;
          return {
            id: a.id,
            applicationId: a.applicationId,
            title: p?.title ?? '',
            abstract: doc?.abstract ?? '',
            scheme: doc?.scheme ?? null,
            team:
              round.dualAnonymous || !doc
                ? null
                : { institutions: doc.team, people: doc.people.map((x) => ({ name: x.name, role: x.role })) },
            review: review ? presentReview(review) : null,
          };
        }),
      });
    }
    pools.push({
      expert: presentExpert(expert),
      call: call ? { id: call.id, title: call.title, slug: call.slug, timeZone: call.timeZone } : null,
      criteria: criteria.map((c) => ({
        key: c.key,
        name: c.name,
        description: c.description,
        weight: c.weight,
        scaleMin: c.scaleMin,
        scaleMax: c.scaleMax,
      })),
      conflicts: conflicts.map(presentConflict),
      rounds: roundViews,
    });
  }
  return { pools };
}
