import type { Highs } from 'highs';
import { AppError } from '../../domain/errors.js';
import { buildMilp } from './build-milp.js';
import { violations } from './check.js';
import { allocateGrants } from './grants.js';
import { greedy } from './greedy.js';
import { runHighs } from './highs-run.js';
import { nameConflict } from './infeasibility.js';
import { improveSet } from './local-search.js';
import { type Presolved, presolve } from './presolve.js';
import { budgetRule, type Disabled, isActive } from './rules.js';
import { SMALL_UNITS, solveSmall, solveSmallElastic } from './small-exact.js';
import type { DroppedProposal, SelectionInstance, SelectionResult } from './types.js';

export interface SolveOptions {
  timeLimitSec?: number;
  /** Rules switched off (by id or kind). */
  disabled?: Disabled;
  /** Instead of maximising merit: the least excess over budget `budget` for a set of merit ≥ minMerit. */
  elastic?: { budget: number; minMerit: number };
  /** Any feasible set will do (used to name conflicting rules). */
  feasibilityOnly?: boolean;
  /** Name an irreducible set of conflicting rules when infeasible (default true). */
  nameConflict?: boolean;
  abort?: Int32Array;
  /** `highs` sends every model to HiGHS (the tests check both ways against brute force). */
  engine?: 'auto' | 'highs';
  onIncumbent?: (selected: string[], objective: number) => void;
  onProgress?: (objective: number, bound: number) => void;
}

/** The same snapshot in, the same result out: runs synchronously (the worker calls it). */
export type Solve = (instance: SelectionInstance, options?: SolveOptions) => SelectionResult;

const unitsToIds = (p: Presolved, x: ArrayLike<number>): string[] =>
  p.units.flatMap((u, i) => ((x[i] as number) > 0.5 ? u.members : [])).sort();

export function solveSelection(highs: Highs, instance: SelectionInstance, options: SolveOptions = {}): SelectionResult {
  const { disabled, elastic } = options;
  const p = presolve(instance, { disabled, elasticBudget: elastic?.budget });
  const dropped: DroppedProposal[] = [...p.out]
    .flatMap(([u, why]) => (p.units[u]?.members ?? []).map((id) => ({ id, ...why })))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  const infeasible = (): SelectionResult => ({
    status: 'infeasible',
    objective: null,
    bound: null,
    gap: null,
    selected: [],
    used: instance.budgets.map(() => 0),
    grants: [],
    dropped,
    ...(options.nameConflict !== false && !elastic
      ? { conflict: nameConflict(instance, (d) => feasible(highs, instance, d, options)) }
      : {}),
  });
  if (p.infeasible) return infeasible();

  const milp = buildMilp(p, {
    elastic: elastic && { ...elastic, amount: instance.budgets[elastic.budget]?.amount as number },
    feasibilityOnly: options.feasibilityOnly,
  });
  const start = elastic ? null : startingSet(p);
  const startCols = start && [
    ...start,
    ...[...milp.countryCols.keys()].map((c) =>
      p.units.some((u, i) => start[i] && u.countries.some(([cc]) => cc === c)) ? 1 : 0,
    ),
  ];
  const small =
    options.engine !== 'highs' && p.hi.reduce((s, h) => s + h, 0) <= SMALL_UNITS
      ? elastic
        ? solveSmallElastic(p, elastic.budget, elastic.minMerit)
        : solveSmall(p, start, options.feasibilityOnly)
      : null;
  const run =
    milp.numCols === 0
      ? { status: 'optimal' as const, x: [], dualBound: 0 }
      : small?.status === 'optimal'
        ? { status: 'optimal' as const, x: Array.from(small.x), dualBound: null }
        : small?.status === 'infeasible'
          ? { status: 'infeasible' as const, x: null, dualBound: null }
          : runHighs(highs, milp, {
              timeLimitSec: options.timeLimitSec,
              abort: options.abort,
              start: startCols ?? undefined,
              onIncumbent: options.onIncumbent && ((x, objective) => options.onIncumbent?.(unitsToIds(p, x), objective)),
              onProgress: options.onProgress,
            });
  if (run.status === 'infeasible') return infeasible();

  const selected = run.x ? unitsToIds(p, run.x) : [];
  const active = (rule: string) =>
    isActive(disabled, rule) && !(elastic && rule === budgetRule(instance.budgets[elastic.budget]?.id as string));
  const broken = run.x ? violations(instance, selected).filter(active) : [];
  if (broken.length > 0) throw new AppError('INTERNAL', `the solver returned a set that breaks ${broken.join(', ')}`);
  const { used, grants } = allocateGrants(instance, new Set(selected));
  const objective = run.x ? instance.proposals.reduce((s, q) => s + (selected.includes(q.id) ? q.merit : 0), 0) : null;
  let bound: number | null = null;
  if (!elastic && !options.feasibilityOnly) {
    if (run.status === 'optimal') bound = objective;
    else if (run.dualBound !== null) bound = Math.max(objective ?? 0, Math.floor(run.dualBound + 1e-6));
  }
  const gap = bound === null || objective === null ? null : bound > 0 ? (bound - objective) / bound : 0;
  const result: SelectionResult = { status: run.status, objective, bound, gap, selected, used, grants, dropped };
  if (elastic && run.x) {
    const b = instance.budgets[elastic.budget];
    result.slack = Math.max(0, (used[elastic.budget] as number) - (b?.amount as number));
  }
  return result;
}

/** The better of the two greedy sets (by merit density, by merit), improved by local search. */
function startingSet(p: Presolved): Uint8Array | null {
  const merit = (x: Uint8Array) => p.units.reduce((s, u, i) => s + (x[i] ? u.merit : 0), 0);
  const [byDensity, byMerit] = [greedy(p, 'density'), greedy(p, 'merit')];
  const best = byDensity && byMerit ? (merit(byMerit) > merit(byDensity) ? byMerit : byDensity) : (byDensity ?? byMerit);
  return best && improveSet(p, best);
}

function feasible(highs: Highs, instance: SelectionInstance, disabled: Disabled, options: SolveOptions): boolean {
  const r = solveSelection(highs, instance, {
    disabled,
    feasibilityOnly: true,
    nameConflict: false,
    engine: options.engine,
    timeLimitSec: options.timeLimitSec,
    abort: options.abort,
  });
  // A check that ran out of time proves nothing: the rule is kept, so the named set stays a conflict.
  return r.status !== 'infeasible';
}
