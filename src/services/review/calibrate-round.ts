import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/connection.js';
import { experts, reviewAssignments, reviews } from '../../db/schema.js';
import { authorize } from '../../policies/policy.js';
import { calibrate } from '../../solvers/calibration/calibrate.js';
import type { Confidence } from '../../solvers/calibration/types.js';
import type { Actor } from '../actor.js';
import { loadRoundProposals } from './load-round-snapshot.js';
import { loadReadableRound, type RoundRow } from './review-access.js';
import { type Criterion, loadCriteria, weightedScore } from './review-form.js';

const round1 = (x: number) => Math.round(x * 10) / 10;

/**
 * The round's scores, raw and calibrated side by side: each submitted review's weighted score
 * (0–100 over the call's criteria), then each expert's leniency estimated jointly with each
 * proposal's merit, weighted by the declared confidence (MacKay et al. 2017). Excluded reviews
 * (conflicts found late) never count. Proposals are ranked by calibrated merit.
 */
export async function computeRoundCalibration(db: DbOrTx, round: RoundRow, criteria?: Criterion[]) {
  const form = criteria ?? (await loadCriteria(db, round.callId));
  const rows = await db
    .select({
      expertId: reviewAssignments.expertId,
      applicationId: reviewAssignments.applicationId,
      scores: reviews.scores,
      confidence: reviews.confidence,
      recommendation: reviews.recommendation,
    })
    .from(reviews)
    .innerJoin(reviewAssignments, eq(reviewAssignments.id, reviews.assignmentId))
    .where(and(eq(reviewAssignments.roundId, round.id), eq(reviews.status, 'submitted')));
  const scored = rows.flatMap((r) => {
    const score = weightedScore(form, r.scores);
    return score === null
      ? []
      : [{ proposal: r.applicationId, reviewer: r.expertId, score, confidence: (r.confidence ?? 'medium') as Confidence }];
  });
  const proposals = await loadRoundProposals(db, round);
  const names = new Map(
    (await db.select({ id: experts.id, name: experts.name }).from(experts).where(eq(experts.callId, round.callId))).map((e) => [
      e.id,
      e.name,
    ]),
  );
  const result = scored.length ? calibrate(scored) : null;
  const byId = new Map((result?.proposals ?? []).map((p) => [p.id, p]));
  const recommendations = new Map<string, Record<string, number>>();
  for (const r of rows) {
    const tally = recommendations.get(r.applicationId) ?? {};
    if (r.recommendation) tally[r.recommendation] = (tally[r.recommendation] ?? 0) + 1;
    recommendations.set(r.applicationId, tally);
  }
  const ranked = proposals
    .map((p) => {
      const c = byId.get(p.applicationId);
      return {
        applicationId: p.applicationId,
        title: p.title,
        leadCountry: p.leadCountry,
        reviews: c?.reviews ?? 0,
        rawMean: c ? round1(c.rawMean) : null,
        calibrated: c ? round1(c.merit) : null,
        low: c ? round1(c.low) : null,
        high: c ? round1(c.high) : null,
        recommendations: recommendations.get(p.applicationId) ?? {},
      };
    })
    .sort(
      (a, b) =>
        (b.calibrated ?? Number.NEGATIVE_INFINITY) - (a.calibrated ?? Number.NEGATIVE_INFINITY) ||
        (a.applicationId < b.applicationId ? -1 : 1),
    )
    .map((p, i) => ({ ...p, rank: p.calibrated === null ? null : i + 1 }));
  return {
    proposals: ranked,
    experts: (result?.reviewers ?? []).map((r) => ({
      expertId: r.id,
      name: names.get(r.id) ?? r.id,
      bias: round1(r.bias),
      reviews: r.reviews,
    })),
    warnings: result ? result.warnings : ['No submitted reviews yet.'],
    connected: result?.connected ?? false,
  };
}

export async function getRoundCalibration(db: DbOrTx, actor: Actor, roundId: string) {
  authorize(actor, 'review.read');
  const { round } = await loadReadableRound(db, actor, roundId);
  return computeRoundCalibration(db, round);
}
