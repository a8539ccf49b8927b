// Worker-thread side of the review's heavy computations (affinity of every expert to every
// proposal, conflict detection over the pool). It only wraps the pure domain functions: the caller
// loaded the records and will write the outcome; here they are computed away from the server's
// event loop, which keeps answering meanwhile.
import { parentPort, threadId } from 'node:worker_threads';
import { computeAffinities } from '../../domain/review/affinity.js';
import { detectConflicts } from '../../domain/review/detect-conflicts.js';
import type { PackedAffinities, ReviewJob, ReviewWorkerMessage, ReviewWorkerRequest } from './protocol.js';

// About 500 conflicts with their evidence take the receiving thread a few milliseconds to read.
const CONFLICTS_PER_MESSAGE = 500;

function packAffinities(job: Extract<ReviewJob, { task: 'affinities' }>): PackedAffinities {
  const rows = computeAffinities(job.experts, job.proposals, job.options);
  const proposalIndex = new Map(job.proposals.map((p, i) => [p.proposalId, i]));
  const expertIndex = new Map(job.experts.map((e, i) => [e.expertId, i]));
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

function run(job: ReviewJob, post: (message: ReviewWorkerMessage, transfer?: ArrayBuffer[]) => void): void {
  if (job.task === 'affinities') {
    const packed = packAffinities(job);
    post({ type: 'affinities', packed }, [packed.proposal.buffer, packed.expert.buffer, packed.score.buffer] as ArrayBuffer[]);
    return;
  }
  const found = detectConflicts(job.experts, job.proposals, job.rules);
  const proposalIndex = new Map(job.proposals.map((p, i) => [p.proposalId, i]));
  const expertIndex = new Map(job.experts.map((e, i) => [e.expertId, i]));
  for (let start = 0; start < found.length; start += CONFLICTS_PER_MESSAGE) {
    const chunk = found.slice(start, start + CONFLICTS_PER_MESSAGE).map((c) => ({
      expert: expertIndex.get(c.expertId)!,
      proposal: proposalIndex.get(c.proposalId)!,
      evidence: c.evidence,
    }));
    post({ type: 'conflicts', chunk });
  }
  post({ type: 'done' });
}

const port = parentPort;
if (port) {
  const experts: unknown[] = [];
  const proposals: unknown[] = [];
  port.on('message', (request: ReviewWorkerRequest) => {
    if (request.type !== 'run') {
      for (const item of request.items) (request.type === 'experts' ? experts : proposals).push(item);
      return;
    }
    const post = (message: ReviewWorkerMessage, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);
    post({ type: 'started', threadId });
    const { hold, header } = request;
    if (hold) while (Atomics.load(hold, 0) === 0) Atomics.wait(hold, 0, 0, 1_000);
    run({ ...header, experts, proposals } as ReviewJob, post);
  });
}
