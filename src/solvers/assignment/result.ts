// Turns chosen free pairs plus the fixed pairs into the solver's answer, sorted by (proposal, expert).
import type { Instance } from './instance.js';
import type { AssignedPair, AssignmentMode, AssignmentSolution, AssignmentStats } from './types.js';

export interface Scores {
  perProposal: Float64Array;
  total: number;
  /** Index of the least-served proposal with a demand (lowest id on ties), -1 when none. */
  worst: number;
  worstAffinity: number;
}

export function score(instance: Instance, chosen: Uint8Array): Scores {
  const perProposal = instance.fixedAffinity.slice();
  for (let k = 0; k < chosen.length; k++) if (chosen[k]) perProposal[instance.pairP[k]!]! += instance.pairA[k]!;
  let total = 0;
  let worst = -1;
  for (let p = 0; p < perProposal.length; p++) {
    total += perProposal[p]!;
    if (instance.demand0[p]! > 0 && (worst < 0 || perProposal[p]! < perProposal[worst]!)) worst = p;
  }
  return { perProposal, total, worst, worstAffinity: worst < 0 ? 0 : perProposal[worst]! };
}

export function buildSolution(
  instance: Instance,
  chosen: Uint8Array,
  mode: AssignmentMode,
  proof: { exact: boolean; worstBound: number; totalBound: number },
  stats: AssignmentStats,
): AssignmentSolution {
  const { proposalIds, reviewerIds } = instance;
  const pairs: { p: number; r: number; a: number; origin: AssignedPair['origin'] }[] = [];
  for (let k = 0; k < instance.fixedP.length; k++) {
    pairs.push({ p: instance.fixedP[k]!, r: instance.fixedR[k]!, a: instance.fixedA[k]!, origin: instance.fixedOrigin[k]! });
  }
  for (let k = 0; k < chosen.length; k++) {
    if (chosen[k]) pairs.push({ p: instance.pairP[k]!, r: instance.pairR[k]!, a: instance.pairA[k]!, origin: 'solver' });
  }
  pairs.sort((x, y) => x.p - y.p || x.r - y.r);
  const scores = score(instance, chosen);
  return {
    status: proof.exact ? 'optimal' : 'feasible',
    mode,
    exact: proof.exact,
    assignments: pairs.map((x) => ({
      proposal: proposalIds[x.p]!,
      reviewer: reviewerIds[x.r]!,
      affinity: x.a,
      origin: x.origin,
    })),
    totalAffinity: scores.total,
    worstProposal: scores.worst < 0 ? null : { id: proposalIds[scores.worst]!, affinity: scores.worstAffinity },
    bounds: { worstAffinity: proof.worstBound, totalAffinity: proof.totalBound },
    dropped: instance.dropped,
    stats,
  };
}

/** Proven upper bound on the worst proposal's affinity: each proposal alone with its best eligible experts. */
export function worstUpperBound(instance: Instance): number {
  const { demand, demand0, maxLoad, pairP, pairR, pairA, fixedAffinity } = instance;
  // Pairs are sorted by proposal: one run of pairs per proposal. The best `demand` affinities of a
  // run are kept in a small descending array (demands are a handful), not by sorting the run.
  let bound = Infinity;
  let maxDemand = 0;
  for (let p = 0; p < demand.length; p++) maxDemand = Math.max(maxDemand, demand[p]!);
  const best = new Float64Array(maxDemand);
  for (let k = 0, p = 0; p < demand.length; p++) {
    const keep = Math.max(0, demand[p]!);
    let kept = 0;
    for (; k < pairP.length && pairP[k] === p; k++) {
      if (maxLoad[pairR[k]!]! <= 0 || keep === 0) continue;
      const a = pairA[k]!;
      if (kept === keep && a <= best[kept - 1]!) continue;
      let i = kept < keep ? kept++ : kept - 1;
      while (i > 0 && best[i - 1]! < a) {
        best[i] = best[i - 1]!;
        i--;
      }
      best[i] = a;
    }
    if (demand0[p]! <= 0) continue;
    let sum = fixedAffinity[p]!;
    for (let i = 0; i < kept; i++) sum += best[i]!;
    bound = Math.min(bound, sum);
  }
  return bound === Infinity ? 0 : bound;
}
