import type { Db } from '../../db/connection.js';
import { authorize } from '../../policies/policy.js';
import { runSelection } from '../../solvers/selection/runner.js';
import { DEFAULT_STEPS } from '../../solvers/selection/sweep.js';
import type { Actor } from '../actor.js';
import { loadSelectionSnapshot } from './load-selection-snapshot.js';
import { loadSelectionCall } from './selection-access.js';

export interface ProposeOptions {
  /** Seconds the solver may search; the best set found is returned with its gap. */
  timeLimitSec?: number;
  /** The what-if sweep re-solves once per budget and step: skip it for a quick look. */
  sweep?: boolean;
  /** A reason per proposal re-solves it forced in and out: skip it for the set alone. */
  explain?: boolean;
}

/**
 * The optimiser's proposal for a call: status, the set, its merit and the proven bound, a reason
 * per proposal and the what-if sweep. Solved in a worker thread; nothing is written.
 */
export async function proposeSelection(db: Db, actor: Actor, callId: string, options: ProposeOptions = {}) {
  authorize(actor, 'selection.read');
  const call = await loadSelectionCall(db, actor, callId);
  const snapshot = await loadSelectionSnapshot(db, call);
  const analysis = await runSelection(snapshot.instance, {
    timeLimitSec: options.timeLimitSec ?? 10,
    explain: options.explain !== false,
    sweep: options.sweep === false ? undefined : DEFAULT_STEPS,
  });
  const { result } = analysis;
  return {
    callId: call.id,
    status: result.status,
    objective: result.objective,
    bound: result.bound,
    gap: result.gap,
    selected: result.selected,
    used: result.used,
    grants: result.grants,
    dropped: result.dropped,
    conflict: result.conflict ?? [],
    reasons: analysis.explanations ?? [],
    sweep: analysis.sweep ?? [],
    budgets: snapshot.instance.budgets.map((b, i) => ({ ...b, label: snapshot.budgets[i]!.label, used: result.used[i] ?? 0 })),
    // Each proposal's use of every budget (and its least use under a partial grant), so the board
    // can re-check an edited set live with the solver's own check.
    proposals: snapshot.proposals.map((p) => {
      const model = snapshot.instance.proposals.find((q) => q.id === p.id)!;
      return { ...p, merit: model.merit, use: model.use, minUse: model.minUse ?? null };
    }),
    groups: snapshot.groups,
    unscored: snapshot.unscored,
    unscoredProposals: snapshot.unscoredProposals,
    /** Borrowers with an overdue loan duty: refused new allocations (reason BORROWER_BLOCKED). */
    blocked: snapshot.blocked,
    rules: {
      countryCap: snapshot.instance.countryCap ?? null,
      minCountries: snapshot.instance.minCountries ?? null,
      excludes: snapshot.instance.excludes ?? [],
      requires: snapshot.instance.requires ?? [],
      mustSelect: snapshot.instance.mustSelect ?? [],
      mustReject: snapshot.instance.mustReject ?? [],
      together: snapshot.instance.together ?? [],
      allowPartialGrants: snapshot.allowPartialGrants,
    },
  };
}
