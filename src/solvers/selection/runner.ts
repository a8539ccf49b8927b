import { createHash } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import { AppError, type ErrorCode } from '../../domain/errors.js';
import { allocateGrants } from './grants.js';
import type { SelectionAnalysis, SelectionJob, WorkerMessage } from './protocol.js';
import type { SelectionInstance } from './types.js';

export interface RunSelectionOptions {
  /** Seconds HiGHS may search (default 60); then it returns its best set and its bound. */
  timeLimitSec?: number;
  explain?: boolean;
  sweep?: number[];
  /** Stops the search; the best set found so far is returned. */
  signal?: AbortSignal;
  /** Seconds past the time limit before the worker is asked to stop, then terminated (default 2). */
  graceSec?: number;
  /** Progress of the search: each new best set's merit, and the bound as it tightens. */
  onProgress?: (progress: { objective: number | null; bound: number | null }) => void;
  /** Answer a snapshot solved before from memory (default true); see `answered`. */
  cache?: boolean;
}

/**
 * Proven answers by snapshot hash. A result that is optimal or infeasible, with every reason exact
 * and no sweep point cut short, is a fixed function of the snapshot (the solve is deterministic), so
 * the decision board that asks again for an unchanged call gets it at once. Time-limited answers
 * depend on the machine's speed and are never kept.
 */
const CACHE_SIZE = 32;
const answered = new Map<string, SelectionAnalysis>();

const snapshotKey = (job: Omit<SelectionJob, 'timeLimitSec'>) =>
  createHash('sha256')
    .update(JSON.stringify([job.instance, job.explain ?? false, job.sweep ?? null]))
    .digest('hex');

const proven = (analysis: SelectionAnalysis) =>
  analysis.result.status !== 'time_limit' &&
  (analysis.explanations ?? []).every((e) => e.exact) &&
  (analysis.sweep ?? []).every((point) => point.status !== 'time_limit');

function remember(key: string, analysis: SelectionAnalysis): void {
  if (!proven(analysis)) return;
  answered.delete(key);
  answered.set(key, structuredClone(analysis));
  while (answered.size > CACHE_SIZE) answered.delete(answered.keys().next().value as string);
}

/** In dist/ the worker is plain JavaScript; from the sources (tests, tsx) it is loaded through tsx. */
function startWorker(workerData: unknown): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./worker.js', import.meta.url), { workerData });
  const url = new URL('./worker.ts', import.meta.url).href;
  const bootstrap = `import('tsx/esm/api').then((api) => api.tsImport(${JSON.stringify(url)}, ${JSON.stringify(import.meta.url)}))`;
  return new Worker(bootstrap, { eval: true, workerData });
}

/**
 * Solves in a worker thread so the caller keeps answering. HiGHS stops itself at the time limit
 * with its incumbent and bound; should it not, the shared abort flag interrupts it at its next
 * checkpoint, and as a last resort the worker is terminated and the last incumbent it reported is
 * returned (status time_limit, with the last bound it reported).
 */
export interface RunTimes {
  /** From the call to the answer, worker start and HiGHS load included. */
  elapsedMs: number;
  /** The search itself: from the worker's start of the solve to the answer. */
  solveMs: number;
  /** Answered from the cache of proven results (same snapshot, explain and sweep). */
  fromCache?: boolean;
}

export function runSelection(
  instance: SelectionInstance,
  options: RunSelectionOptions = {},
): Promise<SelectionAnalysis & RunTimes> {
  const timeLimitSec = options.timeLimitSec ?? 60;
  const grace = (options.graceSec ?? 2) * 1000;
  const job: SelectionJob = { instance, timeLimitSec, explain: options.explain, sweep: options.sweep };
  const key = options.cache === false ? null : snapshotKey(job);
  const known = key ? answered.get(key) : undefined;
  if (known) return Promise.resolve({ ...structuredClone(known), elapsedMs: 0, solveMs: 0, fromCache: true });
  const abortBuffer = new SharedArrayBuffer(4);
  const abort = new Int32Array(abortBuffer);
  const started = performance.now();
  let solveStarted = started;
  const times = (): RunTimes => ({ elapsedMs: performance.now() - started, solveMs: performance.now() - solveStarted });
  const worker = startWorker({ job, abortBuffer });
  let incumbent: { selected: string[]; objective: number } | null = null;
  let bound: number | null = null;
  const timers: NodeJS.Timeout[] = [];
  return new Promise((resolve, reject) => {
    const finish = (outcome: () => void) => {
      for (const t of timers) clearTimeout(t);
      options.signal?.removeEventListener('abort', stop);
      void worker.terminate();
      outcome();
    };
    const stop = () => {
      Atomics.store(abort, 0, 1);
      timers.push(setTimeout(() => finish(() => resolve(fallback())), grace));
    };
    const fallback = (): SelectionAnalysis & RunTimes => {
      const selected = incumbent?.selected ?? [];
      const objective = incumbent?.objective ?? null;
      const proven = bound === null ? null : Math.max(objective ?? 0, Math.floor(bound + 1e-6));
      const gap = proven === null || objective === null ? null : proven > 0 ? (proven - objective) / proven : 0;
      const { used, grants } = allocateGrants(instance, new Set(selected));
      const result = { status: 'time_limit' as const, objective, bound: proven, gap, selected, used, grants, dropped: [] };
      return { result, ...times() };
    };
    if (options.signal?.aborted) stop();
    options.signal?.addEventListener('abort', stop, { once: true });
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'started') {
        solveStarted = performance.now();
        timers.push(setTimeout(stop, timeLimitSec * 1000 + grace));
      } else if (message.type === 'incumbent') {
        incumbent = { selected: message.selected, objective: Math.round(message.objective) };
        options.onProgress?.({ objective: incumbent.objective, bound });
      } else if (message.type === 'progress') {
        bound = message.bound;
        options.onProgress?.({ objective: incumbent?.objective ?? null, bound });
      } else if (message.type === 'solved') for (const t of timers.splice(0)) clearTimeout(t);
      else if (message.type === 'done')
        finish(() => {
          if (key && Atomics.load(abort, 0) === 0) remember(key, message.analysis);
          resolve({ ...message.analysis, ...times() });
        });
      else if (message.type === 'error')
        finish(() => reject(new AppError(message.code as ErrorCode, message.message, message.issues)));
    });
    worker.on('error', (error) =>
      finish(() => reject(new AppError('INTERNAL', `the selection worker failed: ${error.message}`))),
    );
    worker.on('exit', (code) => finish(() => reject(new AppError('INTERNAL', `the selection worker exited (${code})`))));
  });
}
