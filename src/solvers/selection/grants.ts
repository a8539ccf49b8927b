import type { Grant, SelectionInstance } from './types.js';

/**
 * Partial grants: the solver reserves each selected proposal's minimum; what a budget has left is
 * then handed out towards the full requests in merit order (ties by id). Merit is kept whole for a
 * partial grant (the panel scored the science, and the call says the proposal still works at its
 * minimum), so the set is decided on merit and the grant only decides how much mass it gets.
 */
export function allocateGrants(instance: SelectionInstance, selected: ReadonlySet<string>): { used: number[]; grants: Grant[] } {
  const chosen = instance.proposals
    .filter((p) => selected.has(p.id))
    .sort((a, b) => b.merit - a.merit || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const grants: Grant[] = [];
  const used = instance.budgets.map((budget, r) => {
    const floor = chosen.reduce((s, p) => s + ((p.minUse ?? p.use)[r] as number), 0);
    let left = Math.max(0, budget.amount - floor);
    let given = 0;
    for (const p of chosen) {
      const min = p.minUse?.[r];
      const requested = p.use[r] as number;
      if (min === undefined || min === requested) continue;
      const extra = Math.min(left, requested - min);
      left -= extra;
      given += extra;
      if (min + extra < requested) grants.push({ proposal: p.id, budget: budget.id, requested, granted: min + extra });
    }
    return floor + given;
  });
  grants.sort((a, b) => (a.proposal < b.proposal ? -1 : a.proposal > b.proposal ? 1 : a.budget < b.budget ? -1 : 1));
  return { used, grants };
}
