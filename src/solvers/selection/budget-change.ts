import type { Solve } from './solve.js';
import type { SelectionInstance } from './types.js';
import { forcedIn, forcedOut, withBudget } from './variants.js';

export interface BudgetChange {
  budget: string;
  /** Least extra amount of this budget alone after which every optimal set includes the proposal. */
  extra: number;
  /** The best set with the proposal at budget + extra: it exceeds the budget by exactly `extra`. */
  admittingSet: string[];
  admittingMerit: number;
}

/**
 * The least δ such that, with budget r raised by δ, the proposal is in every optimal set, i.e.
 * best-with-it(δ) > best-without-it(δ). Both sides only grow with δ, so iterate
 * δₖ₊₁ = least δ with best-with-it(δ) ≥ best-without-it(δₖ) + 1 (an elastic solve: the proposal
 * forced in, the excess over the budget minimised) until best-without-it stops growing. No δ below
 * δₖ admits it, so the fixpoint is the least. Null when no amount of this budget alone admits it,
 * or a re-solve ran out of time (`exact` false).
 */
export function leastBudgetIncrease(
  instance: SelectionInstance,
  solve: Solve,
  id: string,
  r: number,
  optimum: number,
): { change: BudgetChange | null; exact: boolean } {
  const budget = instance.budgets[r];
  if (!budget) return { change: null, exact: true };
  let target = optimum;
  for (let round = 0; round < 50; round++) {
    const elastic = solve(forcedIn(instance, id), { elastic: { budget: r, minMerit: target + 1 }, nameConflict: false });
    if (elastic.status === 'infeasible') return { change: null, exact: true };
    if (elastic.status !== 'optimal' || elastic.slack === undefined) return { change: null, exact: false };
    const extra = elastic.slack;
    const without = solve(forcedOut(withBudget(instance, r, budget.amount + extra), id), { nameConflict: false });
    if (without.status === 'time_limit') return { change: null, exact: false };
    if (without.status === 'infeasible' || (without.objective as number) <= target) {
      return {
        change: { budget: budget.id, extra, admittingSet: elastic.selected, admittingMerit: elastic.objective as number },
        exact: true,
      };
    }
    target = without.objective as number;
  }
  return { change: null, exact: false };
}
