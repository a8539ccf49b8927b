// Cold start: the built server on an empty DATA_DIR (embedded database: create, migrate, load the
// demo data, listen) until the first 200 from /api/health; then a warm restart on the same DATA_DIR.
// Targets: cold < 5 s, warm < 2 s. Prints figures, asserts nothing.
//   node --import tsx bench/cold-start.ts            (BENCH_RUNS=5 to change the repeat count)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuilt, fmtMs, startServerProcess, summary } from './support.js';

const TARGET_COLD_MS = 5_000;
const TARGET_WARM_MS = 2_000;

export async function coldStart(runs = Number(process.env.BENCH_RUNS ?? 3)): Promise<void> {
  ensureBuilt();
  const cold: number[] = [];
  const warm: number[] = [];
  for (let i = 1; i <= runs; i++) {
    const dataDir = mkdtempSync(join(tmpdir(), 'orbitshare-bench-'));
    // The embedded database, as a newcomer gets it: DATABASE_URL removed.
    const env = { DATA_DIR: dataDir, DATABASE_URL: undefined, NODE_ENV: 'production' };
    try {
      const first = await startServerProcess(env);
      await first.stop();
      const second = await startServerProcess(env);
      await second.stop();
      cold.push(first.readyMs);
      warm.push(second.readyMs);
      console.log(`  run ${i}/${runs}: cold ${fmtMs(first.readyMs)}, warm ${fmtMs(second.readyMs)}`);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
  for (const [name, values, target] of [
    ['cold start (empty DATA_DIR)', cold, TARGET_COLD_MS],
    ['warm restart (same DATA_DIR)', warm, TARGET_WARM_MS],
  ] as const) {
    const s = summary(values);
    const verdict = s.median < target ? 'meets' : 'MISSES';
    console.log(
      `${name}: min ${fmtMs(s.min)}, median ${fmtMs(s.median)}, max ${fmtMs(s.max)} ` +
        `(target < ${fmtMs(target)}: median ${verdict} it)`,
    );
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log('cold-start: time to the first 200 from /api/health of the built server');
  await coldStart();
}
