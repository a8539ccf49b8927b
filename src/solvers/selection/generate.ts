import type { SelectionInstance } from './types.js';

/** A small seeded generator (mulberry32), so benchmarks and tests see the same instances every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface GenerateOptions {
  proposals: number;
  budgets: number;
  countries: number;
  countryCap: number;
  minCountries: number;
  seed: number;
  /** Budgets as a share of the total request (default 0.3). */
  tightness?: number;
  /** Share of budgets a proposal asks for (default 0.5). */
  density?: number;
  /** Merit grows with the request (the hard multi-knapsack kind) instead of a panel score (default false). */
  correlated?: boolean;
  /**
   * Budgets in triples (mass g, power mW, data MB/day) of one module each, as in a call: a proposal
   * flies on one module and asks for its three resources, power and data growing with mass; sizes
   * spread widely (log-uniform 100 g … 20 kg).
   */
  modules?: boolean;
  /**
   * Budgets are sample types (mg of each, available mass less the reserve), as in a sample call: a
   * request asks for one to three types (most for one or two), each amount log-uniform 50 mg … 5 g.
   */
  samples?: boolean;
  /**
   * Merit as a panel gives it: the calibrated score (0–100, one decimal, ×10 as the snapshot does)
   * clusters around the panel's mean (normal, mean 70, s.d. 10) instead of spreading uniformly.
   */
  panelScores?: boolean;
}

/**
 * Synthetic calls: each proposal asks for most budgets (10–1000 units each), its merit is
 * weakly correlated with what it asks (the harder kind for branch and bound), countries are
 * uneven (a few send many proposals), and each budget offers `tightness` of the total request.
 */
export function generateInstance(o: GenerateOptions): SelectionInstance {
  const random = seededRandom(o.seed);
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const proposals = Array.from({ length: o.proposals }, (_, i) => {
    const use = o.modules
      ? moduleUse(o.budgets, random)
      : o.samples
        ? sampleUse(o.budgets, random)
        : Array.from({ length: o.budgets }, () => (random() < (o.density ?? 0.5) ? int(10, 1000) : 0));
    const size = use.reduce((s, v) => s + v, 0) / Math.max(1, o.budgets);
    const country = `C${String(Math.floor(o.countries * random() ** 1.5)).padStart(3, '0')}`;
    const merit = o.correlated ? Math.round(size / 2) + int(1, 500) : o.panelScores ? panelScore(random) : int(100, 1000);
    return { id: `P${String(i + 1).padStart(4, '0')}`, country, merit, use };
  });
  const tightness = o.tightness ?? 0.3;
  const budgets = Array.from({ length: o.budgets }, (_, r) => ({
    id: `b${r + 1}`,
    amount: Math.floor(tightness * proposals.reduce((s, p) => s + (p.use[r] as number), 0)),
  }));
  return { budgets, countryCap: o.countryCap, minCountries: o.minCountries, proposals };
}

function moduleUse(budgets: number, random: () => number): number[] {
  const use = new Array<number>(budgets).fill(0);
  const module = Math.floor(random() * Math.max(1, Math.floor(budgets / 3)));
  const mass = Math.round(100 * 200 ** random());
  const spread = () => 0.5 + random();
  use[3 * module] = mass;
  if (3 * module + 1 < budgets) use[3 * module + 1] = Math.round(mass * 2 * spread());
  if (3 * module + 2 < budgets) use[3 * module + 2] = Math.round(mass * 0.1 * spread());
  return use;
}

function sampleUse(budgets: number, random: () => number): number[] {
  const use = new Array<number>(budgets).fill(0);
  const draw = random();
  const types = draw < 0.5 ? 1 : draw < 0.85 ? 2 : 3;
  for (let k = 0; k < types; k++) {
    const type = Math.floor(random() * budgets);
    use[type] = (use[type] as number) + Math.round(50 * 100 ** random());
  }
  return use;
}

/** A calibrated panel score ×10 (Box–Muller normal, mean 700, s.d. 100, within 0…1000). */
function panelScore(random: () => number): number {
  const normal = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  return Math.min(1000, Math.max(0, Math.round(700 + 100 * normal)));
}
