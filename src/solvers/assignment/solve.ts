// Entry point: a snapshot in, a proposed assignment (or the reasons there is none) out. Pure and
// deterministic. Total mode is an exact min-cost flow, or an exact MILP when required expertise is
// asked for; fairness mode is in fairness.ts.
import { precheck } from './explain.js';
import { maximiseWorst } from './fairness.js';
import { solveByFlow } from './flow-solve.js';
import { compileInstance, hasExpertiseRequirements, type Instance } from './instance.js';
import { solveByMilp } from './milp.js';
import { buildSolution, worstUpperBound } from './result.js';
import type { AssignmentOptions, AssignmentResult, AssignmentSnapshot, AssignmentStats, InfeasibilityReason } from './types.js';

export interface TotalRun {
  status: 'complete' | 'infeasible' | 'time-limit';
  chosen: Uint8Array;
  reasons: InfeasibilityReason[];
  method: 'flow' | 'milp';
}

/** The exact maximum of total affinity under every hard constraint. */
export async function maximiseTotal(instance: Instance, options: AssignmentOptions, deadline?: number): Promise<TotalRun> {
  if (!hasExpertiseRequirements(instance)) {
    const run = solveByFlow(instance, { deadline, onProgress: options.onProgress, phase: 'total' });
    return { ...run, method: 'flow' };
  }
  options.onProgress?.({ phase: 'total (MILP, required expertise)', done: 0, total: 1 });
  const milp = await solveByMilp(instance, { objective: 'total', timeLimitMs: deadline && Math.max(0, deadline - Date.now()) });
  if (milp.status === 'optimal') return { status: 'complete', chosen: milp.chosen, reasons: [], method: 'milp' };
  if (milp.status !== 'infeasible') return { status: 'time-limit', chosen: milp.chosen, reasons: [], method: 'milp' };
  // Say why: without the expertise rows, is there a shortage of experts? If not, the requirements are.
  const relaxed = solveByFlow(instance, { deadline });
  const reasons: InfeasibilityReason[] =
    relaxed.reasons.length > 0
      ? relaxed.reasons
      : [{ kind: 'expertise-requirements', proposals: instance.proposalIds.filter((_, p) => instance.required[p]!.length > 0) }];
  return { status: 'infeasible', chosen: relaxed.chosen, reasons, method: 'milp' };
}

export async function solveAssignment(snapshot: AssignmentSnapshot, options: AssignmentOptions = {}): Promise<AssignmentResult> {
  return solveInstance(compileInstance(snapshot, options.allowChurn ?? false), options);
}

export async function solveInstance(instance: Instance, options: AssignmentOptions = {}): Promise<AssignmentResult> {
  const mode = options.mode ?? 'total';
  const deadline = options.timeLimitMs === undefined ? undefined : Date.now() + options.timeLimitMs;
  const stats = (method: AssignmentStats['method'], solves: number): AssignmentStats => ({
    method,
    freePairs: instance.pairP.length,
    solves,
  });
  const reasons = [...instance.reasons, ...precheck(instance)];
  if (reasons.length > 0) return { status: 'infeasible', mode, reasons, stats: stats('flow', 0) };

  const total = await maximiseTotal(instance, options, deadline);
  if (total.status !== 'complete') return { status: total.status, mode, reasons: total.reasons, stats: stats(total.method, 1) };
  const totalOptimum = buildSolution(
    instance,
    total.chosen,
    mode,
    { exact: true, worstBound: 0, totalBound: 0 },
    stats(total.method, 1),
  );
  if (mode === 'total') {
    totalOptimum.bounds = { worstAffinity: worstUpperBound(instance), totalAffinity: totalOptimum.totalAffinity };
    return totalOptimum;
  }
  const fair = await maximiseWorst(instance, total.chosen, options, deadline);
  return buildSolution(
    instance,
    fair.chosen,
    mode,
    { exact: fair.exact, worstBound: fair.worstBound, totalBound: Math.min(fair.totalBound, totalOptimum.totalAffinity) },
    stats(fair.method, fair.solves + 1),
  );
}
