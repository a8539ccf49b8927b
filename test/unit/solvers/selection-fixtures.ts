// Small random selection instances and an independent brute force over all subsets, for the tests.
import { seededRandom } from '../../../src/solvers/selection/generate.js';
import type { SelectionInstance } from '../../../src/solvers/selection/types.js';

export function randomInstance(seed: number, options: { maxProposals?: number; relations?: boolean } = {}): SelectionInstance {
  const random = seededRandom(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const n = int(1, options.maxProposals ?? 20);
  const m = int(1, 4);
  const countries = int(1, 5);
  const proposals = Array.from({ length: n }, (_, i) => {
    const use = Array.from({ length: m }, () => int(0, 20));
    const partial = options.relations && random() < 0.15;
    return {
      id: `p${String(i).padStart(2, '0')}`,
      country: `C${int(1, countries)}`,
      merit: int(0, 40),
      use,
      ...(partial ? { minUse: use.map((u) => int(0, u)) } : {}),
    };
  });
  const budgets = Array.from({ length: m }, (_, r) => ({
    id: `b${r}`,
    amount: Math.floor(proposals.reduce((s, p) => s + (p.use[r] as number), 0) * (0.1 + 0.5 * random())),
  }));
  const instance: SelectionInstance = { budgets, proposals };
  if (random() < 0.8) instance.countryCap = int(1, Math.max(1, Math.ceil(n / 2)));
  if (random() < 0.8) instance.minCountries = int(0, Math.min(4, countries));
  if (options.relations && n >= 4) {
    const pick = () => proposals[int(0, n - 1)]?.id as string;
    const pairs = (k: number) =>
      Array.from({ length: k }, () => [pick(), pick()] as [string, string]).filter(([a, b]) => a !== b);
    instance.excludes = pairs(int(0, 2));
    instance.requires = pairs(int(0, 2)).map(([proposal, needs]) => ({ proposal, needs }));
    if (random() < 0.4) instance.together = [{ id: 'g1', members: [...new Set([pick(), pick(), pick()])] }];
    if (random() < 0.3) instance.mustSelect = [{ id: pick(), reason: 'flight heritage' }];
    if (random() < 0.3) instance.mustReject = [{ id: pick(), reason: 'export control' }];
  }
  return instance;
}

/** Whether a set obeys every rule; written apart from the solver (partial grants at their minimum). */
export function feasibleSet(instance: SelectionInstance, chosen: ReadonlySet<string>): boolean {
  const picked = instance.proposals.filter((p) => chosen.has(p.id));
  for (let r = 0; r < instance.budgets.length; r++) {
    let sum = 0;
    for (const p of picked) sum += (p.minUse ?? p.use)[r] as number;
    if (sum > (instance.budgets[r]?.amount as number)) return false;
  }
  const perCountry = new Map<string, number>();
  for (const p of picked) perCountry.set(p.country, (perCountry.get(p.country) ?? 0) + 1);
  if (instance.countryCap !== undefined) for (const k of perCountry.values()) if (k > instance.countryCap) return false;
  if (perCountry.size < (instance.minCountries ?? 0)) return false;
  if ((instance.excludes ?? []).some(([a, b]) => chosen.has(a) && chosen.has(b))) return false;
  if ((instance.requires ?? []).some((q) => chosen.has(q.proposal) && !chosen.has(q.needs))) return false;
  if ((instance.together ?? []).some((g) => new Set(g.members.map((id) => chosen.has(id))).size > 1)) return false;
  if ((instance.mustSelect ?? []).some((d) => !chosen.has(d.id))) return false;
  if ((instance.mustReject ?? []).some((d) => chosen.has(d.id))) return false;
  return true;
}

/** The best total merit over all subsets (null when none is feasible): depth-first, cut only when a budget is exceeded. */
export function bruteForce(instance: SelectionInstance): number | null {
  const { proposals, budgets } = instance;
  const left = budgets.map((b) => b.amount);
  const chosen = new Set<string>();
  let best: number | null = null;
  const visit = (i: number, merit: number) => {
    if (i === proposals.length) {
      if ((best === null || merit > best) && feasibleSet(instance, chosen)) best = merit;
      return;
    }
    const p = proposals[i] as (typeof proposals)[number];
    visit(i + 1, merit);
    const need = p.minUse ?? p.use;
    if (need.every((v, r) => v <= (left[r] as number))) {
      for (const [r, v] of need.entries()) left[r] = (left[r] as number) - v;
      chosen.add(p.id);
      visit(i + 1, merit + p.merit);
      chosen.delete(p.id);
      for (const [r, v] of need.entries()) left[r] = (left[r] as number) + v;
    }
  };
  visit(0, 0);
  return best;
}
