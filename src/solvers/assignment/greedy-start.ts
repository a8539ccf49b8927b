// A head start for successive shortest paths: each proposal first takes its cheapest experts while
// they have room at zero cost, and gets a potential that certifies this partial flow as optimal for
// what it has sent so far (every residual arc keeps a non-negative reduced cost). Shortest paths
// then only route what the greedy pass could not place, usually a small fraction of the units.
//
// Why it is exact: with potential π(p) = −c* (c* the cost of the cheapest pair p did not take,
// its pairs taken in order of cost) and π = 0 on experts and the sink, a taken pair's reverse arc
// has reduced cost c* − c ≥ 0, an untaken pair's forward arc c − c* ≥ 0, and the zero-cost expert →
// sink arcs 0 both ways. Nothing else carries flow, so the SSP invariant holds from here on.
import type { FlowNetwork } from './min-cost-flow.js';

export interface GreedyInput {
  net: FlowNetwork;
  /** Pair k is arc 2k, and a proposal's pairs are contiguous from pairStart[p]. */
  pairStart: Int32Array;
  pairR: Int32Array;
  demand: Int32Array;
  /** Per expert, its zero-cost arc to the sink (-1 when it has none). */
  zeroSinkArc: Int32Array;
  potential: Float64Array;
}

/** Sends what it can; returns the units placed per proposal. Deterministic: ties go to the lower pair. */
export function greedyStart({ net, pairStart, pairR, demand, zeroSinkArc, potential }: GreedyInput): Int32Array {
  const { residual, cost } = net;
  const P = demand.length;
  const placed = new Int32Array(P);
  // Marks pairs already taken by the current proposal (cleared by generation, no reallocation).
  let maxRun = 0;
  for (let p = 0; p < P; p++) maxRun = Math.max(maxRun, pairStart[p + 1]! - pairStart[p]!);
  const taken = new Uint8Array(maxRun);
  for (let p = 0; p < P; p++) {
    const from = pairStart[p]!;
    const to = pairStart[p + 1]!;
    if (to === from || demand[p]! <= 0) continue;
    taken.fill(0, 0, to - from);
    let cheapestLeft = Infinity;
    for (;;) {
      // The cheapest pair not yet taken.
      let best = -1;
      let bestCost = Infinity;
      for (let k = from; k < to; k++) {
        if (taken[k - from] === 0 && cost[2 * k]! < bestCost) {
          bestCost = cost[2 * k]!;
          best = k;
        }
      }
      if (best < 0) break;
      const sinkArc = zeroSinkArc[pairR[best]!]!;
      if (placed[p]! >= demand[p]! || sinkArc < 0 || residual[sinkArc]! <= 0) {
        cheapestLeft = bestCost;
        break;
      }
      taken[best - from] = 1;
      net.push(2 * best);
      net.push(sinkArc);
      placed[p]!++;
      cheapestLeft = bestCost;
    }
    potential[p] = -cheapestLeft;
  }
  return placed;
}
