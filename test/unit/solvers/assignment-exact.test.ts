import { describe, expect, it } from 'vitest';
import { solveAssignment } from '../../../src/solvers/assignment/solve.js';
import type { AssignmentSolution } from '../../../src/solvers/assignment/types.js';
import { assertSolved, bruteForceFair, randomInstance, referenceOptimum } from './assignment-fixtures.js';

/** Checks every hard constraint of a returned assignment against the snapshot. */
function expectValid(result: AssignmentSolution, instance: ReturnType<typeof randomInstance>) {
  const { snapshot } = instance;
  const candidates = new Map(instance.pairs.map(([p, r, a]) => [`p${p}/r${r}`, a]));
  const forbidden = new Set((snapshot.forbidden ?? []).map((f) => `${f.proposal}/${f.reviewer}`));
  const perProposal = new Map<string, number>();
  const perReviewer = new Map<string, number>();
  for (const pair of result.assignments) {
    const key = `${pair.proposal}/${pair.reviewer}`;
    expect(forbidden.has(key)).toBe(false);
    expect(candidates.has(key)).toBe(true);
    perProposal.set(pair.proposal, (perProposal.get(pair.proposal) ?? 0) + 1);
    perReviewer.set(pair.reviewer, (perReviewer.get(pair.reviewer) ?? 0) + 1);
  }
  for (const p of snapshot.proposals) expect(perProposal.get(p.id) ?? 0).toBe(p.demand);
  for (const r of snapshot.reviewers) {
    expect(perReviewer.get(r.id) ?? 0).toBeLessThanOrEqual(r.maxLoad);
    expect(perReviewer.get(r.id) ?? 0).toBeGreaterThanOrEqual(r.minLoad ?? 0);
  }
  for (const f of snapshot.forced ?? [])
    expect(result.assignments.some((a) => a.proposal === f.proposal && a.reviewer === f.reviewer)).toBe(true);
  expect(result.totalAffinity).toBe(result.assignments.reduce((s, a) => s + a.affinity, 0));
}

describe('assignment solver, total mode, against an exact MILP (HiGHS)', () => {
  it('finds the optimum (or proves infeasibility) on 200 random small instances with loads, forced and forbidden pairs', async () => {
    let feasible = 0;
    for (let seed = 1; seed <= 200; seed++) {
      const instance = randomInstance(seed, { maxP: 7, maxR: 6, minLoads: true, forced: true });
      const [result, reference] = await Promise.all([solveAssignment(instance.snapshot), referenceOptimum(instance)]);
      if (reference === 'infeasible') {
        expect(result.status, `seed ${seed}`).toBe('infeasible');
        if (result.status === 'infeasible') expect(result.reasons.length).toBeGreaterThan(0);
        continue;
      }
      feasible++;
      expect(result.status, `seed ${seed}`).toBe('optimal');
      if (result.status !== 'optimal') continue;
      expect(result.totalAffinity, `seed ${seed}`).toBe(reference);
      expectValid(result, instance);
    }
    // The generator must exercise both outcomes for the comparison to mean something.
    expect(feasible).toBeGreaterThan(40);
    expect(feasible).toBeLessThan(200);
  });
});

describe('assignment solver, fairness mode, against brute force', () => {
  it('maximises the worst-served proposal, then the total among those (exact MILP path)', async () => {
    let compared = 0;
    for (let seed = 1; seed <= 120; seed++) {
      const instance = randomInstance(1000 + seed, { maxP: 4, maxR: 5 });
      instance.snapshot.forbidden = [];
      const brute = bruteForceFair(instance);
      const result = await solveAssignment(instance.snapshot, { mode: 'fair' });
      if (brute === 'infeasible') {
        expect(result.status, `seed ${seed}`).toBe('infeasible');
        continue;
      }
      compared++;
      expect(result.status, `seed ${seed}`).toBe('optimal');
      if (result.status !== 'optimal') continue;
      expect(result.worstProposal?.affinity, `seed ${seed}`).toBe(brute.worst);
      expect(result.totalAffinity, `seed ${seed}`).toBe(brute.total);
      expectValid(result, instance);
    }
    expect(compared).toBeGreaterThan(30);
  });

  it('at scale (the flow heuristic): never above the proven bound, never below the total-mode worst', async () => {
    for (let seed = 1; seed <= 60; seed++) {
      const instance = randomInstance(5000 + seed, { maxP: 4, maxR: 5 });
      instance.snapshot.forbidden = [];
      const brute = bruteForceFair(instance);
      if (brute === 'infeasible') continue;
      const total = await solveAssignment(instance.snapshot, { mode: 'total' });
      const fair = await solveAssignment(instance.snapshot, { mode: 'fair', exactFairPairLimit: 0 });
      assertSolved(fair);
      assertSolved(total);
      expectValid(fair, instance);
      expect(fair.worstProposal!.affinity).toBeLessThanOrEqual(brute.worst);
      expect(fair.worstProposal!.affinity).toBeGreaterThanOrEqual(total.worstProposal!.affinity);
      expect(fair.bounds.worstAffinity).toBeGreaterThanOrEqual(brute.worst);
      if (fair.exact) expect([fair.worstProposal!.affinity, fair.totalAffinity]).toEqual([brute.worst, brute.total]);
    }
  });
});
