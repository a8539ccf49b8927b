// The worker's answer crosses back to the server's thread as typed arrays of indices into the
// snapshot the caller still holds (transferred, not copied), instead of tens of thousands of small
// objects: deserialising 48,000 assignment objects took the server's thread 40–130 ms of CPU (far
// more on a loaded machine), during which it answered nothing.
import type { AssignedPair, AssignmentResult, AssignmentSnapshot } from './types.js';

const ORIGINS: readonly AssignedPair['origin'][] = ['existing', 'forced', 'solver'];

export interface PackedAssignments {
  proposal: Int32Array;
  reviewer: Int32Array;
  affinity: Int32Array;
  origin: Uint8Array;
}

/** In the worker: the result without its assignments, and the assignments as index columns. */
export function packResult(
  result: AssignmentResult,
  snapshot: AssignmentSnapshot,
): { result: AssignmentResult; packed?: PackedAssignments } {
  if (!('assignments' in result)) return { result };
  const proposalIndex = new Map(snapshot.proposals.map((p, i) => [p.id, i]));
  const reviewerIndex = new Map(snapshot.reviewers.map((r, i) => [r.id, i]));
  const n = result.assignments.length;
  const packed: PackedAssignments = {
    proposal: new Int32Array(n),
    reviewer: new Int32Array(n),
    affinity: new Int32Array(n),
    origin: new Uint8Array(n),
  };
  result.assignments.forEach((a, k) => {
    packed.proposal[k] = proposalIndex.get(a.proposal)!;
    packed.reviewer[k] = reviewerIndex.get(a.reviewer)!;
    packed.affinity[k] = a.affinity;
    packed.origin[k] = ORIGINS.indexOf(a.origin);
  });
  return { result: { ...result, assignments: [] }, packed };
}

/** On the caller's thread: the assignments rebuilt from the caller's own snapshot (its id strings). */
export function unpackResult(
  result: AssignmentResult,
  packed: PackedAssignments | undefined,
  snapshot: AssignmentSnapshot,
): AssignmentResult {
  if (!packed || !('assignments' in result)) return result;
  const assignments: AssignedPair[] = new Array(packed.proposal.length);
  for (let k = 0; k < assignments.length; k++) {
    assignments[k] = {
      proposal: snapshot.proposals[packed.proposal[k]!]!.id,
      reviewer: snapshot.reviewers[packed.reviewer[k]!]!.id,
      affinity: packed.affinity[k]!,
      origin: ORIGINS[packed.origin[k]!]!,
    };
  }
  // Keep the key order of a direct solve, so both serialise to the same bytes.
  const { status, mode, exact, totalAffinity, worstProposal, bounds, dropped, stats } = result;
  return { status, mode, exact, assignments, totalAffinity, worstProposal, bounds, dropped, stats };
}
