// The greedy head start of the min-cost flow must never cost optimality: larger instances than the
// 200-instance comparison (so the greedy pass places most units and shortest paths must undo some of
// its choices), many tied affinities, min loads, forced pairs, and per-proposal weights.
import { describe, expect, it } from 'vitest';
import { buildNetwork, solveByFlow } from '../../../src/solvers/assignment/flow-solve.js';
import { greedyStart } from '../../../src/solvers/assignment/greedy-start.js';
import { compileInstance } from '../../../src/solvers/assignment/instance.js';
import { solveAssignment } from '../../../src/solvers/assignment/solve.js';
import { randomInstance, referenceOptimum, rng, type SmallInstance } from './assignment-fixtures.js';

/** Affinities squeezed to 0..3 so that most pairs tie and tie-breaking matters. */
function withTies(instance: SmallInstance): SmallInstance {
  const pairs = instance.pairs.map(([p, r, a]) => [p, r, a % 4] as [number, number, number]);
  return {
    pairs,
    snapshot: { ...instance.snapshot, pairs: { ...instance.snapshot.pairs, affinity: Int32Array.from(pairs, (x) => x[2]) } },
  };
}

describe('greedy start', () => {
  it('leaves a flow its potentials certify: every residual arc has a non-negative reduced cost', () => {
    let placedSome = 0;
    for (let seed = 1; seed <= 80; seed++) {
      const instance = compileInstance(randomInstance(3000 + seed, { maxP: 30, maxR: 20, minLoads: seed % 2 === 0 }).snapshot);
      const { net, zeroSinkArc, pairStart } = buildNetwork(instance);
      const potential = new Float64Array(net.nodeCount);
      const placed = greedyStart({ net, pairStart, pairR: instance.pairR, demand: instance.demand, zeroSinkArc, potential });
      for (let a = 0; a < net.arcCount; a++) {
        if (net.residual[a]! <= 0) continue;
        const reduced = net.cost[a]! + potential[net.tail[a]!]! - potential[net.head[a]!]!;
        expect(reduced, `seed ${seed}, arc ${a}`).toBeGreaterThanOrEqual(0);
      }
      placed.forEach((units, p) => {
        expect(units).toBeLessThanOrEqual(Math.max(0, instance.demand[p]!));
      });
      if (placed.some((units) => units > 0)) placedSome++;
    }
    expect(placedSome).toBeGreaterThan(60);
  });
});

describe('min-cost flow with a greedy start, against HiGHS', () => {
  it('finds the optimum on 60 medium instances (up to 40 × 30) with ties, min loads and forced pairs', async () => {
    let feasible = 0;
    for (let seed = 1; seed <= 60; seed++) {
      const base = randomInstance(5000 + seed, { maxP: 40, maxR: 30, minLoads: seed % 2 === 0, forced: seed % 3 === 0 });
      const instance = seed % 4 < 2 ? withTies(base) : base;
      const [result, reference] = await Promise.all([solveAssignment(instance.snapshot), referenceOptimum(instance)]);
      if (reference === 'infeasible') {
        expect(result.status, `seed ${seed}`).toBe('infeasible');
        continue;
      }
      feasible++;
      expect(result.status, `seed ${seed}`).toBe('optimal');
      if (result.status === 'optimal') expect(result.totalAffinity, `seed ${seed}`).toBe(reference);
    }
    expect(feasible).toBeGreaterThan(10);
  });

  it('maximises the weighted total when proposals carry weights (the fairness heuristic’s flows)', async () => {
    let compared = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const instance = withTies(randomInstance(7000 + seed, { maxP: 25, maxR: 20 }));
      const rand = rng(seed);
      const weights = Int32Array.from(instance.snapshot.proposals, () => 1 + Math.floor(rand() * 16));
      // Proposal ids p0..p24 sort as strings, so map weights through the compiled order.
      const compiled = compileInstance(instance.snapshot);
      const compiledWeights = Int32Array.from(compiled.proposalIds, (id) => weights[Number(id.slice(1))]!);
      const run = solveByFlow(compiled, { weights: compiledWeights });
      const scaled: SmallInstance = {
        ...instance,
        pairs: instance.pairs.map(([p, r, a]) => [p, r, a * weights[p]!]),
      };
      const reference = await referenceOptimum(scaled);
      if (reference === 'infeasible') {
        expect(run.status, `seed ${seed}`).toBe('infeasible');
        continue;
      }
      expect(run.status, `seed ${seed}`).toBe('complete');
      let weighted = 0;
      for (let k = 0; k < run.chosen.length; k++) {
        if (run.chosen[k]) weighted += compiled.pairA[k]! * compiledWeights[compiled.pairP[k]!]!;
      }
      expect(weighted, `seed ${seed}`).toBe(reference);
      compared++;
    }
    expect(compared).toBeGreaterThan(10);
  });
});
