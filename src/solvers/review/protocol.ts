// What crosses between the server's thread and the review worker. Results come back as index
// columns into the caller's own arrays (affinities, transferred rather than copied) or in chunks
// (conflicts), so that no single message takes the caller's thread long to read.
import type { AffinityOptions, ExpertText, ProposalText } from '../../domain/review/affinity.js';
import type { ConflictEvidence, ConflictRules, ExpertProfile, ProposalProfile } from '../../domain/review/conflict-profiles.js';

export type ReviewJob =
  | { task: 'affinities'; experts: readonly ExpertText[]; proposals: readonly ProposalText[]; options: AffinityOptions }
  | { task: 'conflicts'; experts: readonly ExpertProfile[]; proposals: readonly ProposalProfile[]; rules: ConflictRules };

/** A job without its records, which are sent ahead in parts. */
export type ReviewJobHeader = { task: 'affinities'; options: AffinityOptions } | { task: 'conflicts'; rules: ConflictRules };

/**
 * To the worker: the records in parts (copying 13,000 experts with their publications in one message
 * would hold the caller's thread for a second), then the job.
 */
export type ReviewWorkerRequest =
  | { type: 'experts' | 'proposals'; items: readonly unknown[] }
  | {
      type: 'run';
      header: ReviewJobHeader;
      /**
       * When given, the worker says it has started and then waits until the caller sets slot 0 to a
       * non-zero value: a test holds the computation open to show the caller's thread answers meanwhile.
       */
      hold?: Int32Array;
    };

/** Affinity of pair k: proposals[proposal[k]] to experts[expert[k]], in the domain function's order. */
export interface PackedAffinities {
  proposal: Int32Array;
  expert: Int32Array;
  score: Int32Array;
}

/** A detected conflict by positions in the request's arrays. */
export interface IndexedConflict {
  expert: number;
  proposal: number;
  evidence: ConflictEvidence[];
}

export type ReviewWorkerMessage =
  | { type: 'started'; threadId: number }
  | { type: 'affinities'; packed: PackedAffinities }
  | { type: 'conflicts'; chunk: IndexedConflict[] }
  | { type: 'done' };
