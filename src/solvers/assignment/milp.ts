// The assignment as a MILP for HiGHS, used where a flow is not exact: required expertise ("at least
// one expert of each class per proposal" couples pairs of one proposal, which a flow cannot express
// when one expert holds several required classes) and the max-min stage of fairness mode.
import highsModule, { type Highs } from 'highs';
import type { Instance } from './instance.js';

// The package is CommonJS-typed but loads as ESM, whose default export is the loader itself.
type Loader = typeof highsModule.default;
const highsLoader: Loader = typeof highsModule === 'function' ? (highsModule as unknown as Loader) : highsModule.default;

let loading: Promise<Highs> | undefined;
/** One WebAssembly instance per thread, compiled on first use. */
export function loadHighs(): Promise<Highs> {
  loading ??= highsLoader();
  return loading;
}

export interface MilpGoal {
  /** `total`: maximise Σ affinity; `worst`: maximise the least proposal affinity. */
  objective: 'total' | 'worst';
  /** With `total`: every proposal's affinity (fixed pairs included) at least this. */
  worstAtLeast?: number;
  timeLimitMs?: number;
}

export interface MilpOutcome {
  status: 'optimal' | 'infeasible' | 'time-limit' | 'error';
  chosen: Uint8Array;
  objective: number;
  /** Proven bound on the objective (the MIP dual bound). */
  bound: number;
}

interface Row {
  lower: number;
  upper: number;
  columns: number[];
  values: number[];
}

function buildRows(instance: Instance, goal: MilpGoal, worstColumn: number): Row[] {
  const { demand, minLoad, maxLoad, pairP, pairR, pairA, required, reviewerExpertise, fixedAffinity } = instance;
  const P = demand.length;
  const byProposal: number[][] = Array.from({ length: P }, () => []);
  const byReviewer: number[][] = Array.from({ length: maxLoad.length }, () => []);
  for (let k = 0; k < pairP.length; k++) {
    byProposal[pairP[k]!]!.push(k);
    byReviewer[pairR[k]!]!.push(k);
  }
  const rows: Row[] = [];
  for (let p = 0; p < P; p++) {
    const columns = byProposal[p]!;
    rows.push({ lower: demand[p]!, upper: demand[p]!, columns, values: columns.map(() => 1) });
    for (const e of required[p]!) {
      const covering = columns.filter((k) => reviewerExpertise[pairR[k]!]!.includes(e));
      rows.push({ lower: 1, upper: Infinity, columns: covering, values: covering.map(() => 1) });
    }
    const affinities = columns.map((k) => pairA[k]!);
    if (worstColumn >= 0) {
      rows.push({ lower: -fixedAffinity[p]!, upper: Infinity, columns: [...columns, worstColumn], values: [...affinities, -1] });
    } else if (goal.worstAtLeast !== undefined) {
      rows.push({ lower: goal.worstAtLeast - fixedAffinity[p]!, upper: Infinity, columns, values: affinities });
    }
  }
  for (let r = 0; r < maxLoad.length; r++) {
    const columns = byReviewer[r]!;
    if (columns.length === 0) continue;
    rows.push({ lower: Math.max(0, minLoad[r]!), upper: Math.max(0, maxLoad[r]!), columns, values: columns.map(() => 1) });
  }
  return rows;
}

export async function solveByMilp(instance: Instance, goal: MilpGoal): Promise<MilpOutcome> {
  const highs = await loadHighs();
  const n = instance.pairP.length;
  const worstColumn = goal.objective === 'worst' ? n : -1;
  const numCols = n + (worstColumn >= 0 ? 1 : 0);
  const rows = buildRows(instance, goal, worstColumn);
  const starts = new Int32Array(rows.length + 1);
  rows.forEach((row, i) => {
    starts[i + 1] = starts[i]! + row.columns.length;
  });
  const indices = new Int32Array(starts[rows.length]!);
  const values = new Float64Array(starts[rows.length]!);
  rows.forEach((row, i) => {
    indices.set(row.columns, starts[i]!);
    values.set(row.values, starts[i]!);
  });
  const infinity = highs.infinity;
  const finite = (v: number) => (v === Infinity ? infinity : v === -Infinity ? -infinity : v);
  const colCost = new Float64Array(numCols);
  if (worstColumn >= 0) colCost[worstColumn] = 1;
  else colCost.set(instance.pairA);
  const colUpper = new Float64Array(numCols).fill(1);
  const colLower = new Float64Array(numCols);
  if (worstColumn >= 0) {
    colUpper[worstColumn] = infinity;
    colLower[worstColumn] = -infinity;
  }
  const model = highs.createModel({
    numCols,
    numRows: rows.length,
    sense: highs.constants.objectiveSense.maximize,
    colCost,
    colLower,
    colUpper,
    rowLower: rows.map((r) => finite(r.lower)),
    rowUpper: rows.map((r) => finite(r.upper)),
    matrix: { format: 'csr', numRows: rows.length, numCols, starts, indices, values },
    integrality: new Int32Array(numCols).fill(highs.constants.variableType.integer),
  });
  try {
    // Affinities are integers, so a gap below 1 proves the optimum exactly.
    model.options.set({ output_flag: false, mip_rel_gap: 0, mip_abs_gap: 0.5, random_seed: 0 });
    if (goal.timeLimitMs !== undefined) model.options.set('time_limit', Math.max(0.1, goal.timeLimitMs / 1000));
    model.run();
    const status = model.getModelStatus();
    const codes = highs.constants.modelStatus;
    const chosen = new Uint8Array(n);
    if (status === codes.infeasible) return { status: 'infeasible', chosen, objective: 0, bound: -Infinity };
    const solution = model.getSolution();
    const hasSolution = solution.colValue.length === numCols && model.info.get('primal_solution_status') === 2;
    if (!hasSolution)
      return { status: status === codes.timeLimit ? 'time-limit' : 'error', chosen, objective: 0, bound: Infinity };
    for (let k = 0; k < n; k++) chosen[k] = solution.colValue[k]! > 0.5 ? 1 : 0;
    const bound = Number(model.info.get('mip_dual_bound') ?? Infinity);
    const objective = Math.round(model.getObjectiveValue());
    return { status: status === codes.optimal ? 'optimal' : 'time-limit', chosen, objective, bound: Math.floor(bound + 1e-6) };
  } finally {
    model.dispose();
  }
}
