// Runs the review's heavy computations in a worker thread (the pattern of the assignment solver's
// runner): the server's event loop keeps answering while a large round's affinities or conflicts
// are computed. Each call starts its own worker and ends it with the answer.
import { Worker } from 'node:worker_threads';
import type { AffinityOptions, ExpertText, ProposalText } from '../../domain/review/affinity.js';
import type { ConflictRules, DetectedConflict, ExpertProfile, ProposalProfile } from '../../domain/review/conflict-profiles.js';
import type { PackedAffinities, ReviewJob, ReviewWorkerMessage, ReviewWorkerRequest } from './protocol.js';

export type { PackedAffinities } from './protocol.js';

export interface OffThreadOptions {
  /** Called when the worker has received the job, with the worker's thread id. */
  onStarted?: (threadId: number) => void;
  /** See ReviewJobRequest.hold: the worker waits, once started, until slot 0 turns non-zero. */
  hold?: Int32Array;
}

/** In dist/ the worker is plain JavaScript; from the sources (tests, tsx) it is loaded through tsx. */
function startWorker(): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./worker.js', import.meta.url));
  const source = new URL('./worker.ts', import.meta.url).href;
  const bootstrap = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(source)}); });`;
  return new Worker(bootstrap, { eval: true });
}

// Copying records into a message holds the caller's thread: a proposal with its team's publications
// is thousands of strings, and 500 of them took 0.7 s on a loaded machine. So the records go in
// parts sized to take about PART_MS each (the size adapts to what the last part took), with the
// event loop's turn between parts.
const PART_MS = 4;
const FIRST_PART = 16;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

async function sendJob(worker: Worker, job: ReviewJob, hold: Int32Array | undefined): Promise<void> {
  let size = FIRST_PART;
  for (const [type, records] of [
    ['experts', job.experts],
    ['proposals', job.proposals],
  ] as const) {
    for (let start = 0; start < records.length; ) {
      const request: ReviewWorkerRequest = { type, items: records.slice(start, start + size) };
      const began = performance.now();
      worker.postMessage(request);
      const took = performance.now() - began;
      start += size;
      if (took < PART_MS / 2) size *= 2;
      else if (took > PART_MS * 2) size = Math.max(1, Math.floor(size / 2));
      await nextTurn();
    }
  }
  const { experts: _experts, proposals: _proposals, ...header } = job;
  const request: ReviewWorkerRequest = { type: 'run', header, hold };
  worker.postMessage(request);
}

function runJob<T>(
  job: ReviewJob,
  options: OffThreadOptions,
  onMessage: (message: ReviewWorkerMessage, resolve: (value: T) => void) => void,
): Promise<T> {
  const worker = startWorker();
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const finish = (action: () => void) => {
      if (settled) return;
      settled = true;
      action();
      void worker.terminate();
    };
    worker.on('message', (message: ReviewWorkerMessage) => {
      if (message.type === 'started') options.onStarted?.(message.threadId);
      else onMessage(message, (value) => finish(() => resolve(value)));
    });
    worker.once('error', (error) => finish(() => reject(error)));
    worker.once('exit', (code) => finish(() => reject(new Error(`the review worker exited early (code ${code})`))));
    sendJob(worker, job, options.hold).catch((error: unknown) => finish(() => reject(error)));
  });
}

/**
 * computeAffinities in a worker: pair k is proposals[proposal[k]] with experts[expert[k]], in the
 * domain function's order (by proposal id, then expert id).
 */
export function computeAffinitiesOffThread(
  experts: readonly ExpertText[],
  proposals: readonly ProposalText[],
  affinityOptions: AffinityOptions = {},
  options: OffThreadOptions = {},
): Promise<PackedAffinities> {
  return runJob<PackedAffinities>(
    { task: 'affinities', experts, proposals, options: affinityOptions },
    options,
    (message, resolve) => {
      if (message.type === 'affinities') resolve(message.packed);
    },
  );
}

/** detectConflicts in a worker: the same list, rebuilt from the caller's own records. */
export function detectConflictsOffThread(
  experts: readonly ExpertProfile[],
  proposals: readonly ProposalProfile[],
  rules: ConflictRules,
  options: OffThreadOptions = {},
): Promise<DetectedConflict[]> {
  const found: DetectedConflict[] = [];
  return runJob<DetectedConflict[]>({ task: 'conflicts', experts, proposals, rules }, options, (message, resolve) => {
    if (message.type === 'conflicts')
      for (const c of message.chunk)
        found.push({
          expertId: experts[c.expert]!.expertId,
          proposalId: proposals[c.proposal]!.proposalId,
          evidence: c.evidence,
        });
    if (message.type === 'done') resolve(found);
  });
}
