import { describe, expect, it } from 'vitest';
import { calibrate } from '../../../src/solvers/calibration/calibrate.js';
import { plantedReviews, spearman } from '../../../src/solvers/calibration/synthetic.js';
import type { ReviewScore } from '../../../src/solvers/calibration/types.js';

describe('score calibration (merit + reviewer bias, weighted by confidence)', () => {
  it('ranks proposals closer to the planted merit than the raw mean does, on every seed', () => {
    for (let seed = 1; seed <= 6; seed++) {
      const planted = plantedReviews(200, 60, 4, seed);
      const result = calibrate(planted.reviews);
      const truth = result.proposals.map((p) => planted.merit.get(p.id)!);
      const raw = spearman(
        truth,
        result.proposals.map((p) => p.rawMean),
      );
      const calibrated = spearman(
        truth,
        result.proposals.map((p) => p.merit),
      );
      expect(calibrated, `seed ${seed}`).toBeGreaterThan(raw + 0.02);
      // Planted biases are recovered (up to the gauge: biases are centred).
      const meanBias = [...planted.bias.values()].reduce((s, b) => s + b, 0) / planted.bias.size;
      const biasCorrelation = spearman(
        result.reviewers.map((r) => planted.bias.get(r.id)! - meanBias),
        result.reviewers.map((r) => r.bias),
      );
      expect(biasCorrelation, `seed ${seed}`).toBeGreaterThan(0.8);
      expect(result.connected).toBe(true);
    }
  });

  it('recovers merit and bias exactly from noiseless scores, with biases summing to zero', () => {
    const merit: Record<string, number> = { a: 7, b: 5, c: 3 };
    const bias: Record<string, number> = { x: 1, y: -0.5, z: -0.5 };
    const pairs = [
      ['a', 'x'],
      ['a', 'y'],
      ['b', 'y'],
      ['b', 'z'],
      ['c', 'z'],
      ['c', 'x'],
    ] as const;
    const reviews: ReviewScore[] = pairs.map(([p, r]) => ({
      proposal: p,
      reviewer: r,
      score: merit[p]! + bias[r]!,
      confidence: 'medium',
    }));
    // A vanishing prior: the fit is exact and only the gauge (biases summing to zero) is fixed.
    const result = calibrate(reviews, { biasPrior: 1e-9 });
    for (const p of result.proposals) expect(p.merit).toBeCloseTo(merit[p.id]!, 6);
    for (const r of result.reviewers) expect(r.bias).toBeCloseTo(bias[r.id]!, 6);
    expect(result.reviewers.reduce((s, r) => s + r.bias, 0)).toBeCloseTo(0, 7);
    expect(result.proposals.map((p) => p.rawMean)).toEqual([7.25, 4.5, 3.25]);
  });

  it('weighs a high-confidence review more than a low-confidence one', () => {
    const reviews: ReviewScore[] = [
      { proposal: 'a', reviewer: 'x', score: 8, confidence: 'high' },
      { proposal: 'a', reviewer: 'y', score: 4, confidence: 'low' },
      { proposal: 'b', reviewer: 'x', score: 6, confidence: 'medium' },
      { proposal: 'b', reviewer: 'y', score: 6, confidence: 'medium' },
    ];
    const a = calibrate(reviews).proposals.find((p) => p.id === 'a')!;
    expect(a.merit).toBeGreaterThan(6);
    expect(a.low).toBeLessThan(a.merit);
    expect(a.high).toBeGreaterThan(a.merit);
  });

  it('warns with the separate groups when the review graph is not connected', () => {
    const reviews: ReviewScore[] = [
      { proposal: 'a', reviewer: 'x', score: 5, confidence: 'medium' },
      { proposal: 'b', reviewer: 'x', score: 6, confidence: 'medium' },
      { proposal: 'c', reviewer: 'y', score: 7, confidence: 'medium' },
      { proposal: 'd', reviewer: 'y', score: 2, confidence: 'high' },
    ];
    const result = calibrate(reviews);
    expect(result.connected).toBe(false);
    expect(result.components).toEqual([
      { proposals: ['a', 'b'], reviewers: ['x'] },
      { proposals: ['c', 'd'], reviewers: ['y'] },
    ]);
    expect(result.warnings.join(' ')).toMatch(/not connected: 2 separate groups/);
  });

  it('is deterministic: the order of reviews does not change the result', () => {
    const planted = plantedReviews(50, 20, 3, 9);
    const forward = JSON.stringify(calibrate(planted.reviews));
    const backward = JSON.stringify(calibrate([...planted.reviews].reverse()));
    expect(backward).toBe(forward);
  });
});
