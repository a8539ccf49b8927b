// Planted-truth review data for tests and benchmarks: known merits and reviewer biases, noise whose
// spread follows the stated confidence. Also the rank correlation used to judge a calibration.
import type { Confidence, ReviewScore } from './types.js';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function normal(rand: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
}

export interface PlantedReviews {
  reviews: ReviewScore[];
  merit: Map<string, number>;
  bias: Map<string, number>;
}

/** Each proposal reviewed by `perProposal` distinct random reviewers; merit ~ N(5, 1.5), bias ~ N(0, 1). */
export function plantedReviews(P: number, R: number, perProposal: number, seed: number, lambda = 1.75): PlantedReviews {
  const rand = rng(seed);
  const merit = new Map<string, number>();
  const bias = new Map<string, number>();
  const reviewerId = (r: number) => `r${String(r).padStart(5, '0')}`;
  for (let r = 0; r < R; r++) bias.set(reviewerId(r), normal(rand));
  const reviews: ReviewScore[] = [];
  for (let p = 0; p < P; p++) {
    const id = `p${String(p).padStart(5, '0')}`;
    merit.set(id, 5 + 1.5 * normal(rand));
    const chosen = new Set<number>();
    while (chosen.size < Math.min(perProposal, R)) chosen.add(Math.floor(rand() * R));
    for (const r of chosen) {
      const roll = rand();
      const confidence: Confidence = roll < 0.3 ? 'high' : roll < 0.8 ? 'medium' : 'low';
      const sd = confidence === 'high' ? 1 / lambda : confidence === 'low' ? lambda : 1;
      const score = merit.get(id)! + bias.get(reviewerId(r))! + 0.8 * sd * normal(rand);
      reviews.push({ proposal: id, reviewer: reviewerId(r), score, confidence });
    }
  }
  return { reviews, merit, bias };
}

function ranks(values: number[]): number[] {
  const order = values.map((_, i) => i).sort((a, b) => values[a]! - values[b]!);
  const rank = new Array<number>(values.length);
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && values[order[j + 1]!] === values[order[i]!]) j++;
    for (let k = i; k <= j; k++) rank[order[k]!] = (i + j) / 2;
    i = j + 1;
  }
  return rank;
}

/** Spearman rank correlation (Pearson correlation of ranks, ties averaged). */
export function spearman(a: number[], b: number[]): number {
  const ra = ranks(a);
  const rb = ranks(b);
  const mean = (ra.length - 1) / 2;
  let num = 0;
  let da = 0;
  let db = 0;
  for (let i = 0; i < ra.length; i++) {
    num += (ra[i]! - mean) * (rb[i]! - mean);
    da += (ra[i]! - mean) ** 2;
    db += (rb[i]! - mean) ** 2;
  }
  return num / Math.sqrt(da * db);
}
