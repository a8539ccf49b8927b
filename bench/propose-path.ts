// The computing part of "propose assignments" for a round, as the services run it: conflict
// detection (detectRoundConflicts), affinities of every accepted expert to every proposal
// (proposeAssignments), then the solve with the conflicts forbidden. Off the main thread, through
// the runners the services call; or, the counterfactual, the same domain functions called inline.
// The database reads and writes around them are left out: the round is generated in memory.
import { computeAffinities, type ExpertText, type ProposalText } from '../src/domain/review/affinity.js';
import type { ExpertProfile, ProposalProfile } from '../src/domain/review/conflict-profiles.js';
import { detectConflicts } from '../src/domain/review/detect-conflicts.js';
import { solveAssignmentInWorker } from '../src/solvers/assignment/runner.js';
import { solveAssignment } from '../src/solvers/assignment/solve.js';
import { type AssignmentResult, type AssignmentSnapshot, isSolved } from '../src/solvers/assignment/types.js';
import { computeAffinitiesOffThread, detectConflictsOffThread, type PackedAffinities } from '../src/solvers/review/runner.js';
import { conflictInstance } from './conflicts.js';

function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface GeneratedRound {
  experts: ExpertProfile[];
  proposals: ProposalProfile[];
  expertTexts: ExpertText[];
  proposalTexts: ProposalText[];
  reviewsPerProposal: number;
  maxLoad: number;
}

/**
 * P proposals and R experts with 20 publications each (the conflicts bench's generator), and texts
 * from a 3,000-word vocabulary with a skewed frequency: an expert's statement and publication
 * titles, a proposal's scheme of ~250 words. Every expert is a candidate for every proposal.
 */
export function generateRound(P: number, R: number, seed = 11): GeneratedRound {
  const { expertList, proposalList } = conflictInstance(P, R, seed);
  const rand = rng(seed);
  const word = () => `w${Math.floor(3000 * rand() ** 2)}`;
  const words = (n: number) => Array.from({ length: n }, word).join(' ');
  return {
    experts: expertList,
    proposals: proposalList,
    expertTexts: expertList.map((e) => ({
      expertId: e.expertId,
      keywords: [word(), word(), word()],
      statement: words(40),
      publicationTitles: Array.from({ length: 20 }, () => words(8)),
    })),
    proposalTexts: proposalList.map((p) => ({ proposalId: p.proposalId, keywords: [], text: words(250) })),
    reviewsPerProposal: 4,
    maxLoad: 6,
  };
}

function packInline(round: GeneratedRound): PackedAffinities {
  const rows = computeAffinities(round.expertTexts, round.proposalTexts);
  const proposalIndex = new Map(round.proposalTexts.map((p, i) => [p.proposalId, i]));
  const expertIndex = new Map(round.expertTexts.map((e, i) => [e.expertId, i]));
  const packed = {
    proposal: new Int32Array(rows.length),
    expert: new Int32Array(rows.length),
    score: new Int32Array(rows.length),
  };
  rows.forEach((row, k) => {
    packed.proposal[k] = proposalIndex.get(row.proposalId)!;
    packed.expert[k] = expertIndex.get(row.expertId)!;
    packed.score[k] = row.score;
  });
  return packed;
}

export interface PathFigures {
  conflicts: number;
  pairs: number;
  result: string;
  /** Seconds per step, wall. */
  steps: { conflicts: number; affinities: number; solve: number };
}

/** Conflicts, affinities, solve: in worker threads (`offThread`) or inline on the calling thread. */
export async function runProposePath(round: GeneratedRound, offThread: boolean): Promise<PathFigures> {
  const rules = { sameCountry: 'off' as const, coauthorWindowYears: 3, referenceYear: 2025 };
  let started = performance.now();
  const lap = () => {
    const seconds = (performance.now() - started) / 1000;
    started = performance.now();
    return seconds;
  };
  const conflicts = offThread
    ? await detectConflictsOffThread(round.experts, round.proposals, rules)
    : detectConflicts(round.experts, round.proposals, rules);
  const conflictSeconds = lap();
  const packed = offThread ? await computeAffinitiesOffThread(round.expertTexts, round.proposalTexts) : packInline(round);
  const affinitySeconds = lap();
  const snapshot: AssignmentSnapshot = {
    proposals: round.proposals.map((p) => ({ id: p.proposalId, demand: round.reviewsPerProposal })),
    reviewers: round.experts.map((e) => ({ id: e.expertId, maxLoad: round.maxLoad })),
    pairs: { proposal: packed.proposal, reviewer: packed.expert, affinity: packed.score },
    forbidden: conflicts.map((c) => ({ proposal: c.proposalId, reviewer: c.expertId })),
  };
  const result: AssignmentResult = offThread
    ? await solveAssignmentInWorker(snapshot, { timeLimitMs: 120_000 })
    : await solveAssignment(snapshot, { timeLimitMs: 120_000 });
  return {
    conflicts: conflicts.length,
    pairs: packed.score.length,
    result: isSolved(result) ? `total ${result.totalAffinity}` : result.status,
    steps: { conflicts: conflictSeconds, affinities: affinitySeconds, solve: lap() },
  };
}
