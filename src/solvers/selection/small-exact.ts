import type { Presolved } from './presolve.js';

/** Open units at most for the search below; larger models go to HiGHS. */
export const SMALL_UNITS = 48;
/** Nodes at most; past it the search gives up (deterministically) and HiGHS solves the model. */
const NODE_LIMIT = 100_000;

export type SmallOutcome = { status: 'optimal'; x: Uint8Array } | { status: 'infeasible' } | { status: 'gave_up' };

/**
 * Exact depth-first branch and bound for the small models behind every reason and the what-if sweep
 * (tens of proposals): HiGHS spends ~40 ms CPU on each such model whatever its options (WebAssembly,
 * set-up, root cuts), and a reason takes several. Units are tried best merit-per-budget-share
 * first, taken before left out; a branch is cut when its merit plus the best fractional filling of
 * any single budget cannot beat the incumbent by 1 (integer merits), when a budget or the country
 * cap would be exceeded, when an exclusion is broken, or when too few countries remain for the
 * minimum. Leaves check the requirements. Only a strictly better set replaces the incumbent (the
 * start), so the answer is a fixed function of the model.
 */
export function solveSmall(p: Presolved, start: Uint8Array | null, feasibilityOnly = false): SmallOutcome {
  if (start && feasibilityOnly) return { status: 'optimal', x: start };
  const n = p.units.length;
  const m = p.budgets.length;
  const state = searchState(p);
  const { x, left, perCountry, take, fits } = state;
  if (!state.takeFixed()) return { status: 'infeasible' };

  const free = [...Array(n).keys()].filter((i) => p.hi[i] && !p.lo[i]);
  // The fractional bound assumes no merit is negative.
  if (free.some((i) => (p.units[i]?.merit as number) < 0)) return { status: 'gave_up' };
  const share = (i: number) =>
    (p.units[i]?.use ?? []).reduce((s, v, r) => s + (p.budgets[r] === Infinity ? 0 : v / Math.max(1, p.budgets[r] as number)), 0);
  const density = (i: number) => (p.units[i]?.merit as number) / (share(i) + 1e-9);
  free.sort((a, b) => density(b) - density(a) || a - b);
  const position = new Int32Array(n).fill(-1);
  free.forEach((i, k) => {
    position[i] = k;
  });
  // Per finite budget, the free units by merit per unit of that budget: the fractional bound's order.
  const byRatio = p.budgets.map((b, r) =>
    b === Infinity
      ? null
      : [...free].sort((a, c) => ratio(p, c, r) - ratio(p, a, r) || (position[a] as number) - (position[c] as number)),
  );
  const suffixCountries = countriesFrom(p, free);

  let best = -1;
  let bestX: Uint8Array | null = null;
  if (start && !feasibilityOnly) {
    best = p.units.reduce((s, u, i) => s + (start[i] ? u.merit : 0), 0);
    bestX = Uint8Array.from(start);
  }
  let nodes = 0;
  let done = false;

  const bound = (k: number): number => {
    let tightest = Infinity;
    for (let r = 0; r < m; r++) {
      const order = byRatio[r];
      if (!order) continue;
      let room = left[r] as number;
      let total = 0;
      for (const i of order) {
        if ((position[i] as number) < k) continue;
        const u = p.units[i];
        const use = u?.use[r] as number;
        if (use <= room) {
          room -= use;
          total += u?.merit as number;
        } else {
          total += ((u?.merit as number) * room) / use;
          break;
        }
      }
      tightest = Math.min(tightest, total);
    }
    if (tightest !== Infinity) return tightest;
    let all = 0;
    for (let j = k; j < free.length; j++) all += p.units[free[j] as number]?.merit as number;
    return all;
  };

  const leaf = () => {
    if (perCountry.size < p.minCountries) return;
    for (const { a, b } of p.requires) if (x[a] && !x[b]) return;
    for (const { a, b } of p.excludes) if (x[a] && x[b]) return;
    if (state.merit > best) {
      best = state.merit;
      bestX = Uint8Array.from(x);
      if (feasibilityOnly) done = true;
    }
  };

  const visit = (k: number) => {
    if (done) return;
    if (++nodes > NODE_LIMIT) {
      done = true;
      return;
    }
    if (k === free.length) return leaf();
    if (!feasibilityOnly && Math.floor(state.merit + bound(k) + 1e-9) <= best) return;
    if (!canReachCountries(perCountry, suffixCountries[k], p.minCountries)) return;
    const i = free[k] as number;
    if (fits(i)) {
      take(i, 1);
      visit(k + 1);
      take(i, -1);
    }
    visit(k + 1);
  };
  visit(0);

  if (nodes > NODE_LIMIT) return { status: 'gave_up' };
  return bestX ? { status: 'optimal', x: bestX } : { status: 'infeasible' };
}

function ratio(p: Presolved, i: number, r: number): number {
  const use = p.units[i]?.use[r] as number;
  return use === 0 ? Infinity : (p.units[i]?.merit as number) / use;
}

/**
 * The elastic re-solve behind "+x of budget r admits it", for small models: the least use of budget
 * r (whose limit presolve lifted) over sets with merit ≥ minMerit that keep every other rule.
 * Depth-first, units by merit per unit of r first; a branch is cut when its use plus the least
 * fractional use that still reaches the merit is no better than the incumbent. A strictly lower
 * use replaces it, so the answer is a fixed function of the model.
 */
export function solveSmallElastic(p: Presolved, r: number, minMerit: number): SmallOutcome {
  const n = p.units.length;
  const state = searchState(p);
  const { x, perCountry, fits } = state;
  // The use of budget r by the set, the quantity minimised.
  let load = 0;
  const take = (i: number, sign: 1 | -1) => {
    state.take(i, sign);
    load += sign * ((p.units[i] as Presolved['units'][number]).use[r] as number);
  };
  if (!state.takeFixed()) return { status: 'infeasible' };
  for (let i = 0; i < n; i++) if (p.lo[i]) load += (p.units[i] as Presolved['units'][number]).use[r] as number;
  const free = [...Array(n).keys()].filter((i) => p.hi[i] && !p.lo[i]);
  if (free.some((i) => (p.units[i]?.merit as number) < 0)) return { status: 'gave_up' };
  free.sort((a, b) => ratio(p, b, r) - ratio(p, a, r) || a - b);
  const suffixCountries = countriesFrom(p, free);
  let best = Infinity;
  let bestX: Uint8Array | null = null;
  let nodes = 0;

  // Least use of r that still gains the missing merit from position k on (fractional).
  const lowerBound = (k: number): number => {
    let missing = minMerit - state.merit;
    let use = 0;
    for (let j = k; j < free.length && missing > 0; j++) {
      const u = p.units[free[j] as number] as Presolved['units'][number];
      if (u.merit <= 0) continue;
      if (u.merit <= missing) {
        missing -= u.merit;
        use += u.use[r] as number;
      } else {
        use += ((u.use[r] as number) * missing) / u.merit;
        missing = 0;
      }
    }
    return missing > 0 ? Infinity : use;
  };
  const visit = (k: number): void => {
    if (++nodes > NODE_LIMIT) return;
    if (k === free.length) {
      if (state.merit < minMerit || perCountry.size < p.minCountries) return;
      for (const { a, b } of p.requires) if (x[a] && !x[b]) return;
      if (load < best) {
        best = load;
        bestX = Uint8Array.from(x);
      }
      return;
    }
    if (load + Math.ceil(lowerBound(k) - 1e-9) >= best) return;
    if (!canReachCountries(perCountry, suffixCountries[k], p.minCountries)) return;
    const i = free[k] as number;
    if (fits(i)) {
      take(i, 1);
      visit(k + 1);
      take(i, -1);
    }
    visit(k + 1);
  };
  visit(0);
  if (nodes > NODE_LIMIT) return { status: 'gave_up' };
  return bestX ? { status: 'optimal', x: bestX } : { status: 'infeasible' };
}

/** What both searches carry down the tree: the set, what is left of each budget, units per country, merit. */
function searchState(p: Presolved) {
  const m = p.budgets.length;
  const x = new Uint8Array(p.units.length);
  const left = [...p.budgets];
  const perCountry = new Map<string, number>();
  const excluded = new Map<number, number[]>();
  for (const { a, b } of p.excludes) {
    excluded.set(a, [...(excluded.get(a) ?? []), b]);
    excluded.set(b, [...(excluded.get(b) ?? []), a]);
  }
  const state = {
    x,
    left,
    perCountry,
    merit: 0,
    take: (i: number, sign: 1 | -1) => {
      const u = p.units[i] as Presolved['units'][number];
      x[i] = sign === 1 ? 1 : 0;
      state.merit += sign * u.merit;
      for (let r = 0; r < m; r++) left[r] = (left[r] as number) - sign * (u.use[r] as number);
      for (const [c, k] of u.countries) {
        const v = (perCountry.get(c) ?? 0) + sign * k;
        if (v === 0) perCountry.delete(c);
        else perCountry.set(c, v);
      }
    },
    fits: (i: number): boolean => {
      const u = p.units[i] as Presolved['units'][number];
      for (let r = 0; r < m; r++) if ((u.use[r] as number) > (left[r] as number)) return false;
      for (const [c, k] of u.countries) if ((perCountry.get(c) ?? 0) + k > p.countryCap) return false;
      for (const b of excluded.get(i) ?? []) if (x[b]) return false;
      return true;
    },
    /** Takes the units presolve fixed in; false when they alone break a budget or the country cap. */
    takeFixed: (): boolean => {
      for (let i = 0; i < p.units.length; i++) if (p.lo[i]) state.take(i, 1);
      return !(left.some((l) => l < 0) || [...perCountry.values()].some((k) => k > p.countryCap));
    },
  };
  return state;
}

/** Per position k of the search order, the countries the units from k on belong to. */
function countriesFrom(p: Presolved, free: number[]): Set<string>[] {
  const suffix: Set<string>[] = [];
  for (let k = free.length; k >= 0; k--) {
    const next = new Set(suffix[k + 1] ?? []);
    for (const [c] of p.units[free[k] as number]?.countries ?? []) next.add(c);
    suffix[k] = next;
  }
  return suffix;
}

/** Whether the set can still reach the minimum number of countries with the units still to decide. */
function canReachCountries(perCountry: Map<string, number>, ahead: Set<string> | undefined, minCountries: number): boolean {
  if (perCountry.size >= minCountries) return true;
  let reachable = perCountry.size;
  for (const c of ahead ?? []) if (!perCountry.has(c)) reachable++;
  return reachable >= minCountries;
}
