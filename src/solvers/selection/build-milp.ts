import { dominancePairs } from './dominance.js';
import type { Presolved } from './presolve.js';

/** The MILP in plain arrays (row-wise), before it is handed to HiGHS. */
export interface Milp {
  numCols: number;
  maximize: boolean;
  cost: number[];
  colLower: number[];
  colUpper: number[];
  integer: boolean[];
  rowLower: number[];
  rowUpper: number[];
  /** Row-wise sparse matrix: entries of row i are starts[i]..starts[i+1]. */
  starts: number[];
  indices: number[];
  values: number[];
  /** Column of each unit's x (0..units-1); of each country's y; of the slack. */
  countryCols: Map<string, number>;
  slackCol?: number;
  dominanceRows: number;
}

export interface BuildOptions {
  /** Minimise the excess over budget `budget` (of `amount`), subject to total merit ≥ minMerit. */
  elastic?: { budget: number; amount: number; minMerit: number };
  /** Search only for a feasible set (objective 0): used when naming conflicting rules. */
  feasibilityOnly?: boolean;
}

/**
 * max Σ merit·x  s.t.  Σ use·x ≤ budget (each budget that can bind), Σ count·x ≤ cap (each country
 * that could exceed it), y_c ≤ Σ_{units in c} x, Σ y ≥ K, x_a ≤ x_b (a needs b), x_a + x_b ≤ 1
 * (exclusion), x_v ≤ x_u (dominance); x binary, y ∈ [0,1] (integral x makes it a count of countries).
 */
export function buildMilp(p: Presolved, options: BuildOptions = {}): Milp {
  const n = p.units.length;
  const rows: { lower: number; upper: number; entries: [number, number][] }[] = [];
  const add = (lower: number, upper: number, entries: [number, number][]) => rows.push({ lower, upper, entries });
  const open = (i: number) => p.hi[i] === 1;
  const elastic = options.elastic;
  const countryCols = new Map<string, number>();
  let numCols = n;
  if (p.minCountries > 0) {
    const countries = [...new Set(p.units.flatMap((u, i) => (open(i) ? u.countries.map(([c]) => c) : [])))].sort();
    for (const c of countries) countryCols.set(c, numCols++);
  }
  const slackCol = elastic ? numCols++ : undefined;

  p.budgets.forEach((amount, r) => {
    const entries: [number, number][] = [];
    let total = 0;
    p.units.forEach((u, i) => {
      const v = u.use[r] as number;
      if (open(i) && v > 0) entries.push([i, v]);
      if (open(i)) total += v;
    });
    if (elastic?.budget === r && slackCol !== undefined) {
      entries.push([slackCol, -1]);
      add(-Infinity, elastic.amount, entries);
    } else if (total > amount) add(-Infinity, amount, entries);
  });
  if (p.countryCap !== Infinity) {
    const perCountry = new Map<string, [number, number][]>();
    p.units.forEach((u, i) => {
      if (open(i)) for (const [c, k] of u.countries) perCountry.set(c, [...(perCountry.get(c) ?? []), [i, k]]);
    });
    for (const c of [...perCountry.keys()].sort()) {
      const entries = perCountry.get(c) as [number, number][];
      if (entries.reduce((s, [, k]) => s + k, 0) > p.countryCap) add(-Infinity, p.countryCap, entries);
    }
  }
  if (countryCols.size > 0) {
    for (const [c, col] of countryCols) {
      const members = p.units.flatMap((u, i) =>
        open(i) && u.countries.some(([cc]) => cc === c) ? [[i, -1] as [number, number]] : [],
      );
      add(-Infinity, 0, [[col, 1], ...members]);
    }
    add(
      p.minCountries,
      Infinity,
      [...countryCols.values()].map((col) => [col, 1]),
    );
  }
  for (const { a, b } of p.requires)
    add(-Infinity, 0, [
      [a, 1],
      [b, -1],
    ]);
  for (const { a, b } of p.excludes)
    add(-Infinity, 1, [
      [a, 1],
      [b, 1],
    ]);
  const dominance = dominancePairs(p);
  for (const [v, u] of dominance)
    add(-Infinity, 0, [
      [v, 1],
      [u, -1],
    ]);
  if (elastic)
    add(
      elastic.minMerit,
      Infinity,
      p.units.map((u, i) => [i, u.merit] as [number, number]),
    );

  const cost = new Array<number>(numCols).fill(0);
  if (elastic && slackCol !== undefined) cost[slackCol] = 1;
  else if (!options.feasibilityOnly) for (const [i, u] of p.units.entries()) cost[i] = u.merit;
  const colLower = new Array<number>(numCols).fill(0);
  const colUpper = new Array<number>(numCols).fill(1);
  const integer = new Array<boolean>(numCols).fill(false);
  for (let i = 0; i < n; i++) {
    colLower[i] = p.lo[i] as number;
    colUpper[i] = p.hi[i] as number;
    integer[i] = true;
  }
  if (slackCol !== undefined) {
    colUpper[slackCol] = Infinity;
    integer[slackCol] = true;
  }
  const starts = [0];
  const indices: number[] = [];
  const values: number[] = [];
  for (const row of rows) {
    for (const [col, v] of row.entries.sort((x, y) => x[0] - y[0])) {
      indices.push(col);
      values.push(v);
    }
    starts.push(indices.length);
  }
  return {
    numCols,
    maximize: !elastic,
    cost,
    colLower,
    colUpper,
    integer,
    rowLower: rows.map((r) => r.lower),
    rowUpper: rows.map((r) => r.upper),
    starts,
    indices,
    values,
    countryCols,
    slackCol,
    dominanceRows: dominance.length,
  };
}
