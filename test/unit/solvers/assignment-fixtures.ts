// Small random assignment instances and an independent exact reference (a MILP written as LP text
// for HiGHS, or brute force), for the solver tests.
import highsModule from 'highs';
import type { AssignmentResult, AssignmentSnapshot, AssignmentSolution, PairRef } from '../../../src/solvers/assignment/types.js';

export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SmallInstance {
  snapshot: AssignmentSnapshot;
  /** Candidate pairs as [proposal index, reviewer index, affinity]. */
  pairs: [number, number, number][];
}

export function randomInstance(
  seed: number,
  shape: { maxP: number; maxR: number; minLoads?: boolean; forced?: boolean },
): SmallInstance {
  const rand = rng(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const P = int(2, shape.maxP);
  const R = int(2, shape.maxR);
  const density = 0.4 + rand() * 0.6;
  const pairs: [number, number, number][] = [];
  for (let p = 0; p < P; p++) for (let r = 0; r < R; r++) if (rand() < density) pairs.push([p, r, int(0, 20)]);
  const proposals = Array.from({ length: P }, (_, p) => ({ id: `p${p}`, demand: int(1, 3) }));
  const reviewers = Array.from({ length: R }, (_, r) => {
    const maxLoad = int(1, 4);
    return { id: `r${r}`, maxLoad, minLoad: shape.minLoads && rand() < 0.3 ? int(0, Math.min(2, maxLoad)) : 0 };
  });
  const forced: PairRef[] = [];
  const forbidden: PairRef[] = [];
  for (const [p, r] of pairs) {
    const roll = rand();
    if (shape.forced && roll < 0.05) forced.push({ proposal: `p${p}`, reviewer: `r${r}` });
    else if (roll > 0.93) forbidden.push({ proposal: `p${p}`, reviewer: `r${r}` });
  }
  return {
    pairs,
    snapshot: {
      proposals,
      reviewers,
      pairs: {
        proposal: Int32Array.from(pairs, (x) => x[0]),
        reviewer: Int32Array.from(pairs, (x) => x[1]),
        affinity: Int32Array.from(pairs, (x) => x[2]),
      },
      forced,
      forbidden,
    },
  };
}

type Loader = typeof highsModule.default;
const loadHighs: Loader = typeof highsModule === 'function' ? (highsModule as unknown as Loader) : highsModule.default;
const highsReady = loadHighs();

/** The exact optimum of total affinity by HiGHS from a model written independently of the solver. */
export async function referenceOptimum(instance: SmallInstance): Promise<number | 'infeasible'> {
  const { snapshot, pairs } = instance;
  const forbidden = new Set((snapshot.forbidden ?? []).map((f) => `${f.proposal}/${f.reviewer}`));
  const forced = new Set((snapshot.forced ?? []).map((f) => `${f.proposal}/${f.reviewer}`));
  const allowed = pairs.filter(([p, r]) => !forbidden.has(`p${p}/r${r}`));
  if ([...forced].some((key) => forbidden.has(key))) return 'infeasible';
  const name = ([p, r]: [number, number, number]) => `x_${p}_${r}`;
  const sumOf = (list: [number, number, number][]) => (list.length ? list.map(name).join(' + ') : '0 dummy');
  const lines = [
    'Maximize',
    ` obj: ${allowed.length ? allowed.map((x) => `${x[2]} ${name(x)}`).join(' + ') : '0 dummy'}`,
    'Subject To',
  ];
  snapshot.proposals.forEach((proposal, p) => {
    lines.push(` d${p}: ${sumOf(allowed.filter((x) => x[0] === p))} = ${proposal.demand}`);
  });
  snapshot.reviewers.forEach((reviewer, r) => {
    const mine = allowed.filter((x) => x[1] === r);
    lines.push(` u${r}: ${sumOf(mine)} <= ${reviewer.maxLoad}`);
    if (reviewer.minLoad) lines.push(` l${r}: ${sumOf(mine)} >= ${reviewer.minLoad}`);
  });
  lines.push('Bounds', ' dummy = 0');
  for (const x of allowed) if (forced.has(`p${x[0]}/r${x[1]}`)) lines.push(` ${name(x)} = 1`);
  lines.push('Binary', ...allowed.map((x) => ` ${name(x)}`), 'End');
  const highs = await highsReady;
  const result = highs.solve(lines.join('\n'), { output_flag: false, mip_rel_gap: 0, mip_abs_gap: 0 });
  if (result.Status === 'Infeasible') return 'infeasible';
  if (result.Status !== 'Optimal') throw new Error(`reference solve: ${result.Status}`);
  return Math.round(result.ObjectiveValue);
}

/** Every feasible assignment's (worst proposal affinity, total) by enumeration; best lexicographically. */
export function bruteForceFair(
  instance: SmallInstance,
  objective: 'fair' | 'total' = 'fair',
  accept: (proposal: number, reviewers: number[]) => boolean = () => true,
): { worst: number; total: number } | 'infeasible' {
  const { snapshot, pairs } = instance;
  const P = snapshot.proposals.length;
  const options: [number, number, number][][][] = [];
  for (let p = 0; p < P; p++) {
    const mine = pairs.filter((x) => x[0] === p);
    const subsets: [number, number, number][][] = [];
    const pick = (from: number, chosen: [number, number, number][]) => {
      if (chosen.length === snapshot.proposals[p]!.demand) {
        if (
          accept(
            p,
            chosen.map((x) => x[1]),
          )
        )
          subsets.push([...chosen]);
        return;
      }
      for (let i = from; i < mine.length; i++) pick(i + 1, [...chosen, mine[i]!]);
    };
    pick(0, []);
    options.push(subsets);
  }
  let best: { worst: number; total: number } | null = null;
  const load = new Array(snapshot.reviewers.length).fill(0);
  const walk = (p: number, worst: number, total: number) => {
    if (p === P) {
      if (snapshot.reviewers.some((r, i) => load[i] < (r.minLoad ?? 0))) return;
      const better =
        objective === 'total'
          ? !best || total > best.total
          : !best || worst > best.worst || (worst === best.worst && total > best.total);
      if (better) best = { worst, total };
      return;
    }
    for (const subset of options[p]!) {
      if (subset.some(([, r]) => load[r] + 1 > snapshot.reviewers[r]!.maxLoad)) continue;
      for (const [, r] of subset) load[r]++;
      const sum = subset.reduce((s, x) => s + x[2], 0);
      walk(p + 1, Math.min(worst, sum), total + sum);
      for (const [, r] of subset) load[r]--;
    }
  };
  walk(0, Infinity, 0);
  return best ?? 'infeasible';
}

export function assertSolved(result: AssignmentResult, label = ''): asserts result is AssignmentSolution {
  if (result.status !== 'optimal' && result.status !== 'feasible') {
    throw new Error(`${label} expected a solution, got ${JSON.stringify(result)}`);
  }
}
