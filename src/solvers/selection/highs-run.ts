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
 * with integer merits means proven optimal. The log is on (MIP progress callbacks need it) but not
 * printed.
 */
const OPTIONS = {
  output_flag: true,
  log_to_console: false,
  random_seed: 20_260_101,
  mip_rel_gap: 0,
  mip_abs_gap: 0.5,
  // Measured on the bench (bench/README.md): no symmetry to find in a selection, and cuts
  // separated at every node cost more than the nodes they save.
  mip_detect_symmetry: false,
  mip_allow_cut_separation_at_nodes: false,
} as const;

/**
 * With a start from our own local search, the heuristics that only look for a first good set
 * (feasibility jump, RENS, root reduced-cost diving) spent most of the time on the bench; RINS,
 * which improves on the incumbent, stays.
 */
const WITH_START = {
  mip_heuristic_run_feasibility_jump: false,
  mip_heuristic_run_rens: false,
  mip_heuristic_run_root_reduced_cost: false,
} as const;

function createModel(highs: Highs, milp: Milp, relaxed: boolean) {
  const C = highs.constants;
  const numRows = milp.rowLower.length;
  return highs.createModel({
    numCols: milp.numCols,
    numRows,
    sense: milp.maximize ? C.objectiveSense.maximize : C.objectiveSense.minimize,
    colCost: milp.cost,
    colLower: milp.colLower,
    colUpper: milp.colUpper,
    rowLower: milp.rowLower,
    rowUpper: milp.rowUpper,
    matrix: { format: 'csr', numRows, numCols: milp.numCols, starts: milp.starts, indices: milp.indices, values: milp.values },
    ...(relaxed ? {} : { integrality: milp.integer.map((i) => (i ? C.variableType.integer : C.variableType.continuous)) }),
  });
}

/** The LP relaxation's optimum: a valid bound when a stopped search has not reported one yet. */
function relaxationBound(highs: Highs, milp: Milp): number | null {
  const model = createModel(highs, milp, true);
  try {
    model.options.set({ output_flag: false, time_limit: 30 });
    model.run();
    return model.getModelStatus() === highs.constants.modelStatus.optimal ? model.getObjectiveValue() : null;
  } finally {
    model.dispose();
  }
}

export function runHighs(highs: Highs, milp: Milp, options: RunOptions = {}): RunOutcome {
  const C = highs.constants;
  const model = createModel(highs, milp, false);
  try {
    model.options.set(OPTIONS);
    if (options.timeLimitSec !== undefined) model.options.set({ time_limit: options.timeLimitSec });
    if (options.start) {
      model.options.set(WITH_START);
      model.setSolution({ colValue: options.start });
    }
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
      return { status: 'time_limit', x, dualBound: Number.isFinite(dual) ? dual : relaxationBound(highs, milp) };
    }
    throw new AppError('INTERNAL', `HiGHS ended with model status ${status}`);
  } finally {
    model.dispose();
  }
}
