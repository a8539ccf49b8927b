// Rows `proposal,reviewer,score,confidence` (confidence high|medium|low), an optional header row.
import type { Confidence, ReviewScore } from './types.js';

export class ReviewsFormatError extends Error {}

const CONFIDENCES = new Set(['high', 'medium', 'low']);

export function parseReviewsCsv(text: string): ReviewScore[] {
  const reviews: ReviewScore[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const cells = line.split(',').map((cell) => cell.trim());
    if (i === 0 && cells[2]?.toLowerCase() === 'score') return;
    const score = Number(cells[2]);
    const confidence = cells[3]?.toLowerCase() ?? '';
    if (
      cells.length !== 4 ||
      !cells[0] ||
      !cells[1] ||
      cells[2] === '' ||
      !Number.isFinite(score) ||
      !CONFIDENCES.has(confidence)
    ) {
      throw new ReviewsFormatError(
        `line ${i + 1}: expected "proposal,reviewer,score,confidence" (high|medium|low), got "${line.slice(0, 80)}"`,
      );
    }
    reviews.push({ proposal: cells[0], reviewer: cells[1], score, confidence: confidence as Confidence });
  });
  return reviews;
}
