import type { Presolved } from './presolve.js';

/** Passes of best-improvement moves at most; each pass raises the merit, so this only caps the effort. */
const MAX_PASSES = 200;

/**
 * Local search from a feasible set: each pass applies the best of "add one", "swap one for one" and
 * "drop one and refill greedily" (by merit per share of the budgets), until no move raises the
 * merit. A good start lets HiGHS prune from the first node and skip its own costly sub-MIP
 * heuristics; the answer is still HiGHS's proof. Deterministic: moves are scanned in unit order and
 * only a strictly better set is taken.
 */
export function improveSet(p: Presolved, start: Uint8Array): Uint8Array {
  const state = new SetState(p, start);
  if (!state.feasible()) return start;
  const order = densityOrder(p);
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const move = bestMove(state, order);
    if (!move) break;
    for (const i of move.out) state.toggle(i);
    for (const j of move.in) state.toggle(j);
  }
  return state.feasible() ? state.x : start;
}

/** Units by merit per share of the budgets they use (ties by index), as the greedy start ranks them. */
export function densityOrder(p: Presolved): number[] {
  const share = (i: number) =>
    (p.units[i]?.use ?? []).reduce((s, v, r) => s + (p.budgets[r] === Infinity ? 0 : v / Math.max(1, p.budgets[r] as number)), 0);
  const key = p.units.map((u, i) => u.merit / (share(i) + 1e-9));
  return [...p.units.keys()].filter((i) => p.hi[i]).sort((a, b) => (key[b] as number) - (key[a] as number) || a - b);
}

interface Move {
  gain: number;
  out: number[];
  in: number[];
}

function bestMove(s: SetState, order: number[]): Move | null {
  const p = s.p;
  const best: { move: Move | null } = { move: null };
  const floor = () => best.move?.gain ?? 0;
  const offer = (gain: number, out: number[], added: number[]) => {
    if (gain > floor()) best.move = { gain, out, in: added };
  };
  const inside = order.filter((i) => s.x[i] && !p.lo[i]);
  const outside = order.filter((j) => !s.x[j]);
  for (const j of outside) if (s.fits(j, -1) && s.canToggle([j])) offer(p.units[j]?.merit as number, [], [j]);
  for (const i of inside) {
    const mi = p.units[i]?.merit as number;
    for (const j of outside) {
      const gain = (p.units[j]?.merit as number) - mi;
      if (gain > floor() && s.fits(j, i) && s.canToggle([i, j])) offer(gain, [i], [j]);
    }
  }
  for (const i of inside) {
    if (!s.canToggle([i], true)) continue;
    s.toggle(i);
    const added: number[] = [];
    let gain = -(p.units[i]?.merit as number);
    for (const j of outside) {
      if (j !== i && !s.x[j] && s.fits(j, -1) && s.canToggle([j], true)) {
        s.toggle(j);
        added.push(j);
        gain += p.units[j]?.merit as number;
      }
    }
    if (s.feasible()) offer(gain, [i], added);
    for (const j of added) s.toggle(j);
    s.toggle(i);
  }
  return best.move;
}

/** A set with what it leaves of each budget and its count per country, changed one unit at a time. */
class SetState {
  readonly x: Uint8Array;
  readonly left: number[];
  readonly perCountry = new Map<string, number>();
  private readonly needs = new Map<number, number[]>();
  private readonly neededBy = new Map<number, number[]>();
  private readonly excluded = new Map<number, number[]>();

  constructor(
    readonly p: Presolved,
    start: Uint8Array,
  ) {
    this.x = Uint8Array.from(start);
    this.left = [...p.budgets];
    const push = (map: Map<number, number[]>, k: number, v: number) => map.set(k, [...(map.get(k) ?? []), v]);
    for (const { a, b } of p.requires) {
      push(this.needs, a, b);
      push(this.neededBy, b, a);
    }
    for (const { a, b } of p.excludes) {
      push(this.excluded, a, b);
      push(this.excluded, b, a);
    }
    this.x.forEach((on, i) => {
      if (on) this.apply(i, 1);
    });
  }

  private apply(i: number, sign: 1 | -1): void {
    const u = this.p.units[i];
    if (!u) return;
    u.use.forEach((v, r) => {
      this.left[r] = (this.left[r] as number) - sign * v;
    });
    for (const [c, k] of u.countries) {
      const n = (this.perCountry.get(c) ?? 0) + sign * k;
      if (n === 0) this.perCountry.delete(c);
      else this.perCountry.set(c, n);
    }
  }

  /** Budgets only, without allocating: whether unit j fits when unit i (or none, -1) leaves. */
  fits(j: number, i: number): boolean {
    const add = this.p.units[j]?.use as number[];
    const drop = i >= 0 ? (this.p.units[i]?.use as number[]) : undefined;
    for (let r = 0; r < add.length; r++) {
      if ((add[r] as number) - (drop ? (drop[r] as number) : 0) > (this.left[r] as number)) return false;
    }
    return true;
  }

  toggle(i: number): void {
    this.x[i] = this.x[i] ? 0 : 1;
    this.apply(i, this.x[i] ? 1 : -1);
  }

  /**
   * Whether flipping these units (the selected ones leave, the others join) keeps budgets, the
   * country cap and the links; the minimum number of countries is checked unless `partial` (a drop
   * that a refill may make good).
   */
  canToggle(units: number[], partial = false): boolean {
    const { p, x } = this;
    for (const k of units) if (x[k] ? p.lo[k] : !p.hi[k]) return false;
    for (let r = 0; r < this.left.length; r++) {
      let delta = 0;
      for (const k of units) delta += (x[k] ? -1 : 1) * (p.units[k]?.use[r] as number);
      if (delta > (this.left[r] as number)) return false;
    }
    let distinct = this.perCountry.size;
    for (const [a, k] of units.entries()) {
      for (const [c] of p.units[k]?.countries ?? []) {
        // Each country once: at the first unit of this move that counts in it.
        if (this.countedBefore(units, a, c)) continue;
        let d = 0;
        for (const e of units) for (const [cc, n] of p.units[e]?.countries ?? []) if (cc === c) d += (x[e] ? -1 : 1) * n;
        const before = this.perCountry.get(c) ?? 0;
        if (before + d > p.countryCap) return false;
        if (before === 0 && d > 0) distinct++;
        if (before > 0 && before + d === 0) distinct--;
      }
    }
    if (!partial && distinct < p.minCountries) return false;
    for (const k of units) {
      if (!this.after(units, k)) {
        if (this.neededBy.get(k)?.some((a) => this.after(units, a))) return false;
        continue;
      }
      if (this.needs.get(k)?.some((b) => !this.after(units, b))) return false;
      if (this.excluded.get(k)?.some((b) => this.after(units, b))) return false;
    }
    return true;
  }

  private countedBefore(units: number[], a: number, c: string): boolean {
    for (let b = 0; b < a; b++) for (const [cc] of this.p.units[units[b] as number]?.countries ?? []) if (cc === c) return true;
    return false;
  }

  /** Whether unit k is selected once the units of a move are flipped. */
  private after(units: number[], k: number): boolean {
    return units.includes(k) ? !this.x[k] : !!this.x[k];
  }

  feasible(): boolean {
    const { p, x } = this;
    if (this.left.some((l) => l < 0)) return false;
    if ([...this.perCountry.values()].some((k) => k > p.countryCap)) return false;
    if (this.perCountry.size < p.minCountries) return false;
    if (p.units.some((_, i) => (x[i] && !p.hi[i]) || (!x[i] && p.lo[i]))) return false;
    if (p.requires.some(({ a, b }) => x[a] && !x[b])) return false;
    return !p.excludes.some(({ a, b }) => x[a] && x[b]);
  }
}
