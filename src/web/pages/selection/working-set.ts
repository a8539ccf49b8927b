import { violations } from '../../../solvers/selection/check.js';
import { allocateGrants } from '../../../solvers/selection/grants.js';
import type { SelectionInstance } from '../../../solvers/selection/types.js';
import type { Outcome, SelectionProposal } from '../../selection-api.js';

// The official's edited set, re-checked live with the solver's own exact check (the same code the
// server runs before it writes the decision), so an override shows at once what it breaks.

export const isChosen = (o: Outcome | undefined) => o === 'selected' || o === 'conditional';

/** The selection model as the solver sees it, rebuilt from the proposal the server sent. */
export function instanceOf(p: SelectionProposal): SelectionInstance {
  return {
    budgets: p.budgets.map((b) => ({ id: b.id, amount: b.amount, unit: b.unit })),
    proposals: p.proposals.map((q) => ({
      id: q.id,
      country: q.country,
      merit: q.merit,
      use: q.use,
      ...(q.minUse ? { minUse: q.minUse } : {}),
    })),
    ...(p.rules.countryCap !== null ? { countryCap: p.rules.countryCap } : {}),
    ...(p.rules.minCountries !== null ? { minCountries: p.rules.minCountries } : {}),
    excludes: p.rules.excludes,
    requires: p.rules.requires,
    together: p.rules.together,
    mustSelect: p.rules.mustSelect,
    mustReject: p.rules.mustReject,
  };
}

export interface WorkingCheck {
  chosen: string[];
  merit: number;
  /** Merit given up against the optimiser's set (never below zero). */
  meritLost: number;
  broken: string[];
  used: number[];
}

export function checkWorkingSet(p: SelectionProposal, outcomes: Record<string, Outcome>): WorkingCheck {
  const instance = instanceOf(p);
  const chosen = p.proposals.filter((q) => isChosen(outcomes[q.id])).map((q) => q.id);
  const merit = p.proposals.reduce((s, q) => s + (isChosen(outcomes[q.id]) ? q.merit : 0), 0);
  const { used } = allocateGrants(instance, new Set(chosen));
  return {
    chosen,
    merit,
    meritLost: Math.max(0, (p.objective ?? 0) - merit),
    broken: violations(instance, chosen),
    used,
  };
}

/** The optimiser's set as the starting decision: selected where it selects, rejected elsewhere. */
export const proposedOutcomes = (p: SelectionProposal): Record<string, Outcome> =>
  Object.fromEntries(p.proposals.map((q) => [q.id, p.selected.includes(q.id) ? 'selected' : 'rejected']));

/** The members of the merged project `id` is in (itself alone when not merged). */
export const membersWith = (p: SelectionProposal, id: string): string[] =>
  p.rules.together.find((g) => g.members.includes(id))?.members ?? [id];
