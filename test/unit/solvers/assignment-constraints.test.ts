import { describe, expect, it } from 'vitest';
import { solveAssignmentInWorker } from '../../../src/solvers/assignment/runner.js';
import { solveAssignment } from '../../../src/solvers/assignment/solve.js';
import type { AssignmentSnapshot } from '../../../src/solvers/assignment/types.js';
import { assertSolved, bruteForceFair, randomInstance, rng } from './assignment-fixtures.js';

/** A snapshot from readable rows: [proposal, reviewer, affinity]. */
function snapshot(
  proposals: [string, number][],
  reviewers: [string, number, number?][],
  rows: [string, string, number][],
  extra: Partial<AssignmentSnapshot> = {},
): AssignmentSnapshot {
  const pIndex = new Map(proposals.map(([id], i) => [id, i]));
  const rIndex = new Map(reviewers.map(([id], i) => [id, i]));
  return {
    proposals: proposals.map(([id, demand]) => ({ id, demand })),
    reviewers: reviewers.map(([id, maxLoad, minLoad]) => ({ id, maxLoad, minLoad })),
    pairs: {
      proposal: Int32Array.from(rows, (r) => pIndex.get(r[0])!),
      reviewer: Int32Array.from(rows, (r) => rIndex.get(r[1])!),
      affinity: Int32Array.from(rows, (r) => r[2]),
    },
    ...extra,
  };
}

const pairsOf = (result: { assignments: { proposal: string; reviewer: string }[] }) =>
  result.assignments.map((a) => `${a.proposal}-${a.reviewer}`);

describe('assignment constraints', () => {
  const base = () =>
    snapshot(
      [
        ['a', 1],
        ['b', 1],
      ],
      [
        ['x', 1],
        ['y', 1],
      ],
      [
        ['a', 'x', 9],
        ['a', 'y', 1],
        ['b', 'x', 8],
        ['b', 'y', 7],
      ],
    );

  it('respects max loads (x cannot take both) and maximises the total', async () => {
    const result = await solveAssignment(base());
    assertSolved(result);
    expect(pairsOf(result)).toEqual(['a-x', 'b-y']);
    expect(result.totalAffinity).toBe(16);
  });

  it('meets min loads even at a cost in affinity', async () => {
    const instance = snapshot(
      [
        ['a', 1],
        ['b', 1],
      ],
      [
        ['x', 2],
        ['y', 1, 1],
      ],
      [
        ['a', 'x', 9],
        ['a', 'y', 1],
        ['b', 'x', 8],
        ['b', 'y', 2],
      ],
    );
    const free = await solveAssignment({
      ...instance,
      reviewers: [
        { id: 'x', maxLoad: 2 },
        { id: 'y', maxLoad: 1 },
      ],
    });
    assertSolved(free);
    expect(pairsOf(free)).toEqual(['a-x', 'b-x']);
    const withMin = await solveAssignment(instance);
    assertSolved(withMin);
    expect(pairsOf(withMin)).toEqual(['a-x', 'b-y']);
  });

  it('never uses a forbidden pair (a conflict) and always a forced one', async () => {
    const forbidden = await solveAssignment({ ...base(), forbidden: [{ proposal: 'a', reviewer: 'x' }] });
    assertSolved(forbidden);
    expect(pairsOf(forbidden)).toEqual(['a-y', 'b-x']);
    const forced = await solveAssignment({ ...base(), forced: [{ proposal: 'b', reviewer: 'x' }] });
    assertSolved(forced);
    expect(pairsOf(forced)).toEqual(['a-y', 'b-x']);
    expect(forced.assignments.find((a) => a.proposal === 'b')!.origin).toBe('forced');
  });

  it('keeps existing assignments unless churn is allowed, and drops those now forbidden', async () => {
    const existing = [{ proposal: 'a', reviewer: 'y' }];
    const kept = await solveAssignment({ ...base(), existing });
    assertSolved(kept);
    expect(pairsOf(kept)).toEqual(['a-y', 'b-x']);
    expect(kept.assignments[0]!.origin).toBe('existing');
    const churned = await solveAssignment({ ...base(), existing }, { allowChurn: true });
    assertSolved(churned);
    expect(pairsOf(churned)).toEqual(['a-x', 'b-y']);
    const nowConflicted = await solveAssignment({ ...base(), existing, forbidden: existing });
    assertSolved(nowConflicted);
    expect(nowConflicted.dropped).toEqual(existing);
    expect(pairsOf(nowConflicted)).toEqual(['a-x', 'b-y']);
  });

  it('requires an expert of each asked expertise, exactly (against brute force), also when one expert holds several', async () => {
    let compared = 0;
    for (let seed = 1; seed <= 100; seed++) {
      const instance = randomInstance(9000 + seed, { maxP: 4, maxR: 5 });
      instance.snapshot.forbidden = [];
      const rand = rng(seed);
      const classes = ['optics', 'geology', 'dust'];
      const expertise = instance.snapshot.reviewers.map(() => classes.filter(() => rand() < 0.4));
      const required = instance.snapshot.proposals.map(() => classes.filter(() => rand() < 0.3));
      const snap: AssignmentSnapshot = {
        ...instance.snapshot,
        proposals: instance.snapshot.proposals.map((p, i) => ({ ...p, requiredExpertise: required[i] })),
        reviewers: instance.snapshot.reviewers.map((r, i) => ({ ...r, expertise: expertise[i] })),
      };
      const brute = bruteForceFair(instance, 'total', (p, reviewers) =>
        required[p]!.every((e) => reviewers.some((r) => expertise[r]!.includes(e))),
      );
      const result = await solveAssignment(snap);
      if (brute === 'infeasible') {
        expect(result.status, `seed ${seed}`).toBe('infeasible');
        continue;
      }
      compared++;
      assertSolved(result, `seed ${seed}`);
      expect(result.totalAffinity, `seed ${seed}`).toBe(brute.total);
      for (const [p, proposal] of snap.proposals.entries()) {
        const mine = result.assignments.filter((a) => a.proposal === proposal.id).map((a) => Number(a.reviewer.slice(1)));
        for (const e of required[p]!)
          expect(
            mine.some((r) => expertise[r]!.includes(e)),
            `seed ${seed}`,
          ).toBe(true);
      }
    }
    expect(compared).toBeGreaterThan(20);
  });
});

describe('infeasible instances say why', () => {
  it('total demand above total supply', async () => {
    const result = await solveAssignment({
      ...base3(),
      reviewers: [
        { id: 'x', maxLoad: 1 },
        { id: 'y', maxLoad: 1 },
      ],
    });
    expect(result.status).toBe('infeasible');
    if (result.status !== 'infeasible') return;
    expect(result.reasons).toContainEqual({ kind: 'supply', totalDemand: 3, totalSupply: 2 });
  });

  it('a proposal with fewer eligible experts than its demand, naming them', async () => {
    const result = await solveAssignment({ ...base3(), forbidden: [{ proposal: 'c', reviewer: 'x' }] });
    expect(result.status).toBe('infeasible');
    if (result.status !== 'infeasible') return;
    expect(result.reasons).toEqual([{ kind: 'too-few-eligible', proposal: 'c', demand: 1, eligible: [] }]);
  });

  it('a group of proposals sharing too few experts (Hall), with the experts and their capacity', async () => {
    // a and b may only use x (load 1); c may use x or y: supply 3 ≥ demand 3, each proposal alone is fine.
    const instance = snapshot(
      [
        ['a', 1],
        ['b', 1],
        ['c', 1],
      ],
      [
        ['x', 1],
        ['y', 2],
      ],
      [
        ['a', 'x', 1],
        ['b', 'x', 1],
        ['c', 'x', 1],
        ['c', 'y', 1],
      ],
    );
    const result = await solveAssignment(instance);
    expect(result.status).toBe('infeasible');
    if (result.status !== 'infeasible') return;
    expect(result.reasons).toEqual([
      { kind: 'group-too-few-eligible', proposals: ['a', 'b'], demand: 2, capacity: 1, eligible: ['x'] },
    ]);
  });

  it('a minimum load no complete assignment can meet, and a forced pair that is a conflict', async () => {
    const fewCandidates = await solveAssignment({
      ...base3(),
      reviewers: [
        { id: 'x', maxLoad: 3 },
        { id: 'y', maxLoad: 3, minLoad: 3 },
      ],
    });
    expect(fewCandidates.status).toBe('infeasible');
    if (fewCandidates.status === 'infeasible') {
      expect(fewCandidates.reasons).toEqual([{ kind: 'min-load-unreachable', reviewer: 'y', minLoad: 3, candidates: 2 }]);
    }
    // y and z each need one review but only proposal a is open to them, and it needs one review.
    const competing = snapshot(
      [
        ['a', 1],
        ['b', 1],
        ['c', 1],
      ],
      [
        ['x', 3],
        ['y', 1, 1],
        ['z', 1, 1],
      ],
      [
        ['a', 'x', 1],
        ['b', 'x', 1],
        ['c', 'x', 1],
        ['a', 'y', 1],
        ['a', 'z', 1],
      ],
    );
    const unmet = await solveAssignment(competing);
    expect(unmet.status).toBe('infeasible');
    if (unmet.status === 'infeasible') {
      expect(unmet.reasons).toHaveLength(1);
      expect(unmet.reasons[0]).toMatchObject({ kind: 'min-load-unreachable', minLoad: 1, candidates: 1 });
    }
    const conflict = await solveAssignment({
      ...base3(),
      forced: [{ proposal: 'a', reviewer: 'y' }],
      forbidden: [{ proposal: 'a', reviewer: 'y' }],
    });
    expect(conflict.status).toBe('infeasible');
    if (conflict.status === 'infeasible')
      expect(conflict.reasons).toEqual([{ kind: 'forced-is-forbidden', proposal: 'a', reviewer: 'y' }]);
  });
});

/** a, b, c need one review each; x can review all three, y only a and b. */
function base3(): AssignmentSnapshot {
  return snapshot(
    [
      ['a', 1],
      ['b', 1],
      ['c', 1],
    ],
    [
      ['x', 3],
      ['y', 3],
    ],
    [
      ['a', 'x', 3],
      ['a', 'y', 2],
      ['b', 'x', 1],
      ['b', 'y', 4],
      ['c', 'x', 2],
    ],
  );
}

describe('determinism and the worker', () => {
  it('gives byte-identical results for the same input, in any row order', async () => {
    const { snapshot: snap } = randomInstance(77, { maxP: 30, maxR: 30, minLoads: false });
    const first = JSON.stringify(await solveAssignment(snap, { mode: 'fair' }));
    expect(JSON.stringify(await solveAssignment(snap, { mode: 'fair' }))).toBe(first);
    // Reverse the proposal list (remapping pair indices) and the pair rows.
    const P = snap.proposals.length;
    const n = snap.pairs.proposal.length;
    const shuffled: AssignmentSnapshot = {
      ...snap,
      proposals: [...snap.proposals].reverse(),
      pairs: {
        proposal: Int32Array.from({ length: n }, (_, k) => P - 1 - snap.pairs.proposal[n - 1 - k]!),
        reviewer: Int32Array.from({ length: n }, (_, k) => snap.pairs.reviewer[n - 1 - k]!),
        affinity: Int32Array.from({ length: n }, (_, k) => snap.pairs.affinity[n - 1 - k]!),
      },
    };
    expect(JSON.stringify(await solveAssignment(shuffled, { mode: 'fair' }))).toBe(first);
  });

  it('solves in a worker thread with the same answer, and stops at the time limit', async () => {
    const { snapshot: snap } = randomInstance(78, { maxP: 30, maxR: 30 });
    const direct = await solveAssignment(snap);
    const inWorker = await solveAssignmentInWorker(snap);
    expect(JSON.stringify(inWorker)).toBe(JSON.stringify(direct));
    // Forced and kept pairs too: the worker sends assignments back as indices and origins.
    for (const seed of [79, 80, 81]) {
      const { snapshot: fixed, pairs } = randomInstance(seed, { maxP: 20, maxR: 20, forced: true });
      fixed.existing = pairs.slice(0, 3).map(([p, r]) => ({ proposal: `p${p}`, reviewer: `r${r}` }));
      fixed.forbidden = [];
      const fixedCount = (id: string) =>
        [...(fixed.forced ?? []), ...(fixed.existing ?? [])].filter((f) => f.proposal === id).length;
      fixed.proposals = fixed.proposals.map((p) => ({ ...p, demand: fixedCount(p.id) + 1 }));
      fixed.reviewers = fixed.reviewers.map((r) => ({ ...r, maxLoad: 20, minLoad: 0 }));
      const there = await solveAssignmentInWorker(fixed);
      expect(there.status, `seed ${seed}`).toBe('optimal');
      expect(JSON.stringify(there), `seed ${seed}`).toBe(JSON.stringify(await solveAssignment(fixed)));
    }

    // Large enough that building the network alone outlasts the limit.
    const P = 30_000;
    const big: AssignmentSnapshot = {
      proposals: Array.from({ length: P }, (_, p) => ({ id: `p${p}`, demand: 2 })),
      reviewers: Array.from({ length: P }, (_, r) => ({ id: `r${r}`, maxLoad: 2 })),
      pairs: {
        proposal: Int32Array.from({ length: 3 * P }, (_, k) => Math.floor(k / 3)),
        reviewer: Int32Array.from({ length: 3 * P }, (_, k) => (Math.floor(k / 3) + (k % 3)) % P),
        affinity: Int32Array.from({ length: 3 * P }, (_, k) => (k * 7919) % 100),
      },
    };
    const stopped = await solveAssignmentInWorker(big, { timeLimitMs: 1 });
    expect(stopped.status).toBe('time-limit');
  });
});
