// Worker-thread side of a long solve: receives a snapshot, reports progress, posts the result, so
// the server's event loop keeps answering while a large assignment is computed.
import { parentPort } from 'node:worker_threads';
import { solveAssignment } from './solve.js';
import type { AssignmentOptions, AssignmentSnapshot } from './types.js';
import { packResult } from './worker-transfer.js';

export interface WorkerRequest {
  snapshot: AssignmentSnapshot;
  options: Omit<AssignmentOptions, 'onProgress'>;
}

const port = parentPort;
if (port) {
  port.once('message', async ({ snapshot, options }: WorkerRequest) => {
    let lastReport = 0;
    const result = await solveAssignment(snapshot, {
      ...options,
      onProgress: (progress) => {
        const now = Date.now();
        if (now - lastReport < 200) return;
        lastReport = now;
        port.postMessage({ type: 'progress', progress });
      },
    });
    const { result: head, packed } = packResult(result, snapshot);
    const transfer = packed
      ? [packed.proposal.buffer, packed.reviewer.buffer, packed.affinity.buffer, packed.origin.buffer].map(
          (b) => b as ArrayBuffer,
        )
      : [];
    port.postMessage({ type: 'result', result: head, packed }, transfer);
  });
}
