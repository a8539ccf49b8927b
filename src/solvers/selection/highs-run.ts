import type { Highs } from 'highs';
import { AppError } from '../../domain/errors.js';
import type { Milp } from './build-milp.js';

export interface RunOptions {
  /** HiGHS's own time_limit: on reaching it, HiGHS returns its incumbent and its bound. */
  timeLimitSec?: number;
  /** Shared flag: non-zero asks HiGHS to stop at its next MIP checkpoint (keeping the incumbent). */
  abort?: Int32Array;
  /** A feasible start (column values), e.g. the greedy set. */
  start?: number[];
  onIncumbent?: (x: Float64Array, objective: number) => void;
  onProgress?: (primal: number, dual: number) => void;
}

export interface RunOutcome {
  status: 'optimal' | 'time_limit' | 'infeasible';
  /** Column values of the best solution, when one is known. */
  x: number[] | null;
  /** HiGHS's proven bound (upper when maximising, lower when minimising). */
  dualBound: number | null;
}

/**
 * Fixed options so the same model gives the same answer: a fixed random seed (the WebAssembly build
 * runs one thread and forces parallel off itself); no relative gap, and an absolute gap below 1, which
 * with integer merits means proven optimal.
 */
const OPTIONS = { output_flag: false, random_seed: 20_260_101, mip_rel_gap: 0, mip_abs_gap: 0.5 } as const;

export function runHighs(highs: Highs, milp: Milp, options: RunOptions = {}): RunOutcome {
  const C = highs.constants;
  const inf = (v: number) => (v === Infinity ? highs.infinity : v === -Infinity ? -highs.infinity : v);
  const numRows = milp.rowLower.length;
  const model = highs.createModel({
    numCols: milp.numCols,
    numRows,
    sense: milp.maximize ? C.objectiveSense.maximize : C.objectiveSense.minimize,
    colCost: milp.cost,
    colLower: milp.colLower,
    colUpper: milp.colUpper.map(inf),
    rowLower: milp.rowLower.map(inf),
    rowUpper: milp.rowUpper.map(inf),
    matrix: { format: 'csr', numRows, numCols: milp.numCols, starts: milp.starts, indices: milp.indices, values: milp.values },
    integrality: milp.integer.map((i) => (i ? C.variableType.integer : C.variableType.continuous)),
  });
  try {
    model.options.set(OPTIONS);
    if (options.timeLimitSec !== undefined) model.options.set({ time_limit: options.timeLimitSec });
    if (options.start) model.setSolution({ colValue: options.start });
    const { abort, onIncumbent, onProgress } = options;
    model.run({
      [C.callbackType.mipImprovingSolution](event) {
        const x = event.data.mip_solution;
        if (x && onIncumbent) onIncumbent(x, event.data.objective_function_value ?? Number.NaN);
      },
      [C.callbackType.mipLogging](event) {
        const { mip_primal_bound: primal, mip_dual_bound: dual } = event.data;
        if (onProgress && primal !== undefined && dual !== undefined) onProgress(primal, dual);
      },
      [C.callbackType.mipInterrupt](event) {
        if (abort && Atomics.load(abort, 0) !== 0) event.interrupt();
      },
    });
    const status = model.getModelStatus();
    if (status === C.modelStatus.infeasible || status === C.modelStatus.unboundedOrInfeasible) {
      return { status: 'infeasible', x: null, dualBound: null };
    }
    const hasSolution = model.info.get('primal_solution_status') === C.solutionStatus.feasible;
    const x = hasSolution ? Array.from(model.getSolution().colValue) : null;
    if (status === C.modelStatus.optimal)
      return { status: 'optimal', x, dualBound: hasSolution ? model.getObjectiveValue() : null };
    if (status === C.modelStatus.timeLimit || status === C.modelStatus.interrupted) {
      const dual = Number(model.info.get('mip_dual_bound'));
      return { status: 'time_limit', x, dualBound: Number.isFinite(dual) ? dual : null };
    }
    throw new AppError('INTERNAL', `HiGHS ended with model status ${status}`);
  } finally {
    model.dispose();
  }
}
