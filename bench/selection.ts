// Selection under budgets: time to proven optimality (or the gap at 10 s and 60 s) on generated
// calls with 6 budgets, a country cap and a minimum number of countries, and the merit lost by
// greedy selection by merit (what is done by hand). Prints figures, asserts nothing. "search" is wall
// clock from the worker's start of the solve to the answer, "call" adds worker start and HiGHS load;
// the time limits are HiGHS's own (wall clock), so on a loaded machine the CPU seconds (process-wide,
// worker included) are the steadier figure.
//   node --import tsx bench/selection.ts          BENCH_SIZES=100,300,1000 BENCH_SEEDS=2
import { execSync } from 'node:child_process';
import { generateInstance } from '../src/solvers/selection/generate.js';
import { greedy } from '../src/solvers/selection/greedy.js';
import { presolve } from '../src/solvers/selection/presolve.js';
import { runSelection } from '../src/solvers/selection/runner.js';
import type { SelectionInstance } from '../src/solvers/selection/types.js';

const sizes = (process.env.BENCH_SIZES ?? '100,300,1000').split(',').map(Number);
const seeds = Number(process.env.BENCH_SEEDS ?? 2);
// Calls as they come (bench/README.md says why): payloads: the 6 budgets are mass/power/data of 2
// modules, a payload flies on one (100 g … 20 kg, power and data growing with mass); samples: the 6
// budgets are sample types (mg), a request asks for 1–3 of them; both with merits spread as a
// panel's calibrated scores are. Stress cases, kept from the first bench: panel: merit uniform and
// independent of the request, each proposal asks for about half of the 6 budgets (10–1000 each),
// an uncorrelated 6-dimensional knapsack; correlated: merit grows with the request (N ≤ 300);
// modules: payloads with uniform merits.
const families = (process.env.BENCH_FAMILIES ?? 'payloads,samples,panel,correlated,modules').split(',');

const cpuSeconds = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1e6;
};

function greedyMerit(instance: SelectionInstance): number | null {
  const p = presolve(instance);
  const chosen = greedy(p, 'merit');
  return chosen ? p.units.reduce((s, u, i) => s + (chosen[i] ? u.merit : 0), 0) : null;
}

async function measure(instance: SelectionInstance) {
  const cpu = process.cpuUsage();
  const first = await runSelection(instance, { timeLimitSec: 10 });
  const line: Record<string, string> = {};
  let best = first.result;
  if (first.result.status === 'optimal') {
    line.proof = `optimal: search ${(first.solveMs / 1000).toFixed(2)} s, call ${(first.elapsedMs / 1000).toFixed(2)} s (${cpuSeconds(cpu).toFixed(2)} s CPU)`;
  } else {
    const long = await runSelection(instance, { timeLimitSec: 60 });
    best = long.result;
    const gap = (g: number | null) => (g === null ? '-' : `${(g * 100).toFixed(3)} %`);
    line.proof =
      long.result.status === 'optimal'
        ? `gap ${gap(first.result.gap)} at 10 s; optimal: search ${(long.solveMs / 1000).toFixed(1)} s (${cpuSeconds(cpu).toFixed(1)} s CPU for both runs)`
        : `gap ${gap(first.result.gap)} at 10 s, ${gap(long.result.gap)} at 60 s (${cpuSeconds(cpu).toFixed(1)} s CPU for both runs)`;
  }
  const byHand = greedyMerit(instance);
  const objective = best.objective ?? 0;
  line.greedy =
    byHand === null
      ? 'greedy: no feasible set'
      : `greedy by merit ${byHand} vs ${objective}: −${(((objective - byHand) / objective) * 100).toFixed(2)} %`;
  line.selected = `${best.selected.length} selected, ${best.dropped.length} dropped by presolve`;
  return line;
}

console.log(`uptime: ${execSync('uptime').toString().trim()}`);
for (const family of families) {
  for (const n of family === 'correlated' ? sizes.filter((s) => s <= 300) : sizes) {
    for (let seed = 1; seed <= seeds; seed++) {
      const instance = generateInstance({
        proposals: n,
        budgets: 6,
        countries: Math.round(n / 6),
        countryCap: 4,
        minCountries: Math.round(n / 12),
        seed,
        correlated: family === 'correlated',
        modules: family === 'modules' || family === 'payloads',
        samples: family === 'samples',
        panelScores: family === 'payloads' || family === 'samples',
      });
      const line = await measure(instance);
      console.log(`${family.padEnd(10)} N=${String(n).padEnd(5)} seed ${seed}: ${line.proof}; ${line.greedy}; ${line.selected}`);
    }
  }
}
console.log(`uptime: ${execSync('uptime').toString().trim()}`);
