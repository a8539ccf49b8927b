import { type BudgetChange, leastBudgetIncrease } from './budget-change.js';
import type { Solve } from './solve.js';
import type { RuleId, SelectionInstance, SelectionResult } from './types.js';
import { buildUnits } from './units.js';
import { forcedIn, forcedOut, minus } from './variants.js';

export type Because =
  | 'official' // a must-select / must-reject, with the official's reason
  | 'merit' // selected on merit; or rejected although it fits: a rule makes it cost more merit than it brings
  | 'resources' // rejected: it does not fit in what the chosen set leaves of some budget
  | 'rules' // no feasible set has it (rejected), or every feasible set needs it (selected)
  | 'tie'; // an equally good set decides the other way

export interface Explanation {
  id: string;
  decision: 'selected' | 'rejected';
  because: Because;
  text: string;
  /** Rejected: budgets it does not fit in beside the chosen set. */
  bindingBudgets: string[];
  /** Rejected: merit the best set containing it loses; selected: merit lost without it. */
  meritLost?: number;
  /** Rejected: the least merit increase after which every optimal set includes it. */
  meritIncrease?: number;
  /** Rejected: per binding budget, the least increase of that budget alone that admits it. */
  budgetIncreases?: BudgetChange[];
  /** Rejected: selected proposals the best set containing it drops, and others it brings in. */
  displaces?: string[];
  brings?: string[];
  /** Selected: proposals the best set without it would take instead. */
  displaced?: string[];
  /** Rejected for the rules: an irreducible set of rules that cannot all hold with it. */
  conflict?: RuleId[];
  /** False when a re-solve ran out of time, so the reason is not proven. */
  exact: boolean;
}

const list = (ids: string[]) => (ids.length ? ids.join(', ') : 'nothing');

/**
 * A reason for every decision of an optimal result, each obtained (and checkable) by re-solving:
 * forced in, forced out, with one budget raised. Pure over `solve`.
 */
export function explainDecisions(instance: SelectionInstance, base: SelectionResult, solve: Solve): Explanation[] {
  if (base.status !== 'optimal' || base.objective === null) return [];
  const optimum = base.objective;
  const chosen = new Set(base.selected);
  const official = new Map([...(instance.mustSelect ?? []), ...(instance.mustReject ?? [])].map((d) => [d.id, d.reason]));
  const { units, unitOf } = buildUnits(instance);
  // What the chosen set uses at the minimum of each partial grant: the room a proposal must fit in.
  const floor = instance.budgets.map((_, r) =>
    units.reduce((s, u) => s + (u.members.some((m) => chosen.has(m)) ? (u.use[r] as number) : 0), 0),
  );
  const ids = instance.proposals.map((p) => p.id).sort();
  return ids.map((id): Explanation => {
    const decision = chosen.has(id) ? 'selected' : 'rejected';
    const reason = official.get(id);
    if (reason !== undefined) return { id, decision, because: 'official', text: reason, bindingBudgets: [], exact: true };
    if (decision === 'selected') {
      const out = solve(forcedOut(instance, id));
      const exact = out.status !== 'time_limit';
      if (out.status === 'infeasible') {
        return {
          id,
          decision,
          because: 'rules',
          text: `every feasible set includes it (${list(out.conflict ?? [])})`,
          bindingBudgets: [],
          exact,
        };
      }
      const meritLost = optimum - (out.objective as number);
      const displaced = minus(out.selected, base.selected);
      const because = meritLost === 0 ? 'tie' : 'merit';
      const text = `${meritLost === 0 ? 'an equally good set leaves it out' : `without it the best set has ${meritLost} less merit`}; it keeps out ${list(displaced)}`;
      return { id, decision, because, text, bindingBudgets: [], meritLost, displaced, exact };
    }
    const unit = units[unitOf.get(id) as number];
    const binding = instance.budgets.flatMap((b, r) => ((floor[r] as number) + (unit?.use[r] as number) > b.amount ? [r] : []));
    const forced = solve(forcedIn(instance, id));
    let exact = forced.status !== 'time_limit';
    const increases = (budgets: number[]) =>
      budgets.flatMap((r) => {
        const found = leastBudgetIncrease(instance, solve, id, r, optimum);
        exact &&= found.exact;
        return found.change ? [found.change] : [];
      });
    const names = (rs: number[]) => rs.map((r) => instance.budgets[r]?.id as string);
    if (forced.status === 'infeasible') {
      const conflict = (forced.conflict ?? []).filter((rule) => rule !== `mustSelect:${id}`);
      const budgetsOnly = conflict.length > 0 && conflict.every((rule) => rule.startsWith('budget:'));
      const budgetIncreases = budgetsOnly ? increases(binding) : [];
      const because = budgetsOnly ? 'resources' : 'rules';
      const text = `no feasible set includes it: ${list(conflict)}`;
      return { id, decision, because, text, bindingBudgets: names(binding), budgetIncreases, conflict, exact };
    }
    const meritLost = optimum - (forced.objective as number);
    const displaces = minus(base.selected, forced.selected);
    const brings = minus(forced.selected, [...base.selected, ...(unit?.members ?? [])]);
    if (meritLost === 0) {
      const text = `an equally good set includes it (in place of ${list(displaces)})`;
      return { id, decision, because: 'tie', text, bindingBudgets: names(binding), meritLost, displaces, brings, exact };
    }
    const budgetIncreases = increases(binding);
    const because = binding.length > 0 ? 'resources' : 'merit';
    const changes = [
      `merit +${meritLost + 1}`,
      ...budgetIncreases.map((c) => `+${c.extra} ${budgetUnit(instance, c.budget)}on ${c.budget}`),
    ];
    const text = `${because === 'resources' ? `does not fit in what the set leaves of ${names(binding).join(', ')}` : 'a rule makes it cost more merit than it brings'}; taking it would displace ${list(displaces)} (merit −${meritLost}); admitted by ${changes.join(' or ')}`;
    return {
      id,
      decision,
      because,
      text,
      bindingBudgets: names(binding),
      meritLost,
      meritIncrease: meritLost + 1,
      budgetIncreases,
      displaces,
      brings,
      exact,
    };
  });
}

function budgetUnit(instance: SelectionInstance, budget: string): string {
  const unit = instance.budgets.find((b) => b.id === budget)?.unit;
  return unit ? `${unit} ` : '';
}
