import { readdirSync, readFileSync } from 'node:fs';
import { threadId } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { computeAffinities, type ExpertText, type ProposalText } from '../../../src/domain/review/affinity.js';
import type { ExpertProfile, ProposalProfile } from '../../../src/domain/review/conflict-profiles.js';
import { detectConflicts } from '../../../src/domain/review/detect-conflicts.js';
import { computeAffinitiesOffThread, detectConflictsOffThread } from '../../../src/solvers/review/runner.js';

// The heavy review computations run in a worker thread. Shown without timing anything: the worker is
// held, once it has the job, until the caller's thread releases it from a timer callback; so the
// caller's event loop necessarily takes a turn between "started" and "finished", and the answer
// (the pure domain function's, exactly) comes from another thread.

const cologne = { institutionId: 'uni-koeln', institutionName: 'University of Cologne' };

const experts: ExpertProfile[] = Array.from({ length: 40 }, (_, e) => ({
  expertId: `e${String(e).padStart(2, '0')}`,
  personIds: [`person-${e}`],
  name: `Expert Number${e}`,
  emails: [`e${e}@${e % 3 === 0 ? 'uni-koeln.de' : 'gmail.com'}`],
  affiliations: e % 5 === 0 ? [cologne] : [],
  publications: [{ title: `Paper ${e}`, year: 2020 + (e % 6), coauthors: e % 4 === 0 ? ['Münker, C.'] : ['Someone Else'] }],
}));

const proposals: ProposalProfile[] = Array.from({ length: 12 }, (_, p) => ({
  proposalId: `p${String(p).padStart(2, '0')}`,
  title: `Proposal ${p}`,
  people: [
    {
      role: 'applicant',
      personIds: [`applicant-${p}`],
      name: p % 2 === 0 ? 'Carsten Münker' : `Applicant Person${p}`,
      emails: [`a${p}@uni-koeln.de`],
      affiliations: [cologne],
    },
  ],
  institutions: p % 3 === 0 ? [{ ...cologne, countryCode: 'DE', role: 'lead' }] : [],
}));

const RULES = { sameCountry: 'off' as const, coauthorWindowYears: 3, referenceYear: 2025 };

/** Runs `start` with a held worker; the caller's thread releases it from a timer and logs the order. */
async function heldRun<T>(start: (options: { hold: Int32Array; onStarted: (thread: number) => void }) => Promise<T>) {
  const hold = new Int32Array(new SharedArrayBuffer(4));
  const events: string[] = [];
  let workerThread = -1;
  const result = await start({
    hold,
    onStarted: (thread) => {
      workerThread = thread;
      events.push('started');
      setTimeout(() => {
        events.push('caller turn');
        Atomics.store(hold, 0, 1);
        Atomics.notify(hold, 0);
      }, 0);
    },
  });
  events.push('finished');
  return { result, events, workerThread };
}

describe('review computations off the main thread', () => {
  it('detects conflicts in a worker while the caller keeps turning, with the domain function’s answer', async () => {
    const { result, events, workerThread } = await heldRun((options) =>
      detectConflictsOffThread(experts, proposals, RULES, options),
    );
    expect(events).toEqual(['started', 'caller turn', 'finished']);
    expect(workerThread).not.toBe(threadId);
    const direct = detectConflicts(experts, proposals, RULES);
    expect(direct.length).toBeGreaterThan(10);
    expect(result).toEqual(direct);
  }, 30_000);

  it('computes affinities in a worker while the caller keeps turning, pair for pair', async () => {
    const texts: ExpertText[] = experts.map((e, i) => ({
      expertId: e.expertId,
      keywords: i % 2 ? ['basalt'] : ['regolith'],
      statement: i % 2 ? 'Lunar basalt ages' : 'Regolith grains and space weathering',
      publicationTitles: [`Paper ${i}`],
    }));
    const queries: ProposalText[] = proposals.map((p, i) => ({
      proposalId: p.proposalId,
      keywords: i % 3 ? ['basalt'] : [],
      text: i % 2 ? 'Dating basalt fragments' : 'Space weathering of regolith',
    }));
    const { result, events, workerThread } = await heldRun((options) => computeAffinitiesOffThread(texts, queries, {}, options));
    expect(events).toEqual(['started', 'caller turn', 'finished']);
    expect(workerThread).not.toBe(threadId);
    const direct = computeAffinities(texts, queries);
    expect(direct).toHaveLength(texts.length * queries.length);
    expect(
      Array.from(result.score, (score, k) => ({
        proposalId: queries[result.proposal[k]!]!.proposalId,
        expertId: texts[result.expert[k]!]!.expertId,
        score,
      })),
    ).toEqual(direct.map(({ proposalId, expertId, score }) => ({ proposalId, expertId, score })));
  }, 30_000);

  it('leaves no review service computing affinities or conflicts on the server’s thread', () => {
    const dir = new URL('../../../src/services/review/', import.meta.url);
    const direct = readdirSync(dir)
      .filter((file) => file.endsWith('.ts'))
      .filter((file) => /\b(computeAffinities|detectConflicts)\s*\(/.test(readFileSync(new URL(file, dir), 'utf8')));
    expect(direct).toEqual([]);
  });
});
