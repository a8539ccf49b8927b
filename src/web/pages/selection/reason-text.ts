import type { TFunction } from 'i18next';
import type { Explanation, SelectionProposal } from '../../selection-api.js';
import { amount, num } from './format.js';

// The optimiser's reason for each decision, written from its structured fields (not from the
// solver's English sentence) so it reads in the official's language.

export interface Names {
  title: (id: string) => string;
  budget: (id: string) => string;
  rule: (rule: string) => string;
}

export function namesOf(p: SelectionProposal, t: TFunction): Names {
  const titles = new Map(p.proposals.map((q) => [q.id, q.title]));
  const budgets = new Map(p.budgets.map((b) => [b.id, b.label]));
  const groups = new Map(p.groups.map((g) => [g.id, g.name]));
  const title = (id: string) => titles.get(id) ?? id;
  const budget = (id: string) => budgets.get(id) ?? id;
  const rule = (r: string) => {
    const [kind, rest = ''] = r.split(/:(.*)/s);
    if (kind === 'budget') return t('rule.budget', { budget: budget(rest) });
    if (kind === 'countryCap') return t('rule.countryCap', { n: p.rules.countryCap ?? 0 });
    if (kind === 'minCountries') return t('rule.minCountries', { n: p.rules.minCountries ?? 0 });
    if (kind === 'mustSelect') return t('rule.mustSelect', { title: title(rest) });
    if (kind === 'mustReject') return t('rule.mustReject', { title: title(rest) });
    if (kind === 'requires') {
      const [a = '', b = ''] = rest.split('>');
      return t('rule.requires', { a: title(a), b: title(b) });
    }
    if (kind === 'excludes') {
      const [a = '', b = ''] = rest.split('|');
      return t('rule.excludes', { a: title(a), b: title(b) });
    }
    if (kind === 'together') return t('rule.together', { name: groups.get(rest) ?? rest });
    return r;
  };
  return { title, budget, rule };
}

const listOf = (ids: string[] | undefined, name: (id: string) => string, none: string) =>
  ids?.length ? ids.map(name).join(', ') : none;

/** The smallest changes that would admit a rejected proposal: its merit, or one budget alone. */
export function admittingChanges(e: Explanation, p: SelectionProposal, t: TFunction, names: Names): string[] {
  const units = new Map(p.budgets.map((b) => [b.id, b.unit]));
  return [
    ...(e.meritIncrease !== undefined ? [t('change.merit', { n: num(e.meritIncrease) })] : []),
    ...(e.budgetIncreases ?? []).map((c) =>
      t('change.budget', { amount: amount(c.extra, units.get(c.budget)), budget: names.budget(c.budget) }),
    ),
  ];
}

export function reasonText(e: Explanation, p: SelectionProposal, t: TFunction): string {
  const names = namesOf(p, t);
  const none = t('reason.nothing');
  const parts: string[] = [];
  if (e.because === 'official') parts.push(t('reason.official', { reason: e.text }));
  else if (e.decision === 'selected') {
    if (e.because === 'rules') parts.push(t('reason.selectedRules'));
    else if (e.because === 'tie') parts.push(t('reason.selectedTie', { list: listOf(e.displaced, names.title, none) }));
    else parts.push(t('reason.selectedMerit', { lost: num(e.meritLost ?? 0), list: listOf(e.displaced, names.title, none) }));
  } else if (e.because === 'rules') parts.push(t('reason.rejectedRules', { rules: listOf(e.conflict, names.rule, none) }));
  else if (e.because === 'tie') parts.push(t('reason.rejectedTie', { list: listOf(e.displaces, names.title, none) }));
  else {
    parts.push(
      e.because === 'resources'
        ? t('reason.rejectedResources', { budgets: listOf(e.bindingBudgets, names.budget, none) })
        : t('reason.rejectedMerit'),
    );
    if (e.meritLost !== undefined)
      parts.push(t('reason.displaces', { list: listOf(e.displaces, names.title, none), lost: num(e.meritLost) }));
    const changes = admittingChanges(e, p, t, names);
    if (changes.length) parts.push(t('reason.admittedBy', { changes: changes.join(t('reason.or')) }));
  }
  if (!e.exact) parts.push(t('reason.notProven'));
  return parts.join(' ');
}
