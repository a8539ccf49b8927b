// Runs a solve in a worker thread with progress callbacks and a time limit. The solver stops itself
// at the limit (returning its best, or `time-limit`); the worker is terminated if it overruns by more
// than a grace period, so a caller always gets an answer in bounded time.
import { Worker } from 'node:worker_threads';
import type { AssignmentOptions, AssignmentProgress, AssignmentResult, AssignmentSnapshot } from './types.js';
import type { WorkerRequest } from './worker.js';
import { type PackedAssignments, unpackResult } from './worker-transfer.js';

const GRACE_MS = 5_000;

/** The compiled worker; from the TypeScript sources (tests, tsx) a small bootstrap registers tsx first. */
function startWorker(): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./worker.js', import.meta.url));
  const source = new URL('./worker.ts', import.meta.url).href;
  const bootstrap = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(source)}); });`;
  return new Worker(bootstrap, { eval: true });
}

export function solveAssignmentInWorker(
  snapshot: AssignmentSnapshot,
  options: AssignmentOptions = {},
): Promise<AssignmentResult> {
  const { onProgress, ...rest } = options;
  const worker = startWorker();
  const mode = options.mode ?? 'total';
  return new Promise<AssignmentResult>((resolve, reject) => {
    let settled = false;
    const finish = (action: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      action();
      void worker.terminate();
    };
    const timer =
      options.timeLimitMs === undefined
        ? undefined
        : setTimeout(
            () =>
              finish(() =>
                resolve({
                  status: 'time-limit',
                  mode,
                  reasons: [],
                  stats: { method: 'flow', freePairs: snapshot.pairs.proposal.length, solves: 0 },
                }),
              ),
            options.timeLimitMs + GRACE_MS,
          );
    type Message = { type: string; progress?: AssignmentProgress; result?: AssignmentResult; packed?: PackedAssignments };
    worker.on('message', (message: Message) => {
      if (message.type === 'progress' && message.progress) onProgress?.(message.progress);
      if (message.type === 'result' && message.result)
        finish(() => resolve(unpackResult(message.result!, message.packed, snapshot)));
    });
    worker.once('error', (error) => finish(() => reject(error)));
    worker.once('exit', (code) => finish(() => reject(new Error(`the solver worker exited early (code ${code})`))));
    const request: WorkerRequest = { snapshot, options: rest };
    worker.postMessage(request);
  });
}
