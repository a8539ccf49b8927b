import type { Presolved } from './presolve.js';

/**
 * Greedy selection over the presolved units: must-selects first, then units in the given order,
 * each taken (with the units it needs) when budgets, country cap and exclusions allow; then the
 * missing countries are filled with their best unit that fits. Returns null when that does not
 * reach a feasible set. `merit` order is what is done by hand; `density` (merit per share of the
 * budgets) is the start handed to HiGHS.
 */
export function greedy(p: Presolved, order: 'merit' | 'density'): Uint8Array | null {
  const n = p.units.length;
  const chosen = new Uint8Array(n);
  const left = [...p.budgets];
  const perCountry = new Map<string, number>();
  const needs = new Map<number, number[]>();
  for (const { a, b } of p.requires) needs.set(a, [...(needs.get(a) ?? []), b]);
  const closure = (u: number, acc: Set<number>): Set<number> => {
    if (acc.has(u) || chosen[u]) return acc;
    acc.add(u);
    for (const b of needs.get(u) ?? []) closure(b, acc);
    return acc;
  };
  const tryAdd = (u: number): boolean => {
    const group = [...closure(u, new Set())];
    if (group.some((i) => !p.hi[i])) return false;
    const use = left.map((_, r) => group.reduce((s, i) => s + (p.units[i]?.use[r] as number), 0));
    if (use.some((v, r) => v > (left[r] as number))) return false;
    const counts = new Map<string, number>();
    for (const i of group) for (const [c, k] of p.units[i]?.countries ?? []) counts.set(c, (counts.get(c) ?? 0) + k);
    for (const [c, k] of counts) if ((perCountry.get(c) ?? 0) + k > p.countryCap) return false;
    const inGroup = new Set(group);
    const clash = p.excludes.some(
      ({ a, b }) => (inGroup.has(a) && (chosen[b] || inGroup.has(b))) || (inGroup.has(b) && chosen[a]),
    );
    if (clash) return false;
    for (const i of group) chosen[i] = 1;
    for (const [r, v] of use.entries()) left[r] = (left[r] as number) - v;
    for (const [c, k] of counts) perCountry.set(c, (perCountry.get(c) ?? 0) + k);
    return true;
  };
  for (let i = 0; i < n; i++) if (p.lo[i] && !chosen[i] && !tryAdd(i)) return null;
  const share = (i: number) =>
    p.units[i]?.use.reduce(
      (s, v, r) => s + (p.budgets[r] === Infinity ? 0 : v / Math.max(1, p.budgets[r] as number)),
      0,
    ) as number;
  const key = (i: number) =>
    order === 'merit' ? (p.units[i]?.merit as number) : (p.units[i]?.merit as number) / (share(i) + 1e-9);
  const ranked = [...Array(n).keys()].filter((i) => p.hi[i] && !p.lo[i]).sort((a, b) => key(b) - key(a) || a - b);
  if (p.minCountries > 0) {
    // Countries first, in the order of their best unit, so a minimum number of countries is reachable.
    const seen = new Set<string>();
    for (const i of ranked) {
      if (perCountry.size >= p.minCountries) break;
      const c = p.units[i]?.countries[0]?.[0] as string;
      if (!seen.has(c) && !perCountry.has(c) && tryAdd(i)) seen.add(c);
    }
    if (perCountry.size < p.minCountries) return null;
  }
  for (const i of ranked) if (!chosen[i]) tryAdd(i);
  return chosen;
}
