import { listRules, ruleKind } from './rules.js';
import { RULE_KINDS, type RuleId, type SelectionInstance } from './types.js';

/**
 * An irreducible set of conflicting rules by deletion filtering: a rule is switched off for good
 * when the rest stays infeasible without it; what remains is infeasible, and feasible without any
 * one of its rules. Whole kinds (all budgets, all exclusions …) are filtered first, so large
 * instances need few re-solves; then the single rules of the kinds that remain.
 */
export function nameConflict(instance: SelectionInstance, feasible: (disabled: ReadonlySet<string>) => boolean): RuleId[] {
  const rules = listRules(instance);
  const disabled = new Set<string>();
  const kinds = RULE_KINDS.filter((k) => rules.some((r) => ruleKind(r) === k));
  for (const kind of kinds) {
    disabled.add(kind);
    if (feasible(disabled)) disabled.delete(kind);
  }
  const remaining = rules.filter((r) => !disabled.has(ruleKind(r)));
  const kept: RuleId[] = [];
  for (const rule of remaining) {
    if (remaining.filter((r) => ruleKind(r) === ruleKind(rule)).length === 1) {
      kept.push(rule); // its kind alone was needed, so the rule is
      continue;
    }
    disabled.add(rule);
    if (feasible(disabled)) {
      disabled.delete(rule);
      kept.push(rule);
    }
  }
  return kept;
}
