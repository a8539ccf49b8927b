// Fairness mode: maximise the worst-served proposal's affinity first, then the total.
//
// "Every proposal's sum ≥ T" is not a flow constraint (max-min allocation is NP-hard in general), so:
// - exact: a two-stage MILP (max T; then max total subject to every sum ≥ T), used up to
//   `exactFairPairLimit` free pairs and whenever expertise is required;
// - at scale: a flow heuristic that raises the weight of proposals below a target T and re-solves,
//   with a binary search on T. It is checked against a proven upper bound (each proposal alone with
//   its best eligible experts): when it reaches the bound, the max-min stage is proven optimal.
//   The total is bounded by the total-mode optimum.
import { solveByFlow } from './flow-solve.js';
import { hasExpertiseRequirements, type Instance } from './instance.js';
import { solveByMilp } from './milp.js';
import { score, worstUpperBound } from './result.js';
import type { AssignmentOptions, AssignmentStats } from './types.js';

export interface FairRun {
  chosen: Uint8Array;
  exact: boolean;
  worstBound: number;
  totalBound: number;
  method: AssignmentStats['method'];
  solves: number;
}

export const DEFAULT_EXACT_FAIR_PAIR_LIMIT = 5_000;
/** Without a time limit the heuristic stops after this long (the target is 30 s at 1.2 M pairs). */
const DEFAULT_HEURISTIC_BUDGET_MS = 25_000;

export async function maximiseWorst(
  instance: Instance,
  totalChosen: Uint8Array,
  options: AssignmentOptions,
  deadline?: number,
): Promise<FairRun> {
  let upper = worstUpperBound(instance);
  const start = score(instance, totalChosen);
  // The total optimum already reaches the bound: it is max-min optimal and, among those, max total.
  if (start.worstAffinity >= upper) {
    return { chosen: totalChosen, exact: true, worstBound: upper, totalBound: start.total, method: 'flow', solves: 0 };
  }
  const limit = options.exactFairPairLimit ?? DEFAULT_EXACT_FAIR_PAIR_LIMIT;
  // Without a caller's limit the exact stage still gets a budget, so a hard max-min MILP falls back
  // to the heuristic (with its bound) instead of running for hours.
  const budgetEnd = deadline ?? Date.now() + DEFAULT_HEURISTIC_BUDGET_MS;
  const remaining = () => Math.max(0, budgetEnd - Date.now());
  if (hasExpertiseRequirements(instance) || instance.pairP.length <= limit) {
    options.onProgress?.({ phase: 'fair: max-min (MILP)', done: 0, total: 2 });
    const worst = await solveByMilp(instance, { objective: 'worst', timeLimitMs: remaining() });
    if (worst.status === 'optimal') {
      options.onProgress?.({ phase: 'fair: total at the max-min (MILP)', done: 1, total: 2 });
      const best = await solveByMilp(instance, { objective: 'total', worstAtLeast: worst.objective, timeLimitMs: remaining() });
      if (best.status === 'optimal' || best.status === 'time-limit') {
        const exact = best.status === 'optimal';
        return {
          chosen: best.chosen,
          exact,
          worstBound: worst.objective,
          totalBound: exact ? best.objective : best.bound,
          method: 'milp',
          solves: 2,
        };
      }
      return {
        chosen: worst.chosen,
        exact: false,
        worstBound: worst.objective,
        totalBound: start.total,
        method: 'milp',
        solves: 2,
      };
    }
    if (worst.status === 'time-limit' && hasExpertiseRequirements(instance)) {
      const better = score(instance, worst.chosen).worstAffinity > start.worstAffinity;
      const chosen = better ? worst.chosen : totalChosen;
      return {
        chosen,
        exact: false,
        worstBound: Math.min(upper, worst.bound),
        totalBound: start.total,
        method: 'milp',
        solves: 1,
      };
    }
    if (worst.status === 'time-limit') upper = Math.min(upper, worst.bound);
  }
  return heuristic(instance, totalChosen, upper, options, deadline ?? Date.now() + DEFAULT_HEURISTIC_BUDGET_MS);
}

function heuristic(
  instance: Instance,
  totalChosen: Uint8Array,
  upper: number,
  options: AssignmentOptions,
  deadline: number,
): FairRun {
  const P = instance.demand.length;
  let best = { chosen: totalChosen, ...score(instance, totalChosen) };
  const totalOptimum = best.total;
  let lo = best.worstAffinity;
  let hi = upper;
  let solves = 0;
  while (lo < hi && Date.now() < deadline) {
    const target = lo + Math.ceil((hi - lo) / 2);
    options.onProgress?.({ phase: `fair: trying worst ≥ ${target} (bound ${upper})`, done: lo, total: upper });
    const weights = new Int32Array(P).fill(1);
    const guarded = new Uint8Array(P);
    let current = best;
    let reached = false;
    // Up to three rounds, each guarding the proposals still below the target, two ways:
    // (a) a guarded proposal may only take experts with affinity ≥ ⌈(target − fixed) / demand⌉, which
    //     guarantees it the target whenever the flow stays complete (a pure flow question);
    // (b) failing that, guarded proposals weigh 4× more each round in the objective.
    for (let round = 0; round < 3 && Date.now() < deadline; round++) {
      for (let p = 0; p < P; p++) {
        if (instance.demand0[p]! > 0 && current.perProposal[p]! < target) {
          guarded[p] = 1;
          weights[p]! *= 4;
        }
      }
      const phase = `fair ≥ ${target}`;
      let chosen = solveGuarded(instance, guarded, target, deadline);
      solves++;
      if (!chosen) {
        const run = solveByFlow(instance, { weights, deadline, onProgress: options.onProgress, phase });
        solves++;
        if (run.status !== 'complete') break;
        chosen = run.chosen;
      }
      current = { chosen, ...score(instance, chosen) };
      if (current.worstAffinity >= target) {
        reached = true;
        break;
      }
    }
    if (reached) {
      best = current;
      lo = current.worstAffinity;
    } else {
      hi = target - 1;
    }
  }
  return {
    chosen: best.chosen,
    // Proven only when the bound is reached and nothing of the total optimum was given up.
    exact: best.worstAffinity >= upper && best.total >= totalOptimum,
    worstBound: upper,
    totalBound: Infinity,
    method: 'flow-heuristic',
    solves,
  };
}

/** The max-total flow with guarded proposals restricted to experts good enough to reach `target`; null if incomplete. */
function solveGuarded(instance: Instance, guarded: Uint8Array, target: number, deadline: number): Uint8Array | null {
  const { pairP, pairA, demand, fixedAffinity } = instance;
  const keep: number[] = [];
  for (let k = 0; k < pairP.length; k++) {
    const p = pairP[k]!;
    if (!guarded[p] || demand[p]! <= 0 || pairA[k]! * demand[p]! >= target - fixedAffinity[p]!) keep.push(k);
  }
  const pick = (values: Int32Array) => Int32Array.from(keep, (k) => values[k]!);
  const restricted: Instance = {
    ...instance,
    pairP: pick(instance.pairP),
    pairR: pick(instance.pairR),
    pairA: pick(instance.pairA),
  };
  const run = solveByFlow(restricted, { deadline });
  if (run.status !== 'complete') return null;
  const chosen = new Uint8Array(pairP.length);
  keep.forEach((k, i) => {
    chosen[k] = run.chosen[i]!;
  });
  return chosen;
}
