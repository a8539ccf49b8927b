// Calibration of review scores (MacKay, Kenna, Low & Parker 2017, "Calibration with confidence",
// R. Soc. Open Sci. 4:160760): score = merit(proposal) + bias(reviewer) + noise, the noise variance
// scaled by the stated confidence. Weighted least squares with a ridge prior on biases, solved
// exactly: merits are eliminated per proposal and the biases solve the (reviewers × reviewers)
// Schur complement, densely by Cholesky or, for very many reviewers, by conjugate gradient.
import { reviewComponents } from './connectivity.js';
import { cholesky, choleskySolve, conjugateGradient } from './linear-algebra.js';
import type { CalibrationOptions, CalibrationResult, Confidence, ReviewScore } from './types.js';

/** Up to this many reviewers the Schur complement is factored densely (exact standard errors). */
const DENSE_REVIEWER_LIMIT = 1500;

const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function indexOf(ids: Iterable<string>) {
  const sorted = [...new Set(ids)].sort(byCodeUnits);
  return { ids: sorted, index: new Map(sorted.map((id, i) => [id, i])) };
}

export function confidenceWeight(confidence: Confidence, lambda = 1.75): number {
  return confidence === 'high' ? lambda * lambda : confidence === 'low' ? 1 / (lambda * lambda) : 1;
}

/** A canonical order, so floating-point sums (hence every digit of the result) never depend on input order. */
function canonical(reviews: readonly ReviewScore[]): ReviewScore[] {
  return [...reviews].sort(
    (a, b) =>
      byCodeUnits(a.proposal, b.proposal) ||
      byCodeUnits(a.reviewer, b.reviewer) ||
      a.score - b.score ||
      byCodeUnits(a.confidence, b.confidence),
  );
}

export function calibrate(input: readonly ReviewScore[], options: CalibrationOptions = {}): CalibrationResult {
  const reviews = canonical(input);
  const alpha = options.biasPrior ?? 1;
  const z = options.z ?? 1.96;
  const proposals = indexOf(reviews.map((r) => r.proposal));
  const reviewers = indexOf(reviews.map((r) => r.reviewer));
  const P = proposals.ids.length;
  const R = reviewers.ids.length;
  const N = reviews.length;
  const rp = Int32Array.from(reviews, (r) => proposals.index.get(r.proposal)!);
  const rr = Int32Array.from(reviews, (r) => reviewers.index.get(r.reviewer)!);
  const y = Float64Array.from(reviews, (r) => r.score);
  const w = Float64Array.from(reviews, (r) => confidenceWeight(r.confidence, options.lambda));

  const W = new Float64Array(P);
  const wy = new Float64Array(P);
  const rawSum = new Float64Array(P);
  const countP = new Int32Array(P);
  const D = new Float64Array(R);
  const countR = new Int32Array(R);
  const rhs = new Float64Array(R);
  for (let i = 0; i < N; i++) {
    W[rp[i]!]! += w[i]!;
    wy[rp[i]!]! += w[i]! * y[i]!;
    rawSum[rp[i]!]! += y[i]!;
    countP[rp[i]!]!++;
    D[rr[i]!]! += w[i]!;
    countR[rr[i]!]!++;
    rhs[rr[i]!]! += w[i]! * y[i]!;
  }
  const weightedMean = Float64Array.from(W, (total, p) => wy[p]! / total);
  // B[p] = reviewer → total weight of that reviewer's reviews of p (a reviewer may score twice).
  const B: Map<number, number>[] = Array.from({ length: P }, () => new Map());
  for (let i = 0; i < N; i++) B[rp[i]!]!.set(rr[i]!, (B[rp[i]!]!.get(rr[i]!) ?? 0) + w[i]!);
  for (let p = 0; p < P; p++) for (const [r, b] of B[p]!) rhs[r]! -= b * weightedMean[p]!;

  // S = diag(D + α) − Σ_p B_p B_pᵀ / W_p, symmetric positive definite for α > 0.
  const dense = R <= DENSE_REVIEWER_LIMIT;
  let factor: Float64Array | null = null;
  let bias: Float64Array;
  if (dense) {
    factor = new Float64Array(R * R);
    for (let r = 0; r < R; r++) factor[r * R + r] = D[r]! + alpha;
    for (let p = 0; p < P; p++) {
      for (const [r, br] of B[p]!) for (const [s, bs] of B[p]!) factor[r * R + s]! -= (br * bs) / W[p]!;
    }
    cholesky(factor, R);
    bias = rhs.slice();
    choleskySolve(factor, R, bias);
  } else {
    const diagonal = Float64Array.from(D, (d) => d + alpha);
    bias = conjugateGradient(
      (x, out) => {
        for (let r = 0; r < R; r++) out[r] = diagonal[r]! * x[r]!;
        for (let p = 0; p < P; p++) {
          let t = 0;
          for (const [r, b] of B[p]!) t += b * x[r]!;
          for (const [r, b] of B[p]!) out[r]! -= (b * t) / W[p]!;
        }
      },
      diagonal,
      rhs,
    );
  }

  const merit = new Float64Array(P);
  for (let p = 0; p < P; p++) {
    let shift = 0;
    for (const [r, b] of B[p]!) shift += b * bias[r]!;
    merit[p] = weightedMean[p]! - shift / W[p]!;
  }
  const { components } = reviewComponents(proposals.ids, reviewers.ids, rp, rr);
  let residual = 0;
  for (let i = 0; i < N; i++) residual += w[i]! * (y[i]! - merit[rp[i]!]! - bias[rr[i]!]!) ** 2;
  const dof = N - P - R + components.length;
  const warnings: string[] = [];
  if (dof <= 0) warnings.push('Too few reviews to estimate the noise: standard errors use a noise of 1 score unit.');
  const variance = dof > 0 ? residual / dof : 1;

  const exactErrors = dense && P * R * R <= 2e9;
  const standardError = new Float64Array(P);
  const scratch = new Float64Array(R);
  for (let p = 0; p < P; p++) {
    // Var(merit_p) = σ² (1/W_p + B_pᵀ S⁻¹ B_p / W_p²), with B_pᵀ S⁻¹ B_p = |L⁻¹ B_p|².
    let quadratic = 0;
    if (exactErrors && factor) {
      scratch.fill(0);
      let first = R;
      for (const [r, b] of B[p]!) {
        scratch[r] = b;
        first = Math.min(first, r);
      }
      for (let i = first; i < R; i++) {
        let s = scratch[i]!;
        for (let k = first; k < i; k++) s -= factor[i * R + k]! * scratch[k]!;
        scratch[i] = s / factor[i * R + i]!;
        quadratic += scratch[i]! * scratch[i]!;
      }
    }
    standardError[p] = Math.sqrt(variance * (1 / W[p]! + quadratic / (W[p]! * W[p]!)));
  }

  if (components.length > 1) {
    warnings.push(
      `The review graph is not connected: ${components.length} separate groups of proposals and reviewers share no reviewer, ` +
        'so merits are comparable only within a group. Assign reviewers across groups before ranking.',
    );
  }
  return {
    proposals: proposals.ids.map((id, p) => ({
      id,
      reviews: countP[p]!,
      rawMean: rawSum[p]! / countP[p]!,
      merit: merit[p]!,
      standardError: standardError[p]!,
      low: merit[p]! - z * standardError[p]!,
      high: merit[p]! + z * standardError[p]!,
    })),
    reviewers: reviewers.ids.map((id, r) => ({ id, reviews: countR[r]!, bias: bias[r]! })),
    noiseSd: Math.sqrt(variance),
    uncertainty: exactErrors ? 'posterior' : 'approximate',
    connected: components.length <= 1,
    components: components.length > 1 ? components : [],
    warnings,
  };
}
