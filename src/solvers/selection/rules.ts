import type { RuleId, RuleKind, SelectionInstance } from './types.js';

export const budgetRule = (id: string): RuleId => `budget:${id}`;
export const requiresRule = (a: string, b: string): RuleId => `requires:${a}>${b}`;
export const excludesRule = (a: string, b: string): RuleId => `excludes:${a}|${b}`;

/** Rules switched off, by id or by whole kind (used by the deletion filter that names conflicts). */
export type Disabled = ReadonlySet<string>;

export const ruleKind = (rule: RuleId): RuleKind => rule.split(':')[0] as RuleKind;

export function isActive(disabled: Disabled | undefined, rule: RuleId): boolean {
  return !disabled || (!disabled.has(rule) && !disabled.has(ruleKind(rule)));
}

/** Every rule the instance states, in a fixed order (kinds in RULE_KINDS order, then as listed). */
export function listRules(instance: SelectionInstance): RuleId[] {
  const rules: RuleId[] = instance.budgets.map((b) => budgetRule(b.id));
  if (instance.countryCap !== undefined) rules.push('countryCap');
  if (instance.minCountries) rules.push('minCountries');
  for (const d of instance.mustSelect ?? []) rules.push(`mustSelect:${d.id}`);
  for (const d of instance.mustReject ?? []) rules.push(`mustReject:${d.id}`);
  for (const r of instance.requires ?? []) rules.push(requiresRule(r.proposal, r.needs));
  for (const [a, b] of instance.excludes ?? []) rules.push(excludesRule(a, b));
  for (const g of instance.together ?? []) rules.push(`together:${g.id}`);
  return [...new Set(rules)];
}
