// The plain instance format of `orbitshare solve assignment`: a first line `#P,R,D,L` (proposals,
// reviewers, reviews per proposal, max load), then one `proposal,reviewer,affinity` row per
// candidate pair, all integers. Ids are 0-based when any row uses id 0, else 1-based.
import type { AssignmentSnapshot } from './types.js';

export class InstanceFormatError extends Error {}

export function parseInstanceCsv(text: string): AssignmentSnapshot {
  const lines = text.split(/\r?\n/);
  const header = /^#\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*$/.exec(lines[0] ?? '');
  if (!header)
    throw new InstanceFormatError('line 1: expected "#P,R,D,L" (proposals, reviewers, reviews per proposal, max load)');
  const [P, R, D, L] = header.slice(1).map(Number) as [number, number, number, number];
  const proposal = new Int32Array(lines.length);
  const reviewer = new Int32Array(lines.length);
  const affinity = new Int32Array(lines.length);
  let n = 0;
  let zeroBased = false;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    const cells = line.split(',');
    const values = cells.map((cell) => Number(cell.trim()));
    if (cells.length !== 3 || !values.every((v) => Number.isInteger(v))) {
      throw new InstanceFormatError(
        `line ${i + 1}: expected "proposal,reviewer,affinity" as integers, got "${line.slice(0, 80)}"`,
      );
    }
    proposal[n] = values[0]!;
    reviewer[n] = values[1]!;
    affinity[n] = values[2]!;
    if (values[0] === 0 || values[1] === 0) zeroBased = true;
    n++;
  }
  const base = zeroBased ? 0 : 1;
  for (let k = 0; k < n; k++) {
    if (proposal[k]! - base < 0 || proposal[k]! - base >= P || reviewer[k]! - base < 0 || reviewer[k]! - base >= R) {
      throw new InstanceFormatError(
        `pair ${proposal[k]},${reviewer[k]}: ids must lie in ${base}..${P - 1 + base} (proposals) and ${base}..${R - 1 + base} (reviewers)`,
      );
    }
    proposal[k]! -= base;
    reviewer[k]! -= base;
  }
  return {
    proposals: Array.from({ length: P }, (_, p) => ({ id: String(p + base), demand: D })),
    reviewers: Array.from({ length: R }, (_, r) => ({ id: String(r + base), maxLoad: L })),
    pairs: { proposal: proposal.slice(0, n), reviewer: reviewer.slice(0, n), affinity: affinity.slice(0, n) },
  };
}
