// Reviewer assignment on generated instances: 100 candidate pairs per proposal with random integer
// affinities 1..100, 4 reviews each, load ≤ 6, both modes. Prints time (wall and CPU), objective,
// worst proposal, proven bounds and peak RSS; asserts nothing. `npx tsx bench/assignment.ts [--write DIR]`
// (--write also saves each instance in the `orbitshare solve assignment` format, for a reference solver).
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { solveAssignment } from '../src/solvers/assignment/solve.js';
import { type AssignmentResult, type AssignmentSnapshot, isSolved } from '../src/solvers/assignment/types.js';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generateInstance(
  P: number,
  R: number,
  perProposal: number,
  D: number,
  L: number,
  seed: number,
): AssignmentSnapshot {
  const rand = rng(seed);
  const n = P * Math.min(perProposal, R);
  const proposal = new Int32Array(n);
  const reviewer = new Int32Array(n);
  const affinity = new Int32Array(n);
  const mark = new Int32Array(R).fill(-1);
  let k = 0;
  for (let p = 0; p < P; p++) {
    for (let c = 0; c < Math.min(perProposal, R); ) {
      const r = Math.floor(rand() * R);
      if (mark[r] === p) continue;
      mark[r] = p;
      proposal[k] = p;
      reviewer[k] = r;
      affinity[k] = 1 + Math.floor(rand() * 100);
      k++;
      c++;
    }
  }
  return {
    proposals: Array.from({ length: P }, (_, p) => ({ id: String(p), demand: D })),
    reviewers: Array.from({ length: R }, (_, r) => ({ id: String(r), maxLoad: L })),
    pairs: { proposal, reviewer, affinity },
  };
}

function toCsv(s: AssignmentSnapshot, D: number, L: number): string {
  const rows = [`#${s.proposals.length},${s.reviewers.length},${D},${L}`];
  for (let k = 0; k < s.pairs.proposal.length; k++)
    rows.push(`${s.pairs.proposal[k]},${s.pairs.reviewer[k]},${s.pairs.affinity[k]}`);
  return `${rows.join('\n')}\n`;
}

const mb = (bytes: number) => `${Math.round(bytes / 1024)} MiB`;

export async function assignmentBench(writeDir?: string): Promise<void> {
  const sizes: [number, number, number][] = [
    [500, 300, 6],
    [500, 300, 7],
    [5_000, 3_000, 6],
    [5_000, 3_000, 7],
    [12_000, 13_000, 6],
  ];
  // BENCH_SIZES=12000x13000 keeps the large instance only; BENCH_RUNS=5 repeats each solve (medians).
  const only = process.env.BENCH_SIZES?.split(',');
  const runs = Math.max(1, Number(process.env.BENCH_RUNS ?? 1));
  for (const [P, R, L] of sizes) {
    if (only && !only.includes(`${P}x${R}`)) continue;
    const snapshot = generateInstance(P, R, 100, 4, L, P + R);
    if (writeDir) {
      mkdirSync(writeDir, { recursive: true });
      writeFileSync(join(writeDir, `assign-${P}x${R}-L${L}.csv`), toCsv(snapshot, 4, L));
    }
    for (const mode of ['total', 'fair'] as const) {
      const walls: number[] = [];
      const cpus: number[] = [];
      let result: AssignmentResult | undefined;
      for (let run = 0; run < runs; run++) {
        const cpu = process.cpuUsage();
        const started = performance.now();
        result = await solveAssignment(snapshot, { mode });
        walls.push((performance.now() - started) / 1000);
        const used = process.cpuUsage(cpu);
        cpus.push((used.user + used.system) / 1e6);
      }
      const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
      const wall = median(walls);
      const cpuSeconds = median(cpus);
      if (!result) continue;
      const label = `${P}×${R}, ${snapshot.pairs.proposal.length} pairs, load ≤ ${L}, ${mode}`.padEnd(52);
      const figures = isSolved(result)
        ? `${result.status}${result.exact ? ' (proven)' : ''}, total ${result.totalAffinity}, worst ${result.worstProposal?.affinity}` +
          ` (bounds: worst ≤ ${result.bounds.worstAffinity}, total ≤ ${result.bounds.totalAffinity}), ${result.stats.method}`
        : `${result.status}: ${result.reasons.map((r) => r.kind).join(', ')}${result.reasons[0]?.kind === 'supply' ? ` (${JSON.stringify(result.reasons[0])})` : ''}`;
      console.log(
        `${label} ${wall.toFixed(2)} s wall, ${cpuSeconds.toFixed(2)} s CPU${runs > 1 ? ` (medians of ${runs})` : ''}, load ${loadavg()[0]!.toFixed(1)}; ${figures}; peak RSS ${mb(process.resourceUsage().maxRSS)}`,
      );
    }
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const at = process.argv.indexOf('--write');
  await assignmentBench(at > 0 ? process.argv[at + 1] : undefined);
}
