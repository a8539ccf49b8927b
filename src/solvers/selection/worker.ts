// Worker thread: loads HiGHS, solves the job it was started with, posts progress and the answer.
import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../../domain/errors.js';
import { loadHighs } from './load-highs.js';
import type { SelectionJob, WorkerMessage } from './protocol.js';
import { explainDecisions } from './reasons.js';
import { type Solve, solveSelection } from './solve.js';
import { sweepBudgets } from './sweep.js';
import { validateInstance } from './validate.js';

const { job, abortBuffer } = workerData as { job: SelectionJob; abortBuffer: SharedArrayBuffer };
const abort = new Int32Array(abortBuffer);
const post = (message: WorkerMessage) => parentPort?.postMessage(message);

try {
  validateInstance(job.instance);
  const highs = await loadHighs();
  const solve: Solve = (instance, options) =>
    solveSelection(highs, instance, { timeLimitSec: job.timeLimitSec, abort, ...options });
  post({ type: 'started' });
  const result = solve(job.instance, {
    onIncumbent: (selected, objective) => post({ type: 'incumbent', selected, objective }),
    onProgress: (objective, bound) => post({ type: 'progress', objective, bound }),
  });
  post({ type: 'solved' });
  const go = () => Atomics.load(abort, 0) === 0;
  const explanations = job.explain && go() ? explainDecisions(job.instance, result, solve) : undefined;
  const sweep = job.sweep && go() ? sweepBudgets(job.instance, solve, job.sweep) : undefined;
  post({ type: 'done', analysis: { result, ...(explanations ? { explanations } : {}), ...(sweep ? { sweep } : {}) } });
} catch (error) {
  const e = error instanceof AppError ? error : new AppError('INTERNAL', (error as Error).message);
  post({ type: 'error', code: e.code, message: e.message, issues: e.issues });
}
