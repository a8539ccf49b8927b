import type { Highs } from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadHighs } from '../../../src/solvers/selection/load-highs.js';
import { explainDecisions } from '../../../src/solvers/selection/reasons.js';
import { type Solve, solveSelection } from '../../../src/solvers/selection/solve.js';
import { sweepBudgets } from '../../../src/solvers/selection/sweep.js';
import type { SelectionInstance } from '../../../src/solvers/selection/types.js';
import { forcedIn, forcedOut, minus, withBudget, withMerit } from '../../../src/solvers/selection/variants.js';
import { feasibleSet, randomInstance } from './selection-fixtures.js';

let solve: Solve;
beforeAll(async () => {
  const highs: Highs = await loadHighs();
  solve = (instance, options) => solveSelection(highs, instance, options);
});

const used = (instance: SelectionInstance, ids: string[], r: number) =>
  instance.proposals.filter((p) => ids.includes(p.id)).reduce((s, p) => s + ((p.minUse ?? p.use)[r] as number), 0);

describe('reasons for every decision, checked by re-solving', () => {
  it('states merit and budget changes that admit a rejected proposal, and what it would displace', () => {
    const seen = { budgetChanges: 0, meritChanges: 0, selectedChecked: 0 };
    for (let seed = 1; seed <= 40; seed++) {
      const instance = randomInstance(seed, { maxProposals: 10, relations: seed % 2 === 0 });
      const base = solve(instance);
      if (base.status !== 'optimal') continue;
      const optimum = base.objective as number;
      for (const e of explainDecisions(instance, base, solve)) {
        const at = `seed ${seed}, ${e.id}`;
        expect(e.exact, at).toBe(true);
        expect(e.text.length, at).toBeGreaterThan(0);
        if (e.because === 'official') continue;
        if (e.decision === 'selected') {
          const out = solve(forcedOut(instance, e.id));
          if (e.because === 'rules') expect(out.status, at).toBe('infeasible');
          else {
            expect(out.objective, at).toBe(optimum - (e.meritLost as number));
            expect(e.displaced, at).toEqual(minus(out.selected, base.selected));
            seen.selectedChecked++;
          }
          continue;
        }
        const proposal = instance.proposals.find((p) => p.id === e.id);
        if (!proposal) throw new Error(at);
        if (e.meritIncrease !== undefined) {
          seen.meritChanges++;
          // With the stated increase every optimal set takes it; with one less it at best ties.
          expect(solve(withMerit(instance, e.id, proposal.merit + e.meritIncrease)).selected, at).toContain(e.id);
          const short = solve(forcedIn(withMerit(instance, e.id, proposal.merit + e.meritIncrease - 1), e.id));
          expect(short.objective, at).toBe(optimum);
          const forced = solve(forcedIn(instance, e.id));
          expect(forced.objective, at).toBe(optimum - (e.meritLost as number));
          expect(e.displaces, at).toEqual(minus(base.selected, forced.selected));
        }
        for (const change of e.budgetIncreases ?? []) {
          seen.budgetChanges++;
          const r = instance.budgets.findIndex((b) => b.id === change.budget);
          const amount = (instance.budgets[r]?.amount as number) + change.extra;
          // The best set with it exceeds the budget by exactly the stated amount, and obeys the rest.
          expect(change.admittingSet, at).toContain(e.id);
          expect(used(instance, change.admittingSet, r) - (instance.budgets[r]?.amount as number), at).toBe(change.extra);
          expect(feasibleSet(withBudget(instance, r, amount), new Set(change.admittingSet)), at).toBe(true);
          expect(e.bindingBudgets, at).toContain(change.budget);
          // With that much more it is admitted; with one unit less it is not (strictly).
          expect(solve(withBudget(instance, r, amount)).selected, at).toContain(e.id);
          const lessIn = solve(forcedIn(withBudget(instance, r, amount - 1), e.id));
          const lessOut = solve(forcedOut(withBudget(instance, r, amount - 1), e.id));
          if (lessIn.status === 'optimal' && lessOut.status === 'optimal')
            expect(lessIn.objective as number, at).toBeLessThanOrEqual(lessOut.objective as number);
          else expect(lessIn.status, at).toBe('infeasible');
        }
        if (e.because === 'resources' && e.bindingBudgets.length > 0) {
          expect(feasibleSet(instance, new Set([...base.selected, e.id])), at).toBe(false);
        }
      }
    }
    expect(seen.budgetChanges).toBeGreaterThan(10);
    expect(seen.meritChanges).toBeGreaterThan(10);
    expect(seen.selectedChecked).toBeGreaterThan(10);
  }, 300_000);

  it('sweeps each budget from −20 % to +20 %: merit never falls as a budget grows', () => {
    const instance = randomInstance(7, { maxProposals: 12 });
    const points = sweepBudgets(instance, solve);
    expect(points).toHaveLength(instance.budgets.length * 9);
    for (const budget of instance.budgets) {
      const line = points.filter((p) => p.budget === budget.id);
      expect(line.map((p) => p.percent)).toEqual([-20, -15, -10, -5, 0, 5, 10, 15, 20]);
      for (let k = 1; k < line.length; k++) expect(line[k]?.objective ?? -1).toBeGreaterThanOrEqual(line[k - 1]?.objective ?? -1);
      expect(line[4]?.objective).toBe(solve(instance).objective);
    }
  });
});
