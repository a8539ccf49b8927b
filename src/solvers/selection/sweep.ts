import type { Solve } from './solve.js';
import type { SelectionInstance, SelectionStatus } from './types.js';
import { withBudget } from './variants.js';

export interface SweepPoint {
  budget: string;
  /** Change of this budget in percent (the others as offered). */
  percent: number;
  amount: number;
  status: SelectionStatus;
  objective: number | null;
  selected: string[];
}

export const DEFAULT_STEPS = [-20, -15, -10, -5, 0, 5, 10, 15, 20];

/** What-if: the optimal set and its merit as each budget alone moves by each step (data for a chart). */
export function sweepBudgets(instance: SelectionInstance, solve: Solve, steps: number[] = DEFAULT_STEPS): SweepPoint[] {
  return instance.budgets.flatMap((budget, r) =>
    steps.map((percent) => {
      const amount = Math.floor((budget.amount * (100 + percent)) / 100);
      const result = solve(withBudget(instance, r, amount), { nameConflict: false });
      return {
        budget: budget.id,
        percent,
        amount,
        status: result.status,
        objective: result.objective,
        selected: result.selected,
      };
    }),
  );
}
