import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { reviewAssignments, reviewBids, reviewConflicts } from '../../db/schema.js';
import { authorize } from '../../policies/policy.js';
import { describeReason } from '../../solvers/assignment/describe.js';
import { solveAssignmentInWorker } from '../../solvers/assignment/runner.js';
import { type AssignmentMode, type AssignmentSnapshot, isSolved, type PairRef } from '../../solvers/assignment/types.js';
import { computeAffinitiesOffThread } from '../../solvers/review/runner.js';
import type { Actor } from '../actor.js';
import { loadRoundSnapshot } from './load-round-snapshot.js';
import { loadManagedRound } from './review-access.js';

// Bids move affinity: an eager expert is preferred, an unwilling one avoided, "conflict" forbids.
const BID_BONUS: Record<string, number> = { eager: 30, willing: 10, not_willing: -40 };

/**
 * Moves each bid pair's affinity by its bonus, never below 0. Bids are few: each is found by its
 * (proposal, reviewer) positions, so the million pairs are read once, as integers.
 */
function applyBidBonuses(
  pairs: { proposal: Int32Array; reviewer: Int32Array; affinity: Int32Array },
  bids: readonly { expertId: string; applicationId: string; bid: string }[],
  proposals: readonly { applicationId: string }[],
  reviewers: readonly { id: string }[],
): void {
  const proposalIndex = new Map(proposals.map((p, i) => [p.applicationId, i]));
  const reviewerIndex = new Map(reviewers.map((e, i) => [e.id, i]));
  const bonusAt = new Map<number, number>();
  for (const b of bids) {
    const p = proposalIndex.get(b.applicationId);
    const r = reviewerIndex.get(b.expertId);
    const bonus = BID_BONUS[b.bid];
    if (p !== undefined && r !== undefined && bonus !== undefined) bonusAt.set(p * reviewers.length + r, bonus);
  }
  if (bonusAt.size === 0) return;
  for (let k = 0; k < pairs.affinity.length; k++) {
    const bonus = bonusAt.get(pairs.proposal[k]! * reviewers.length + pairs.reviewer[k]!);
    if (bonus !== undefined) pairs.affinity[k] = Math.max(0, pairs.affinity[k]! + bonus);
  }
}

export interface ProposalOptions {
  mode: AssignmentMode;
  allowChurn: boolean;
  timeLimitMs?: number;
}

/**
 * Builds the round's assignment snapshot (affinities from the texts and bids, conflicts forbidden,
 * existing assignments kept unless churn is allowed) and asks the solver, off the main thread, for
 * a proposal. It writes nothing: the officer previews, edits and applies the changeset through the
 * same path as a manual assignment.
 */
export async function proposeAssignments(db: Db, actor: Actor, roundId: string, options: ProposalOptions) {
  authorize(actor, 'review.manage');
  const { round } = await loadManagedRound(db, actor, roundId);
  const snapshot = await loadRoundSnapshot(db, round);
  const accepted = snapshot.experts.filter((e) => e.status === 'accepted');
  const [conflicts, existing, bids] = await Promise.all([
    db
      .select({ expertId: reviewConflicts.expertId, applicationId: reviewConflicts.applicationId })
      .from(reviewConflicts)
      .where(and(eq(reviewConflicts.callId, round.callId), isNull(reviewConflicts.waivedAt))),
    db.select().from(reviewAssignments).where(eq(reviewAssignments.roundId, round.id)),
    db.select().from(reviewBids).where(eq(reviewBids.roundId, round.id)),
  ]);
  const forbidden: PairRef[] = conflicts.map((c) => ({ proposal: c.applicationId, reviewer: c.expertId }));
  for (const b of bids) if (b.bid === 'conflict') forbidden.push({ proposal: b.applicationId, reviewer: b.expertId });

  // Affinities are computed in a worker thread and come back as index columns: a large round has a
  // million pairs, which would hold the server's event loop for seconds. Pair k's proposal and
  // reviewer are positions in snapshot.proposals and `accepted`, as the solver's snapshot wants.
  const textOf = new Map(snapshot.expertTexts.map((e) => [e.expertId, e]));
  const expertTexts = accepted.map((e) => textOf.get(e.id)!);
  const packed = await computeAffinitiesOffThread(expertTexts, snapshot.proposalTexts);
  const pairs = { proposal: packed.proposal, reviewer: packed.expert, affinity: packed.score };
  applyBidBonuses(pairs, bids, snapshot.proposals, accepted);
  const input: AssignmentSnapshot = {
    proposals: snapshot.proposals.map((p) => ({ id: p.applicationId, demand: round.reviewsPerProposal })),
    reviewers: accepted.map((e) => ({ id: e.id, maxLoad: e.maxLoad, minLoad: e.minLoad })),
    pairs,
    forbidden,
    existing: existing.map((a) => ({ proposal: a.applicationId, reviewer: a.expertId })),
  };
  const result = await solveAssignmentInWorker(input, {
    mode: options.mode,
    allowChurn: options.allowChurn,
    timeLimitMs: options.timeLimitMs ?? 60_000,
  });
  const had = new Set(existing.map((a) => `${a.expertId}/${a.applicationId}`));
  const maxLoadOf = new Map(accepted.map((e) => [e.id, e.maxLoad]));
  if (!isSolved(result)) {
    // Reasons name experts and proposals by id; the officer reads names and titles.
    const names = new Map<string, string>([
      ...accepted.map((e) => [e.id, e.name] as [string, string]),
      ...snapshot.proposals.map((p) => [p.applicationId, `“${p.title}”`] as [string, string]),
    ]);
    const humanise = (text: string) =>
      text.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, (id) => names.get(id) ?? id);
    return {
      status: result.status === 'time-limit' ? 'time_limit' : 'infeasible',
      totalAffinity: null,
      worstAffinity: null,
      reasons: result.reasons.map((r) => humanise(describeReason(r))),
      changeset: { add: [], remove: [] },
      kept: 0,
      loads: [],
    };
  }
  const chosen = new Set(result.assignments.map((a) => `${a.reviewer}/${a.proposal}`));
  const add = result.assignments
    .filter((a) => !had.has(`${a.reviewer}/${a.proposal}`))
    .map((a) => ({ expertId: a.reviewer, applicationId: a.proposal, affinity: a.affinity }));
  const remove = existing
    .filter((a) => !chosen.has(`${a.expertId}/${a.applicationId}`))
    .map((a) => ({ expertId: a.expertId, applicationId: a.applicationId }));
  const load = new Map<string, number>();
  for (const a of result.assignments) load.set(a.reviewer, (load.get(a.reviewer) ?? 0) + 1);
  return {
    status: result.exact ? 'optimal' : 'feasible',
    totalAffinity: result.totalAffinity,
    worstAffinity: result.worstProposal?.affinity ?? null,
    reasons: [] as string[],
    changeset: { add, remove },
    kept: result.assignments.length - add.length,
    loads: accepted.map((e) => ({ expertId: e.id, load: load.get(e.id) ?? 0, maxLoad: maxLoadOf.get(e.id) ?? e.maxLoad })),
  };
}
