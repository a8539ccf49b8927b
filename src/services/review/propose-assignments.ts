import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { reviewAssignments, reviewBids, reviewConflicts } from '../../db/schema.js';
import { computeAffinities } from '../../domain/review/affinity.js';
import { authorize } from '../../policies/policy.js';
import { describeReason } from '../../solvers/assignment/describe.js';
import { solveAssignmentInWorker } from '../../solvers/assignment/runner.js';
import { type AssignmentMode, type AssignmentSnapshot, isSolved, type PairRef } from '../../solvers/assignment/types.js';
import type { Actor } from '../actor.js';
import { loadRoundSnapshot } from './load-round-snapshot.js';
import { loadManagedRound } from './review-access.js';

// Bids move affinity: an eager expert is preferred, an unwilling one avoided, "conflict" forbids.
const BID_BONUS: Record<string, number> = { eager: 30, willing: 10, not_willing: -40 };

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
  const bidOf = new Map(bids.map((b) => [`${b.expertId}/${b.applicationId}`, b.bid]));
  const forbidden: PairRef[] = conflicts.map((c) => ({ proposal: c.applicationId, reviewer: c.expertId }));
  for (const b of bids) if (b.bid === 'conflict') forbidden.push({ proposal: b.applicationId, reviewer: b.expertId });

  const affinities = computeAffinities(
    snapshot.expertTexts.filter((e) => accepted.some((a) => a.id === e.expertId)),
    snapshot.proposalTexts,
  );
  const proposalIndex = new Map(snapshot.proposals.map((p, i) => [p.applicationId, i]));
  const reviewerIndex = new Map(accepted.map((e, i) => [e.id, i]));
  const n = affinities.length;
  const pairs = { proposal: new Int32Array(n), reviewer: new Int32Array(n), affinity: new Int32Array(n) };
  affinities.forEach((a, k) => {
    const score = Math.max(0, a.score + (BID_BONUS[bidOf.get(`${a.expertId}/${a.proposalId}`) ?? ''] ?? 0));
    pairs.proposal[k] = proposalIndex.get(a.proposalId) as number;
    pairs.reviewer[k] = reviewerIndex.get(a.expertId) as number;
    pairs.affinity[k] = score;
  });
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
