// Does the server keep answering while a large reviewer assignment is solved? The real server
// (startServer, as `serve` runs it: embedded database in a temporary DATA_DIR, listening on a port)
// runs in this process, and the 12,000 × 13,000 instance (1.2 M pairs, 4 reviews each, load ≤ 6) is
// solved through the path the API takes (solveAssignmentInWorker, what proposeAssignments calls),
// back to back for BENCH_DURATION seconds. /api/health is probed over HTTP 20 times a second on a
// fixed schedule from another thread, every probe awaited: alone, during the worker solves, and (the counterfactual) during
// one solve on the main thread. Prints p50/p99/max per phase; asserts nothing.
//   node --import tsx bench/assignment-server.ts          (target: p99 < 50 ms during the worker solves)
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { loadConfig } from '../src/config.js';
import { startServer } from '../src/server/start.js';
import { solveAssignmentInWorker } from '../src/solvers/assignment/runner.js';
import { solveAssignment } from '../src/solvers/assignment/solve.js';
import { isSolved } from '../src/solvers/assignment/types.js';
import { generateInstance } from './assignment.js';

const SECONDS = Number(process.env.BENCH_DURATION ?? 15);
const PROBES_PER_S = 20;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

// The prober runs in a worker thread of its own: probes fired by timers on the server's thread would
// simply not be sent while that thread is blocked, and a blocked server would look fast.
const PROBER = `
const { parentPort, workerData } = require('node:worker_threads');
const latencies = [];
let failed = 0;
const pending = [];
const probe = async () => {
  const start = performance.now();
  try {
    const response = await fetch(workerData.url + '/api/health', { signal: AbortSignal.timeout(60000) });
    await response.arrayBuffer();
    if (response.status === 200) latencies.push(performance.now() - start);
    else failed++;
  } catch {
    failed++;
  }
};
const timer = setInterval(() => pending.push(probe()), workerData.everyMs);
parentPort.once('message', async () => {
  clearInterval(timer);
  await Promise.all(pending);
  parentPort.postMessage({ latencies, failed });
});
`;

/** Probes health from another thread until `done` settles (and at least `minSeconds`). */
async function probeWhile(url: string, done: Promise<unknown>, minSeconds = 0) {
  const prober = new Worker(PROBER, { eval: true, workerData: { url, everyMs: 1000 / PROBES_PER_S } });
  // How long the server's own thread was ever blocked: independent of the HTTP round trip.
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();
  await Promise.all([done, new Promise((resolve) => setTimeout(resolve, minSeconds * 1000))]);
  loopDelay.disable();
  const report = new Promise<{ latencies: number[]; failed: number }>((resolve) => prober.once('message', resolve));
  prober.postMessage('stop');
  const { latencies, failed } = await report;
  await prober.terminate();
  const sorted = latencies.sort((a, b) => a - b);
  const ms = (v: number | undefined) => Math.round(v ?? Number.NaN);
  return `p50 ${ms(percentile(sorted, 50))} ms, p99 ${ms(percentile(sorted, 99))} ms, max ${ms(sorted.at(-1))} ms (${sorted.length} probes, ${failed} failed); server thread blocked at most ${Math.round(loopDelay.max / 1e6)} ms`;
}

export async function assignmentServerBench(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'orbitshare-assign-'));
  const config = loadConfig({ ...process.env, DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn' });
  const server = await startServer(config);
  try {
    const snapshot = generateInstance(12_000, 13_000, 100, 4, 6, 25_000);
    console.log(`assignment-server: load ${loadavg()[0]!.toFixed(1)}, 1.2 M pairs, probes every ${1000 / PROBES_PER_S} ms`);
    await probeWhile(server.url, Promise.resolve(), 1); // warm-up: first requests, JIT
    console.log(`  /api/health alone:                       ${await probeWhile(server.url, Promise.resolve(), 5)}`);

    const solves: string[] = [];
    const deadline = Date.now() + SECONDS * 1000;
    const inWorker = (async () => {
      while (Date.now() < deadline) {
        const started = performance.now();
        const result = await solveAssignmentInWorker(snapshot, { timeLimitMs: 60_000 });
        const figure = isSolved(result) ? `total ${result.totalAffinity}` : result.status;
        solves.push(`${((performance.now() - started) / 1000).toFixed(2)} s (${figure})`);
      }
    })();
    console.log(`  during solves in a worker thread:        ${await probeWhile(server.url, inWorker)}`);
    console.log(`    ${solves.length} solves, each (worker start, copy, solve, result): ${solves.join('; ')}`);

    // The counterfactual: the same solve on the server's own thread, started once the probes run.
    const onMain = new Promise<void>((resolve) =>
      setTimeout(() => {
        const started = performance.now();
        void solveAssignment(snapshot).then(() => {
          mainSolve = ((performance.now() - started) / 1000).toFixed(2);
          resolve();
        });
      }, 500),
    );
    let mainSolve = '';
    console.log(`  during one solve on the main thread:     ${await probeWhile(server.url, onMain, 2)}`);
    console.log(`    (that solve took ${mainSolve} s)`);
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await assignmentServerBench();
