import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/connection.js';
import { callCriteria } from '../../db/schema.js';
import type { FieldIssue } from '../../domain/errors.js';

export type Criterion = typeof callCriteria.$inferSelect;
export type ScoreSheet = Record<string, { score: number | null; comment: string }>;

/** The round's form: the call's weighted criteria with their score scale, in the call's order. */
export async function loadCriteria(db: DbOrTx, callId: string): Promise<Criterion[]> {
  return db
    .select()
    .from(callCriteria)
    .where(eq(callCriteria.callId, callId))
    .orderBy(asc(callCriteria.position), asc(callCriteria.key));
}

/** Scores outside a criterion's scale or for an unknown criterion; with `complete`, also missing ones. */
export function checkScores(criteria: Criterion[], scores: ScoreSheet, complete: boolean): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const known = new Map(criteria.map((c) => [c.key, c]));
  for (const key of Object.keys(scores)) {
    if (!known.has(key))
      issues.push({ field: `scores.${key}`, code: 'VALIDATION_FAILED', message: 'Not a criterion of this call.' });
  }
  for (const c of criteria) {
    const entry = scores[c.key];
    const score = entry?.score;
    if (score === null || score === undefined) {
      if (complete)
        issues.push({
          field: `scores.${c.key}.score`,
          code: 'VALIDATION_FAILED',
          message: `Score “${c.name}” (${c.scaleMin}–${c.scaleMax}).`,
        });
      continue;
    }
    if (!Number.isInteger(score) || score < c.scaleMin || score > c.scaleMax) {
      issues.push({
        field: `scores.${c.key}.score`,
        code: 'VALIDATION_FAILED',
        message: `“${c.name}” is scored from ${c.scaleMin} to ${c.scaleMax}.`,
      });
    }
  }
  return issues;
}

/**
 * A review's weighted score on a common 0–100 scale: each criterion's score is placed on its own
 * scale (min → 0, max → 100) and weighted by the call's weights. Null while any criterion is unscored.
 */
export function weightedScore(criteria: Criterion[], scores: ScoreSheet): number | null {
  let total = 0;
  let weights = 0;
  for (const c of criteria) {
    const score = scores[c.key]?.score;
    if (score === null || score === undefined) return null;
    total += (c.weight * (100 * (score - c.scaleMin))) / (c.scaleMax - c.scaleMin);
    weights += c.weight;
  }
  return weights > 0 ? total / weights : null;
}
