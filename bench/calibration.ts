// Score calibration on 1,000 proposals × 300 reviewers × 4 reviews with planted merits and biases:
// time, and Spearman rank correlation with the planted merit for the raw mean vs the calibrated
// merit, over a few seeds. Prints figures, asserts nothing. `npx tsx bench/calibration.ts`
import { loadavg } from 'node:os';
import { calibrate } from '../src/solvers/calibration/calibrate.js';
import { plantedReviews, spearman } from '../src/solvers/calibration/synthetic.js';

export function calibrationBench(): void {
  for (const seed of [1, 2, 3]) {
    const planted = plantedReviews(1000, 300, 4, seed);
    const cpu = process.cpuUsage();
    const started = performance.now();
    const result = calibrate(planted.reviews);
    const wall = (performance.now() - started) / 1000;
    const truth = result.proposals.map((p) => planted.merit.get(p.id)!);
    const raw = spearman(
      truth,
      result.proposals.map((p) => p.rawMean),
    );
    const calibrated = spearman(
      truth,
      result.proposals.map((p) => p.merit),
    );
    console.log(
      `1000×300×4 (seed ${seed}): ${wall.toFixed(3)} s wall, ${(process.cpuUsage(cpu).user / 1e6).toFixed(3)} s CPU; ` +
        `Spearman raw mean ${raw.toFixed(3)}, calibrated ${calibrated.toFixed(3)}; uncertainty ${result.uncertainty}, ` +
        `connected ${result.connected}, noise sd ${result.noiseSd.toFixed(3)} (load ${loadavg()[0]!.toFixed(1)})`,
    );
  }
}

if (import.meta.url === `file://${process.argv[1]}`) calibrationBench();
