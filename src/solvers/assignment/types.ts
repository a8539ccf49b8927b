// Public shapes of the reviewer-assignment solver: a snapshot goes in, a proposal comes out.

export interface ProposalSpec {
  id: string;
  /** Reviews this proposal must receive (the call's "N reviews each", or a per-proposal override). */
  demand: number;
  /** Expertise classes of which at least one assigned expert each is required. */
  requiredExpertise?: readonly string[];
}

export interface ReviewerSpec {
  id: string;
  maxLoad: number;
  minLoad?: number;
  expertise?: readonly string[];
}

export interface PairRef {
  proposal: string;
  reviewer: string;
}

/**
 * Candidate pairs, columnar because there can be millions: pair k links proposals[proposal[k]] and
 * reviewers[reviewer[k]] (indices into the snapshot's arrays) with an integer affinity. A pair that
 * is not listed is not allowed.
 */
export interface CandidatePairs {
  proposal: Int32Array;
  reviewer: Int32Array;
  affinity: Int32Array;
}

export interface AssignmentSnapshot {
  proposals: readonly ProposalSpec[];
  reviewers: readonly ReviewerSpec[];
  pairs: CandidatePairs;
  /** Conflicts of interest and pairs the officer forbade: never assigned, even if listed as candidates. */
  forbidden?: readonly PairRef[];
  /** Pairs the officer forced: always assigned (affinity 0 when not a candidate). */
  forced?: readonly PairRef[];
  /** Assignments already made; kept (treated as forced) unless `allowChurn`, except pairs now forbidden. */
  existing?: readonly PairRef[];
}

export type AssignmentMode = 'total' | 'fair';

export interface AssignmentProgress {
  phase: string;
  done: number;
  total: number;
}

export interface AssignmentOptions {
  mode?: AssignmentMode;
  allowChurn?: boolean;
  /** Wall-clock budget; past it the solver stops and returns the best it has (or status `time-limit`). */
  timeLimitMs?: number;
  onProgress?: (progress: AssignmentProgress) => void;
  /** Fairness mode is solved exactly by MILP up to this many free pairs, by the flow heuristic above. */
  exactFairPairLimit?: number;
}

/** Why no assignment exists, in terms an officer can act on. */
export type InfeasibilityReason =
  | { kind: 'supply'; totalDemand: number; totalSupply: number }
  | { kind: 'min-load-exceeds-demand'; totalMinLoad: number; totalDemand: number }
  | { kind: 'too-few-eligible'; proposal: string; demand: number; eligible: string[] }
  | {
      kind: 'group-too-few-eligible';
      proposals: string[];
      demand: number;
      capacity: number;
      eligible: string[];
    }
  /** `candidates`: how many proposals this expert may review at all (fixed pairs included). */
  | { kind: 'min-load-unreachable'; reviewer: string; minLoad: number; candidates: number }
  | { kind: 'forced-exceeds-demand'; proposal: string; demand: number; forced: number }
  | { kind: 'forced-exceeds-load'; reviewer: string; maxLoad: number; forced: number }
  | { kind: 'forced-is-forbidden'; proposal: string; reviewer: string }
  | { kind: 'no-expert-with-expertise'; proposal: string; expertise: string }
  | { kind: 'expertise-requirements'; proposals: string[] }
  | { kind: 'unknown-id'; what: 'proposal' | 'reviewer'; id: string };

export interface AssignedPair {
  proposal: string;
  reviewer: string;
  affinity: number;
  /** Why the pair is there: kept from before, forced by the officer, or chosen by the solver. */
  origin: 'existing' | 'forced' | 'solver';
}

/** No timings here: the same input gives a byte-identical result (callers time the call). */
export interface AssignmentStats {
  method: 'flow' | 'milp' | 'flow-heuristic';
  freePairs: number;
  /** Flows or MILPs solved (fairness mode solves several). */
  solves: number;
}

export interface AssignmentSolution {
  status: 'optimal' | 'feasible';
  mode: AssignmentMode;
  /** True when the result is proven optimal for the mode (max-min first, then total in fairness mode). */
  exact: boolean;
  assignments: AssignedPair[];
  totalAffinity: number;
  worstProposal: { id: string; affinity: number } | null;
  /** Proven upper bounds; equal to the achieved figures when `exact`. */
  bounds: { worstAffinity: number; totalAffinity: number };
  /** Existing pairs not kept: forbidden now, or an expert or proposal that left. */
  dropped: PairRef[];
  stats: AssignmentStats;
}

export interface AssignmentFailure {
  status: 'infeasible' | 'time-limit';
  mode: AssignmentMode;
  reasons: InfeasibilityReason[];
  stats: AssignmentStats;
}

export type AssignmentResult = AssignmentSolution | AssignmentFailure;

export function isSolved(result: AssignmentResult): result is AssignmentSolution {
  return result.status === 'optimal' || result.status === 'feasible';
}
