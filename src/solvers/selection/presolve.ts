import { budgetRule, type Disabled, excludesRule, isActive, requiresRule } from './rules.js';
import type { RuleId, SelectionInstance } from './types.js';
import { buildUnits, type Unit } from './units.js';

export interface Presolved {
  units: Unit[];
  unitOf: Map<string, number>;
  /** Bounds of each unit's 0/1 variable after propagation. */
  lo: Uint8Array;
  hi: Uint8Array;
  /** Why a unit was fixed out before the search. */
  out: Map<number, { rule: RuleId; text: string }>;
  /** Active budget amounts; Infinity where the rule is switched off or elastic. */
  budgets: number[];
  countryCap: number;
  minCountries: number;
  /** Unit `a` needs unit `b`; unit `a` and unit `b` exclude each other. */
  requires: Link[];
  excludes: Link[];
  /** A rule that cannot hold whatever is chosen, when propagation finds one. */
  infeasible?: { rule: RuleId; text: string };
}

export interface Link {
  a: number;
  b: number;
  rule: RuleId;
}

export interface PresolveOptions {
  disabled?: Disabled;
  /** A budget that may be exceeded (paid by a slack variable): not used to rule anything out. */
  elasticBudget?: number;
}

/**
 * Applies the official's decisions and the rules that decide a proposal on its own, and propagates
 * them to a fixpoint: must-reject, a proposal that alone needs more than a budget leaves, a country
 * already full of must-selects, a needed proposal that is out, the partner of a must-select it excludes.
 */
export function presolve(instance: SelectionInstance, options: PresolveOptions = {}): Presolved {
  const { disabled, elasticBudget } = options;
  const { units, unitOf } = buildUnits(instance, disabled);
  const n = units.length;
  const lo = new Uint8Array(n);
  const hi = new Uint8Array(n).fill(1);
  const out = new Map<number, { rule: RuleId; text: string }>();
  const result: Presolved = {
    units,
    unitOf,
    lo,
    hi,
    out,
    budgets: instance.budgets.map((b, r) => (r !== elasticBudget && isActive(disabled, budgetRule(b.id)) ? b.amount : Infinity)),
    countryCap: instance.countryCap !== undefined && isActive(disabled, 'countryCap') ? instance.countryCap : Infinity,
    minCountries: isActive(disabled, 'minCountries') ? (instance.minCountries ?? 0) : 0,
    requires: [],
    excludes: [],
  };
  const fail = (rule: RuleId, text: string) => {
    result.infeasible ??= { rule, text };
  };
  const fixOut = (u: number, rule: RuleId, text: string) => {
    if (hi[u] === 0) return false;
    if (lo[u] === 1) fail(rule, `${units[u]?.members[0]} must be selected, but ${text}`);
    hi[u] = 0;
    out.set(u, { rule, text });
    return true;
  };
  const fixIn = (u: number, rule: RuleId) => {
    if (lo[u] === 1) return false;
    if (hi[u] === 0) fail(rule, `${units[u]?.members[0]} must be selected, but ${out.get(u)?.text}`);
    lo[u] = 1;
    return true;
  };
  for (const d of instance.mustReject ?? []) {
    const rule = `mustReject:${d.id}`;
    if (isActive(disabled, rule)) fixOut(unitOf.get(d.id) as number, rule, `must-reject: ${d.reason}`);
  }
  for (const d of instance.mustSelect ?? []) {
    const rule = `mustSelect:${d.id}`;
    if (isActive(disabled, rule)) fixIn(unitOf.get(d.id) as number, rule);
  }
  for (const [a, b] of instance.excludes ?? []) {
    const rule = excludesRule(a, b);
    if (!isActive(disabled, rule)) continue;
    const [ua, ub] = [unitOf.get(a) as number, unitOf.get(b) as number];
    if (ua === ub) fixOut(ua, rule, `${a} and ${b} exclude each other but are merged`);
    else result.excludes.push({ a: ua, b: ub, rule });
  }
  for (const r of instance.requires ?? []) {
    const rule = requiresRule(r.proposal, r.needs);
    const [ua, ub] = [unitOf.get(r.proposal) as number, unitOf.get(r.needs) as number];
    if (isActive(disabled, rule) && ua !== ub) result.requires.push({ a: ua, b: ub, rule });
  }
  propagate(instance, result);
  return result;

  function propagate(inst: SelectionInstance, p: Presolved): void {
    for (let changed = true; changed && !p.infeasible; ) {
      changed = false;
      const left = p.budgets.map((b, r) => b - units.reduce((s, u, i) => s + (lo[i] ? (u.use[r] as number) : 0), 0));
      left.forEach((l, r) => {
        if (l < 0)
          fail(budgetRule(inst.budgets[r]?.id as string), `the must-selects need more ${inst.budgets[r]?.id} than offered`);
      });
      const full = new Map<string, number>();
      units.forEach((u, i) => {
        if (lo[i]) for (const [c, k] of u.countries) full.set(c, (full.get(c) ?? 0) + k);
      });
      for (const [c, k] of full) if (k > p.countryCap) fail('countryCap', `the must-selects exceed the cap in ${c}`);
      units.forEach((u, i) => {
        if (lo[i] || !hi[i]) return;
        const r = u.use.findIndex((v, j) => v > (left[j] as number));
        if (r >= 0) {
          const b = inst.budgets[r];
          const text = `needs ${u.use[r]} ${b?.unit ?? ''} of ${b?.id} alone; ${left[r]} left`.replace('  ', ' ');
          changed = fixOut(i, budgetRule(b?.id as string), text) || changed;
          return;
        }
        const c = u.countries.find(([country, k]) => (full.get(country) ?? 0) + k > p.countryCap);
        if (c) changed = fixOut(i, 'countryCap', `the cap for ${c[0]} is reached by must-selects`) || changed;
      });
      for (const { a, b, rule } of p.requires) {
        if (!hi[b] && hi[a]) changed = fixOut(a, rule, `needs ${units[b]?.members[0]}, which cannot be selected`) || changed;
        if (lo[a] && !lo[b]) changed = fixIn(b, rule) || changed;
      }
      for (const { a, b, rule } of p.excludes) {
        if (lo[a]) changed = fixOut(b, rule, `excludes ${units[a]?.members[0]}, which is selected`) || changed;
        if (lo[b]) changed = fixOut(a, rule, `excludes ${units[b]?.members[0]}, which is selected`) || changed;
      }
      const open = new Set(units.flatMap((u, i) => (hi[i] ? u.countries.map(([c]) => c) : [])));
      if (open.size < p.minCountries)
        fail('minCountries', `only ${open.size} countries can be selected, ${p.minCountries} asked`);
    }
  }
}
