import { budgetRule, excludesRule, requiresRule } from './rules.js';
import type { RuleId, SelectionInstance } from './types.js';

/**
 * The rules a set of proposals breaks, checked in exact integer arithmetic (partial grants at
 * their minimum). Used on every set HiGHS returns, and by the tests.
 */
export function violations(instance: SelectionInstance, selected: Iterable<string>): RuleId[] {
  const set = new Set(selected);
  const chosen = instance.proposals.filter((p) => set.has(p.id));
  const broken: RuleId[] = [];
  instance.budgets.forEach((b, r) => {
    const used = chosen.reduce((s, p) => s + ((p.minUse ?? p.use)[r] as number), 0);
    if (used > b.amount) broken.push(budgetRule(b.id));
  });
  const perCountry = new Map<string, number>();
  for (const p of chosen) perCountry.set(p.country, (perCountry.get(p.country) ?? 0) + 1);
  if (instance.countryCap !== undefined && [...perCountry.values()].some((k) => k > (instance.countryCap as number)))
    broken.push('countryCap');
  if (perCountry.size < (instance.minCountries ?? 0)) broken.push('minCountries');
  for (const d of instance.mustSelect ?? []) if (!set.has(d.id)) broken.push(`mustSelect:${d.id}`);
  for (const d of instance.mustReject ?? []) if (set.has(d.id)) broken.push(`mustReject:${d.id}`);
  for (const r of instance.requires ?? [])
    if (set.has(r.proposal) && !set.has(r.needs)) broken.push(requiresRule(r.proposal, r.needs));
  for (const [a, b] of instance.excludes ?? []) if (set.has(a) && set.has(b)) broken.push(excludesRule(a, b));
  for (const g of instance.together ?? []) {
    const k = g.members.filter((id) => set.has(id)).length;
    if (k > 0 && k < g.members.length) broken.push(`together:${g.id}`);
  }
  return broken;
}

export const totalMerit = (instance: SelectionInstance, selected: Iterable<string>): number => {
  const set = new Set(selected);
  return instance.proposals.reduce((s, p) => s + (set.has(p.id) ? p.merit : 0), 0);
};
