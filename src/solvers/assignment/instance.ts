// Compiles a snapshot into the solver's indexed instance: ids sorted (so ties break by stable ids and
// the input's row order never matters), forbidden pairs removed, fixed pairs (forced, or existing
// under no churn) taken out of the free problem with the demand and loads they consume.
import type { AssignmentSnapshot, InfeasibilityReason, PairRef } from './types.js';

export interface Instance {
  proposalIds: string[];
  reviewerIds: string[];
  /** Demand and loads as given, for explanations. */
  demand0: Int32Array;
  minLoad0: Int32Array;
  maxLoad0: Int32Array;
  /** What is left for the free problem once fixed pairs are counted. */
  demand: Int32Array;
  minLoad: Int32Array;
  maxLoad: Int32Array;
  /** Free candidate pairs, sorted by (proposal, reviewer). */
  pairP: Int32Array;
  pairR: Int32Array;
  pairA: Int32Array;
  /** Fixed pairs (already decided), sorted by (proposal, reviewer). */
  fixedP: Int32Array;
  fixedR: Int32Array;
  fixedA: Int32Array;
  fixedOrigin: ('existing' | 'forced')[];
  /** Sum of fixed affinities per proposal. */
  fixedAffinity: Float64Array;
  /** Per proposal: expertise classes still to cover (not already covered by a fixed pair). */
  required: number[][];
  /** Per reviewer: sorted expertise class ids. */
  reviewerExpertise: number[][];
  expertiseNames: string[];
  dropped: PairRef[];
  /** Problems found while compiling (a forced pair that is forbidden, an unknown id...). */
  reasons: InfeasibilityReason[];
}

const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function sortedIndex(ids: readonly string[]) {
  const order = ids.map((_, i) => i).sort((a, b) => byCodeUnits(ids[a]!, ids[b]!));
  const rank = new Int32Array(ids.length);
  order.forEach((original, position) => {
    rank[original] = position;
  });
  return { order, rank, index: new Map(order.map((original, position) => [ids[original]!, position])) };
}

/** Keys (proposal × R + reviewer) of a pair list, ignoring unknown ids (reported when `report`). */
function pairKeys(
  refs: readonly PairRef[] | undefined,
  pIndex: Map<string, number>,
  rIndex: Map<string, number>,
  R: number,
  unknown?: InfeasibilityReason[],
): number[] {
  const keys: number[] = [];
  for (const ref of refs ?? []) {
    const p = pIndex.get(ref.proposal);
    const r = rIndex.get(ref.reviewer);
    if (p === undefined || r === undefined) {
      if (unknown && p === undefined) unknown.push({ kind: 'unknown-id', what: 'proposal', id: ref.proposal });
      if (unknown && r === undefined) unknown.push({ kind: 'unknown-id', what: 'reviewer', id: ref.reviewer });
      continue;
    }
    keys.push(p * R + r);
  }
  return keys;
}

interface SortedPairs {
  p: Int32Array;
  r: Int32Array;
  a: Int32Array;
  /** Offsets of each proposal's pairs. */
  start: Int32Array;
}

/**
 * Candidate pairs in sorted-id order, by (proposal, reviewer): two stable counting sorts (by
 * reviewer, then by proposal), then one pass that merges duplicates, keeping the highest affinity.
 * Linear in the number of pairs and free of comparisons, so 1.2 M pairs take milliseconds.
 */
function sortCandidates(snapshot: AssignmentSnapshot, pRank: Int32Array, rRank: Int32Array, P: number): SortedPairs {
  const { proposal, reviewer, affinity } = snapshot.pairs;
  const n = proposal.length;
  const R = rRank.length;
  // Pass 1: order of the input rows by reviewer rank.
  const byReviewer = new Int32Array(R + 1);
  for (let k = 0; k < n; k++) byReviewer[rRank[reviewer[k]!]! + 1]!++;
  for (let r = 0; r < R; r++) byReviewer[r + 1]! += byReviewer[r]!;
  const rowsByReviewer = new Int32Array(n);
  for (let k = 0; k < n; k++) rowsByReviewer[byReviewer[rRank[reviewer[k]!]!]!++] = k;
  // Pass 2: stable by proposal rank, so each proposal's rows come out in reviewer order.
  const byProposal = new Int32Array(P + 1);
  for (let k = 0; k < n; k++) byProposal[pRank[proposal[k]!]! + 1]!++;
  for (let p = 0; p < P; p++) byProposal[p + 1]! += byProposal[p]!;
  const fill = byProposal.slice(0, P);
  const rows = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const k = rowsByReviewer[i]!;
    rows[fill[pRank[proposal[k]!]!]!++] = k;
  }
  const outP = new Int32Array(n);
  const outR = new Int32Array(n);
  const outA = new Int32Array(n);
  const start = new Int32Array(P + 1);
  let m = 0;
  for (let p = 0; p < P; p++) {
    start[p] = m;
    for (let i = byProposal[p]!; i < byProposal[p + 1]!; i++) {
      const k = rows[i]!;
      const rk = rRank[reviewer[k]!]!;
      const ak = affinity[k]!;
      if (m > start[p]! && outR[m - 1] === rk) {
        if (ak > outA[m - 1]!) outA[m - 1] = ak;
        continue;
      }
      outP[m] = p;
      outR[m] = rk;
      outA[m] = ak;
      m++;
    }
  }
  start[P] = m;
  return { p: outP.subarray(0, m), r: outR.subarray(0, m), a: outA.subarray(0, m), start };
}

function lookupAffinity(sorted: SortedPairs, p: number, r: number): number | undefined {
  let lo = sorted.start[p]!;
  let hi = sorted.start[p + 1]! - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const at = sorted.r[mid]!;
    if (at === r) return sorted.a[mid];
    if (at < r) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}

export function compileInstance(snapshot: AssignmentSnapshot, allowChurn = false): Instance {
  const P = snapshot.proposals.length;
  const R = snapshot.reviewers.length;
  const ps = sortedIndex(snapshot.proposals.map((p) => p.id));
  const rs = sortedIndex(snapshot.reviewers.map((r) => r.id));
  const proposalIds = ps.order.map((i) => snapshot.proposals[i]!.id);
  const reviewerIds = rs.order.map((i) => snapshot.reviewers[i]!.id);
  const demand0 = Int32Array.from(ps.order, (i) => snapshot.proposals[i]!.demand);
  const maxLoad0 = Int32Array.from(rs.order, (i) => snapshot.reviewers[i]!.maxLoad);
  const minLoad0 = Int32Array.from(rs.order, (i) => snapshot.reviewers[i]!.minLoad ?? 0);
  const reasons: InfeasibilityReason[] = [];

  const sorted = sortCandidates(snapshot, ps.rank, rs.rank, P);
  const affinityOf = (p: number, r: number) => lookupAffinity(sorted, p, r);

  const forbidden = new Set(pairKeys(snapshot.forbidden, ps.index, rs.index, R));
  const fixedOrigin = new Map<number, 'existing' | 'forced'>();
  const dropped: PairRef[] = [];
  if (!allowChurn) {
    for (const ref of snapshot.existing ?? []) {
      const p = ps.index.get(ref.proposal);
      const r = rs.index.get(ref.reviewer);
      if (p === undefined || r === undefined || forbidden.has(p * R + r)) dropped.push(ref);
      else fixedOrigin.set(p * R + r, 'existing');
    }
  }
  for (const key of pairKeys(snapshot.forced, ps.index, rs.index, R, reasons)) {
    if (forbidden.has(key)) {
      reasons.push({ kind: 'forced-is-forbidden', proposal: proposalIds[Math.floor(key / R)]!, reviewer: reviewerIds[key % R]! });
    } else fixedOrigin.set(key, 'forced');
  }

  const fixedKeys = [...fixedOrigin.keys()].sort((a, b) => a - b);
  const fixedP = Int32Array.from(fixedKeys, (key) => Math.floor(key / R));
  const fixedR = Int32Array.from(fixedKeys, (key) => key % R);
  const fixedA = Int32Array.from(fixedKeys, (key) => affinityOf(Math.floor(key / R), key % R) ?? 0);
  const demand = demand0.slice();
  const maxLoad = maxLoad0.slice();
  const minLoad = minLoad0.slice();
  const fixedAffinity = new Float64Array(P);
  for (let k = 0; k < fixedKeys.length; k++) {
    demand[fixedP[k]!]!--;
    maxLoad[fixedR[k]!]!--;
    minLoad[fixedR[k]!] = Math.max(0, minLoad[fixedR[k]!]! - 1);
    fixedAffinity[fixedP[k]!]! += fixedA[k]!;
  }
  for (let p = 0; p < P; p++) {
    if (demand[p]! < 0) {
      reasons.push({
        kind: 'forced-exceeds-demand',
        proposal: proposalIds[p]!,
        demand: demand0[p]!,
        forced: demand0[p]! - demand[p]!,
      });
    }
  }
  for (let r = 0; r < R; r++) {
    if (maxLoad[r]! < 0) {
      reasons.push({
        kind: 'forced-exceeds-load',
        reviewer: reviewerIds[r]!,
        maxLoad: maxLoad0[r]!,
        forced: maxLoad0[r]! - maxLoad[r]!,
      });
    }
  }

  const free = new Int32Array(sorted.p.length);
  let freeCount = 0;
  const filtering = forbidden.size > 0 || fixedOrigin.size > 0;
  for (let k = 0; k < sorted.p.length; k++) {
    const key = sorted.p[k]! * R + sorted.r[k]!;
    if (!filtering || (!forbidden.has(key) && !fixedOrigin.has(key))) free[freeCount++] = k;
  }
  const keep = (values: Int32Array) => {
    if (freeCount === values.length) return values;
    const out = new Int32Array(freeCount);
    for (let i = 0; i < freeCount; i++) out[i] = values[free[i]!]!;
    return out;
  };

  const expertiseNames = [
    ...new Set([
      ...snapshot.proposals.flatMap((p) => p.requiredExpertise ?? []),
      ...snapshot.reviewers.flatMap((r) => r.expertise ?? []),
    ]),
  ].sort(byCodeUnits);
  const classOf = new Map(expertiseNames.map((name, i) => [name, i]));
  const reviewerExpertise = rs.order.map((i) =>
    [...new Set((snapshot.reviewers[i]!.expertise ?? []).map((e) => classOf.get(e)!))].sort((a, b) => a - b),
  );
  const required = ps.order.map((i, p) => {
    const classes = [...new Set((snapshot.proposals[i]!.requiredExpertise ?? []).map((e) => classOf.get(e)!))].sort(
      (a, b) => a - b,
    );
    const covered = new Set<number>();
    for (let k = 0; k < fixedKeys.length; k++)
      if (fixedP[k] === p) for (const e of reviewerExpertise[fixedR[k]!]!) covered.add(e);
    return classes.filter((e) => !covered.has(e));
  });

  return {
    proposalIds,
    reviewerIds,
    demand0,
    minLoad0,
    maxLoad0,
    demand,
    minLoad,
    maxLoad,
    pairP: keep(sorted.p),
    pairR: keep(sorted.r),
    pairA: keep(sorted.a),
    fixedP,
    fixedR,
    fixedA,
    fixedOrigin: fixedKeys.map((key) => fixedOrigin.get(key)!),
    fixedAffinity,
    required,
    reviewerExpertise,
    expertiseNames,
    dropped,
    reasons,
  };
}

export const hasExpertiseRequirements = (instance: Instance) => instance.required.some((classes) => classes.length > 0);
