// Does the server keep answering while a large reviewer assignment is solved? The real server
// (startServer, as `serve` runs it: embedded database in a temporary DATA_DIR, listening on a port)
// runs in this process, and the 12,000 × 13,000 instance (1.2 M pairs, 4 reviews each, load ≤ 6) is
// solved through the path the API takes (solveAssignmentInWorker, what proposeAssignments calls),
// back to back for BENCH_DURATION seconds. /api/health is probed over HTTP 20 times a second on a
// fixed schedule from another thread, every probe awaited: alone, during the worker solves, and (the counterfactual) during
// one solve on the main thread. Prints p50/p99/max per phase; asserts nothing.
// Then the whole propose path of a round with 1.2 M candidate pairs (1,200 proposals × 1,000 experts,
// every expert a candidate, BENCH_ROUND=PxR): conflict detection, affinities and the solve, through the
// worker runners the services call, and (the counterfactual) the same domain functions on the main thread.
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
import { type GeneratedRound, generateRound, type PathFigures, runProposePath } from './propose-path.js';

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

const cpuSeconds = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1e6;
};

/** The propose path once, while probing; its figures in a line. */
async function probePath(url: string, round: GeneratedRound, offThread: boolean) {
  const cpu = process.cpuUsage();
  const started = performance.now();
  let figures: PathFigures | undefined;
  // Started once the probes run, as the main-thread solve below.
  const path = new Promise<void>((resolve, reject) =>
    setTimeout(
      () =>
        runProposePath(round, offThread).then((f) => {
          figures = f;
          resolve();
        }, reject),
      500,
    ),
  );
  const health = await probeWhile(url, path, 2);
  const f = figures!;
  const s = (v: number) => v.toFixed(2);
  return {
    health,
    detail: `${f.pairs} pairs, ${f.conflicts} conflicts, ${f.result}; ${s((performance.now() - started) / 1000 - 0.5)} s wall (conflicts ${s(f.steps.conflicts)}, affinities ${s(f.steps.affinities)}, solve ${s(f.steps.solve)}), ${s(cpuSeconds(cpu))} s CPU of the process, all threads, probes included`,
  };
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

    const [P, R] = (process.env.BENCH_ROUND ?? '1200x1000').split('x').map(Number) as [number, number];
    const round = generateRound(P, R);
    console.log(`  the whole propose path, ${P} proposals × ${R} experts (load ${loadavg()[0]!.toFixed(1)}):`);
    const inWorkers = await probePath(server.url, round, true);
    console.log(`    in worker threads (as the services run it): ${inWorkers.health}`);
    console.log(`      ${inWorkers.detail}`);
    const inline = await probePath(server.url, round, false);
    console.log(`    all on the main thread (before):            ${inline.health}`);
    console.log(`      ${inline.detail}`);
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await assignmentServerBench();
