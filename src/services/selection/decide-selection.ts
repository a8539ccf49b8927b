import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { PG, pgErrorOf } from '../../db/pg-errors.js';
import { calls, sampleAllocations, selectionDecisions } from '../../db/schema.js';
import { nextCallStatus } from '../../domain/calls/call-state.js';
import type { CallStatus } from '../../domain/calls/vocabulary.js';
import { AppError } from '../../domain/errors.js';
import { authorize } from '../../policies/policy.js';
import { totalMerit } from '../../solvers/selection/check.js';
import { runSelection } from '../../solvers/selection/runner.js';
import type { Actor } from '../actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { checkDecisionSet, type DecisionInput, decisionFormIssues, isChosen, sampleGrants } from './decision-set.js';
import { loadSelectionSnapshot } from './load-selection-snapshot.js';
import { loadDecidableCall, loadSelectionCall } from './selection-access.js';

/** The database's own refusal (migration 0011's budget trigger) as the API's error. */
function translate(error: unknown): never {
  const pg = pgErrorOf(error);
  if (pg?.code === PG.checkViolation && (pg.constraint === 'selection_module_pool' || pg.constraint === 'selection_sample_mass'))
    throw new AppError('OVER_LIMIT', `The database refused the decided set: ${(error as Error).message}`);
  if (pg?.code === PG.checkViolation && pg.constraint === 'selection_merge_split')
    throw new AppError('VALIDATION_FAILED', `The database refused the decided set: ${(error as Error).message}`);
  if (pg?.code === PG.uniqueViolation) throw new AppError('CONFLICT', 'This call has already been decided.');
  throw error;
}

/** A borrower with an overdue loan duty gets no new allocation (issue 10): BORROWER_BLOCKED, naming the duty. */
function refuseBlockedBorrowers(snapshot: Awaited<ReturnType<typeof loadSelectionSnapshot>>, decisions: DecisionInput[]) {
  const chosen = new Set(decisions.filter(isChosen).map((d) => d.applicationId));
  const refused = snapshot.blocked.filter((b) => chosen.has(b.applicationId));
  if (!refused.length) return;
  const why = (b: (typeof refused)[number]) =>
    `${b.applicationId}: overdue ${b.overdue.map((d) => `${d.kind.replace('_', ' ')} of loan ${d.loanReference} (due ${d.dueOn})`).join(', ')}`;
  throw new AppError(
    'BORROWER_BLOCKED',
    `The borrower has an overdue duty under a sample loan: ${refused.map(why).join('; ')}.`,
    refused.map((b) => ({ field: 'decisions', code: 'BORROWER_BLOCKED' as const, message: why(b) })),
  );
}

/**
 * The official's decision on every proposal of a call: each rule re-checked (the solver's exact
 * check here, the budget trigger in the database), frozen decisions and sample allocations
 * written, the call moved to decided, audited — one transaction. The merit the set gives up
 * against the optimiser's best set is returned (and audited) so an override shows its cost.
 */
export async function decideSelection(db: Db, actor: Actor, callId: string, decisions: DecisionInput[], timeLimitSec = 10) {
  authorize(actor, 'selection.decide');
  const form = decisionFormIssues(decisions);
  if (form.length) throw AppError.fromIssues(form);
  // The optimum is found before the transaction so the call's lock is not held during the search.
  const readable = await loadSelectionCall(db, actor, callId);
  const best = await runSelection((await loadSelectionSnapshot(db, readable)).instance, { timeLimitSec });
  try {
    return await db.transaction(async (tx) => {
      const call = await loadDecidableCall(tx, actor, callId);
      let status = call.status as CallStatus;
      if (status === 'closed') status = nextCallStatus(status, 'start_review');
      status = nextCallStatus(status, 'decide');
      const snapshot = await loadSelectionSnapshot(tx, call);
      refuseBlockedBorrowers(snapshot, decisions);
      checkDecisionSet(snapshot, decisions);
      const merit = totalMerit(
        snapshot.instance,
        decisions.filter(isChosen).map((d) => d.applicationId),
      );
      const optimum = best.result.objective;
      const meritLost = optimum === null ? null : Math.max(0, optimum - merit);

      const written = await tx
        .insert(selectionDecisions)
        .values(
          decisions.map((d) => ({
            callId: call.id,
            applicationId: d.applicationId,
            outcome: d.outcome,
            conditions: d.outcome === 'conditional' ? d.conditions!.trim() : null,
            reason: d.reason.trim(),
            decidedBy: actor.label,
          })),
        )
        .returning({ id: selectionDecisions.id, applicationId: selectionDecisions.applicationId });
      const decisionOf = new Map(written.map((w) => [w.applicationId, w.id]));
      const allocations = sampleGrants(snapshot, decisions).map((g) => ({
        decisionId: decisionOf.get(g.applicationId)!,
        sampleOfferId: g.offerId,
        massMg: g.massMg,
      }));
      if (allocations.length) await tx.insert(sampleAllocations).values(allocations);
      // Fire the deferred budget triggers now, inside the use case, rather than at commit.
      await tx.execute(
        sql`set constraints selection_decisions_within_budgets, sample_allocations_within_budgets, selection_decisions_merged_whole immediate`,
      );
      await tx.update(calls).set({ status, updatedAt: sql`now()` }).where(eq(calls.id, call.id));
      const summary = {
        selected: decisions.filter((d) => d.outcome === 'selected').length,
        conditional: decisions.filter((d) => d.outcome === 'conditional').length,
        rejected: decisions.filter((d) => d.outcome === 'rejected').length,
      };
      await recordAudit(tx, actor, {
        action: 'selection.decided',
        subjectType: 'call',
        subjectId: call.id,
        details: { ...summary, merit, optimum, meritLost, allocations: allocations.length },
      });
      return { callId: call.id, status, merit, optimum, optimumStatus: best.result.status, meritLost, ...summary, allocations };
    });
  } catch (error) {
    if (error instanceof AppError) throw error;
    translate(error);
  }
}
