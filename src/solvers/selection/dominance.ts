import type { Presolved } from './presolve.js';
import type { Unit } from './units.js';

/** At most this many dominating units are linked to each dominated one (any subset is valid). */
const MAX_DOMINATORS = 3;

/**
 * Dominance: unit u dominates v when both are single proposals of the same country, free of
 * requires/excludes links and official decisions, u uses no more of any budget and has at least the
 * merit (ties broken by id). Then some optimal set never holds v without u (swap v for u: budgets
 * hold, the country counts do not change, merit does not drop), so x_v ≤ x_u may be added. The
 * relation is a strict order, so repeated swaps end and all added rows hold together.
 */
export function dominancePairs(p: Presolved): [dominated: number, dominator: number][] {
  const linked = new Set<number>();
  for (const { a, b } of [...p.requires, ...p.excludes]) linked.add(a).add(b);
  const byCountry = new Map<string, number[]>();
  p.units.forEach((u, i) => {
    if (p.lo[i] || !p.hi[i] || linked.has(i) || u.members.length !== 1) return;
    const country = u.countries[0]?.[0] as string;
    byCountry.set(country, [...(byCountry.get(country) ?? []), i]);
  });
  const pairs: [number, number][] = [];
  for (const candidates of byCountry.values()) {
    // Merit descending, then unit index (= id order): every earlier unit is at least as good on merit.
    candidates.sort((a, b) => (p.units[b]?.merit as number) - (p.units[a]?.merit as number) || a - b);
    candidates.forEach((v, k) => {
      const useV = p.units[v]?.use as number[];
      let found = 0;
      for (let j = 0; j < k && found < MAX_DOMINATORS; j++) {
        const u = candidates[j] as number;
        if ((p.units[u] as Unit).use.every((x, r) => x <= (useV[r] as number))) {
          pairs.push([v, u]);
          found++;
        }
      }
    });
  }
  return pairs.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
}
