import type { FieldIssue } from '../../domain/errors.js';
import type { Explanation } from './reasons.js';
import type { SweepPoint } from './sweep.js';
import type { SelectionInstance, SelectionResult } from './types.js';

/** What the runner asks the worker for. */
export interface SelectionJob {
  instance: SelectionInstance;
  /** HiGHS time limit of the main solve and of each re-solve. */
  timeLimitSec: number;
  explain?: boolean;
  /** Percent steps of the what-if sweep; absent = no sweep. */
  sweep?: number[];
}

export interface SelectionAnalysis {
  result: SelectionResult;
  explanations?: Explanation[];
  sweep?: SweepPoint[];
}

export type WorkerMessage =
  | { type: 'started' }
  | { type: 'incumbent'; selected: string[]; objective: number }
  | { type: 'progress'; objective: number; bound: number }
  | { type: 'solved' }
  | { type: 'done'; analysis: SelectionAnalysis }
  | { type: 'error'; code: string; message: string; issues: FieldIssue[] };
