import type { SelectionInstance } from './types.js';

// The instance changed in one respect, for the re-solves behind every reason and the what-if sweep.

export const forcedIn = (instance: SelectionInstance, id: string): SelectionInstance => ({
  ...instance,
  mustSelect: [...(instance.mustSelect ?? []), { id, reason: 'forced in to explain the decision' }],
});

export const forcedOut = (instance: SelectionInstance, id: string): SelectionInstance => ({
  ...instance,
  mustReject: [...(instance.mustReject ?? []), { id, reason: 'forced out to explain the decision' }],
});

export const withBudget = (instance: SelectionInstance, r: number, amount: number): SelectionInstance => ({
  ...instance,
  budgets: instance.budgets.map((b, i) => (i === r ? { ...b, amount } : b)),
});

export const withMerit = (instance: SelectionInstance, id: string, merit: number): SelectionInstance => ({
  ...instance,
  proposals: instance.proposals.map((p) => (p.id === id ? { ...p, merit } : p)),
});

export const minus = (a: readonly string[], b: readonly string[]): string[] => {
  const drop = new Set(b);
  return a.filter((x) => !drop.has(x));
};
