// The assignment as a min-cost flow: proposal → (candidate pair, capacity 1) → reviewer → sink.
// Each proposal is a source of `demand` units, so every feasible flow gives exactly N reviews each.
// Min loads use two parallel reviewer → sink arcs: the first `minLoad` units cost 0 and the rest
// cost BIG, with BIG above any possible difference in affinity, so the cheapest flow meets every
// min load whenever some flow can (the lower-bound transformation, done through costs).
import { explainMinLoads, explainShortfall } from './explain.js';
import { greedyStart } from './greedy-start.js';
import type { Instance } from './instance.js';
import { FlowNetwork, ShortestPathSolver } from './min-cost-flow.js';
import type { AssignmentProgress, InfeasibilityReason } from './types.js';

export interface FlowRun {
  /** Per free pair: 1 when assigned. */
  chosen: Uint8Array;
  status: 'complete' | 'infeasible' | 'time-limit';
  reasons: InfeasibilityReason[];
}

export interface FlowOptions {
  /** Integer weight per proposal on its affinities (fairness heuristic); 1 everywhere by default. */
  weights?: Int32Array;
  deadline?: number;
  onProgress?: (progress: AssignmentProgress) => void;
  phase?: string;
}

export interface AssignmentNetwork {
  net: FlowNetwork;
  sink: number;
  totalDemand: number;
  /** Per expert: its zero-cost arc to the sink carrying the min load (-1 when none). */
  minArc: Int32Array;
  /** Per expert: its zero-cost arc to the sink (the min-load arc, or the only arc without min loads). */
  zeroSinkArc: Int32Array;
  /** Pair k is arc 2k; a proposal's pairs are pairStart[p]..pairStart[p + 1]. */
  pairStart: Int32Array;
}

export function buildNetwork(instance: Instance, weights?: Int32Array): AssignmentNetwork {
  const { demand, minLoad, maxLoad, pairP, pairR, pairA } = instance;
  const P = demand.length;
  const R = maxLoad.length;
  const sink = P + R;
  let maxA = 0;
  let minA = 0;
  for (let k = 0; k < pairA.length; k++) {
    if (k === 0 || pairA[k]! > maxA) maxA = pairA[k]!;
    if (k === 0 || pairA[k]! < minA) minA = pairA[k]!;
  }
  let totalDemand = 0;
  let maxWeight = 1;
  for (let p = 0; p < P; p++) {
    totalDemand += Math.max(0, demand[p]!);
    if (weights && weights[p]! > maxWeight) maxWeight = weights[p]!;
  }
  const hasMinLoads = minLoad.some((m) => m > 0);
  const big = hasMinLoads ? 1 + totalDemand * maxWeight * (maxA - minA) : 0;

  const net = new FlowNetwork(P + R + 1, pairP.length + 2 * R);
  // Costs are shifted to maxA − affinity ≥ 0: every unit crosses exactly one pair arc, so the shift
  // adds the same constant to every complete flow and leaves the optimum unchanged.
  for (let k = 0; k < pairP.length; k++) {
    net.addArc(pairP[k]!, P + pairR[k]!, 1, (weights ? weights[pairP[k]!]! : 1) * (maxA - pairA[k]!));
  }
  const minArc = new Int32Array(R).fill(-1);
  const zeroSinkArc = new Int32Array(R).fill(-1);
  for (let r = 0; r < R; r++) {
    const upper = Math.max(0, maxLoad[r]!);
    const lower = Math.min(Math.max(0, minLoad[r]!), upper);
    if (lower > 0) zeroSinkArc[r] = minArc[r] = net.addArc(P + r, sink, lower, 0);
    if (upper > lower) {
      const arc = net.addArc(P + r, sink, upper - lower, big);
      if (big === 0) zeroSinkArc[r] = arc;
    }
  }
  net.freeze();
  const pairStart = new Int32Array(P + 1);
  for (let k = 0; k < pairP.length; k++) pairStart[pairP[k]! + 1]!++;
  for (let p = 0; p < P; p++) pairStart[p + 1]! += pairStart[p]!;
  return { net, sink, totalDemand, minArc, zeroSinkArc, pairStart };
}

export function solveByFlow(instance: Instance, options: FlowOptions = {}): FlowRun {
  const { demand, pairP, pairR } = instance;
  const P = demand.length;
  const { net, sink, totalDemand, minArc, zeroSinkArc, pairStart } = buildNetwork(instance, options.weights);
  const solver = new ShortestPathSolver(net);
  const placed = greedyStart({ net, pairStart, pairR, demand, zeroSinkArc, potential: solver.potential });
  const unfilled: number[] = [];
  let done = 0;
  let augmented = 0;
  let status: FlowRun['status'] = 'complete';
  const pastDeadline = () => options.deadline !== undefined && Date.now() >= options.deadline;
  if (pastDeadline() && placed.some((units, p) => units < demand[p]!)) status = 'time-limit';
  outer: for (let p = 0; p < P && status === 'complete'; p++) {
    done += placed[p]!;
    for (let unit = placed[p]!; unit < demand[p]!; unit++) {
      if (!solver.augment(p, sink)) {
        unfilled.push(p);
        break;
      }
      done++;
      if ((++augmented & 1023) === 0) {
        options.onProgress?.({ phase: options.phase ?? 'flow', done, total: totalDemand });
        if (pastDeadline()) {
          status = 'time-limit';
          break outer;
        }
      }
    }
  }

  const chosen = new Uint8Array(pairP.length);
  for (let k = 0; k < pairP.length; k++) chosen[k] = net.flowOn(2 * k);
  if (status === 'time-limit') return { chosen, status, reasons: [] };

  const reasons: InfeasibilityReason[] = [];
  if (unfilled.length > 0) reasons.push(...explainShortfall(instance, net, unfilled));
  const unmet = [...minArc.keys()].filter((r) => minArc[r]! >= 0 && net.residual[minArc[r]!]! > 0);
  if (unmet.length > 0) reasons.push(...explainMinLoads(instance, unmet));
  return { chosen, status: reasons.length > 0 ? 'infeasible' : 'complete', reasons };
}
