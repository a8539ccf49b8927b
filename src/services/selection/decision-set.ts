import type { SelectionOutcome } from '../../db/tables/selection.js';
import { AppError, type FieldIssue } from '../../domain/errors.js';
import { violations } from '../../solvers/selection/check.js';
import { allocateGrants } from '../../solvers/selection/grants.js';
import type { SelectionSnapshot } from './load-selection-snapshot.js';

export interface DecisionInput {
  applicationId: string;
  outcome: SelectionOutcome;
  conditions?: string | null;
  reason: string;
}

/** Form of each decision: a reason always, conditions exactly when conditional. */
export function decisionFormIssues(decisions: DecisionInput[]): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  decisions.forEach((d, i) => {
    if (seen.has(d.applicationId))
      issues.push({ field: `decisions.${i}.applicationId`, code: 'VALIDATION_FAILED', message: 'Decided twice.' });
    seen.add(d.applicationId);
    if (d.reason.trim().length === 0)
      issues.push({ field: `decisions.${i}.reason`, code: 'VALIDATION_FAILED', message: 'Every decision needs its reason.' });
    const hasConditions = (d.conditions ?? '').trim().length > 0;
    if ((d.outcome === 'conditional') !== hasConditions)
      issues.push({
        field: `decisions.${i}.conditions`,
        code: 'VALIDATION_FAILED',
        message:
          d.outcome === 'conditional'
            ? 'A conditional selection states its conditions.'
            : 'Only a conditional selection has conditions.',
      });
  });
  return issues;
}

const isChosen = (d: DecisionInput) => d.outcome === 'selected' || d.outcome === 'conditional';

/**
 * The decision set against the selection model: one decision per proposal of the model, and every
 * rule of the model (budgets, country rules, links, the official's must-select/reject) re-checked
 * by the solver's exact check. A broken budget is OVER_LIMIT naming the budget; other rules
 * VALIDATION_FAILED naming the rule.
 */
export function checkDecisionSet(snapshot: SelectionSnapshot, decisions: DecisionInput[]): void {
  const modelIds = new Set(snapshot.instance.proposals.map((p) => p.id));
  const decided = new Set(decisions.map((d) => d.applicationId));
  const issues: FieldIssue[] = [];
  decisions.forEach((d, i) => {
    if (!modelIds.has(d.applicationId))
      issues.push({
        field: `decisions.${i}.applicationId`,
        code: 'REFERENCE_NOT_FOUND',
        message: 'Not a scored proposal of this call.',
      });
  });
  const missing = [...modelIds].filter((id) => !decided.has(id));
  if (missing.length)
    issues.push({
      field: 'decisions',
      code: 'VALIDATION_FAILED',
      message: `No decision for ${missing.join(', ')}: decide every proposal.`,
    });
  if (issues.length) throw AppError.fromIssues(issues);

  const broken = violations(
    snapshot.instance,
    decisions.filter(isChosen).map((d) => d.applicationId),
  );
  if (!broken.length) return;
  const labelOf = (rule: string) => {
    if (rule.startsWith('together:')) {
      const group = snapshot.groups.find((g) => `together:${g.id}` === rule);
      return `merged project “${group?.name ?? rule}” is decided as a whole`;
    }
    if (!rule.startsWith('budget:')) return rule;
    const at = snapshot.instance.budgets.findIndex((b) => `budget:${b.id}` === rule);
    const budget = snapshot.instance.budgets[at]!;
    return `${snapshot.budgets[at]!.label} (${budget.amount} ${budget.unit ?? ''})`.replace(' )', ')');
  };
  const overBudget = broken.some((r) => r.startsWith('budget:'));
  throw new AppError(
    overBudget ? 'OVER_LIMIT' : 'VALIDATION_FAILED',
    `The decided set breaks: ${broken.map(labelOf).join('; ')}.`,
    broken.map((rule) => ({
      field: 'decisions',
      code: overBudget && rule.startsWith('budget:') ? 'OVER_LIMIT' : 'VALIDATION_FAILED',
      message: `${rule}: ${labelOf(rule)}`,
    })),
  );
}

/** Sample mass granted per chosen proposal and sample offer (partial grants where the rules allow). */
export function sampleGrants(
  snapshot: SelectionSnapshot,
  decisions: DecisionInput[],
): { applicationId: string; offerId: string; massMg: number }[] {
  const chosen = new Set(decisions.filter(isChosen).map((d) => d.applicationId));
  const { grants } = allocateGrants(snapshot.instance, chosen);
  const reduced = new Map(grants.map((g) => [`${g.proposal}|${g.budget}`, g.granted]));
  const rows: { applicationId: string; offerId: string; massMg: number }[] = [];
  for (const p of snapshot.instance.proposals) {
    if (!chosen.has(p.id)) continue;
    snapshot.budgets.forEach((source, r) => {
      if (source.kind !== 'sample') return;
      const budgetId = snapshot.instance.budgets[r]!.id;
      const mass = reduced.get(`${p.id}|${budgetId}`) ?? (p.use[r] as number);
      if (mass > 0) rows.push({ applicationId: p.id, offerId: source.offerId, massMg: mass });
    });
  }
  return rows;
}

export { isChosen };
