import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/domain/errors.js';
import { totalMerit, violations } from '../../../src/solvers/selection/check.js';
import { generateInstance } from '../../../src/solvers/selection/generate.js';
import { runSelection } from '../../../src/solvers/selection/runner.js';
import type { SelectionResult } from '../../../src/solvers/selection/types.js';

const hard = generateInstance({
  proposals: 300,
  budgets: 6,
  countries: 40,
  countryCap: 4,
  minCountries: 20,
  seed: 9,
  correlated: true,
});

function expectHonestGap(result: SelectionResult, instance: typeof hard) {
  expect(result.objective).not.toBeNull();
  expect(violations(instance, result.selected)).toEqual([]);
  expect(totalMerit(instance, result.selected)).toBe(result.objective);
  const bound = result.bound as number;
  const objective = result.objective as number;
  expect(bound).toBeGreaterThanOrEqual(objective);
  expect(result.gap).toBe((bound - objective) / bound);
}

describe('selection in a worker thread', () => {
  it('answers an unchanged snapshot from the cache of proven results, and solves a changed one again', async () => {
    const instance = generateInstance({ proposals: 12, budgets: 2, countries: 4, countryCap: 3, minCountries: 2, seed: 21 });
    const options = { timeLimitSec: 60, explain: true, sweep: [0, 10] };
    const solved = await runSelection(instance, options);
    const again = await runSelection(structuredClone(instance), options);
    expect(solved.fromCache).toBeUndefined();
    expect(again.fromCache).toBe(true);
    const strip = ({ elapsedMs: _e, solveMs: _s, fromCache: _c, ...rest }: typeof solved) => JSON.stringify(rest);
    expect(strip(again)).toBe(strip(solved));
    // Without the reasons it is another question; with one merit changed, another snapshot.
    expect((await runSelection(instance, { ...options, explain: false })).fromCache).toBeUndefined();
    const changed = { ...instance, proposals: instance.proposals.map((p, i) => (i === 0 ? { ...p, merit: p.merit + 1 } : p)) };
    const resolved = await runSelection(changed, options);
    expect(resolved.fromCache).toBeUndefined();
    expect(resolved.result.objective).toBeGreaterThanOrEqual(solved.result.objective as number);
  }, 120_000);

  it('gives a byte-identical result for the same snapshot', async () => {
    const instance = generateInstance({ proposals: 14, budgets: 3, countries: 5, countryCap: 3, minCountries: 3, seed: 3 });
    const first = await runSelection(instance, { timeLimitSec: 60, explain: true, sweep: [-10, 0, 10], cache: false });
    const second = await runSelection(instance, { timeLimitSec: 60, explain: true, sweep: [-10, 0, 10], cache: false });
    expect(second.fromCache).toBeUndefined();
    expect(first.result.status).toBe('optimal');
    expect(first.explanations).toHaveLength(14);
    expect(first.sweep).toHaveLength(9);
    // Everything but the measured times.
    const { elapsedMs: _a, solveMs: _sa, ...a } = first;
    const { elapsedMs: _b, solveMs: _sb, ...b } = second;
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  }, 120_000);

  it('gives a byte-identical result for a larger snapshot', async () => {
    const instance = generateInstance({ proposals: 60, budgets: 6, countries: 10, countryCap: 4, minCountries: 6, seed: 4 });
    const first = await runSelection(instance, { timeLimitSec: 60, cache: false });
    const second = await runSelection(instance, { timeLimitSec: 60, cache: false });
    expect(JSON.stringify(second.result)).toBe(JSON.stringify(first.result));
  }, 180_000);

  it('stops at the time limit on a hard instance with a feasible set and a correct gap', async () => {
    const { result } = await runSelection(hard, { timeLimitSec: 1 });
    expect(result.status).toBe('time_limit');
    expectHonestGap(result, hard);
    expect(result.gap).toBeGreaterThan(0);
  }, 60_000);

  it('keeps the best set found so far when the caller aborts', async () => {
    const controller = new AbortController();
    const seen: (number | null)[] = [];
    const onProgress = ({ objective }: { objective: number | null }) => {
      seen.push(objective);
      // Stop once a set is known and HiGHS has moved on from it.
      if (seen.length === 2) controller.abort();
    };
    const { result } = await runSelection(hard, { timeLimitSec: 600, signal: controller.signal, onProgress });
    expect(seen.length).toBeGreaterThanOrEqual(2);
    expect(result.status).toBe('time_limit');
    expectHonestGap(result, hard);
  }, 60_000);

  it('reports an invalid snapshot as a validation error', async () => {
    const bad = { ...hard, proposals: [{ id: 'x', country: 'FR', merit: -1, use: [1] }] };
    await expect(runSelection(bad, { timeLimitSec: 5 })).rejects.toSatisfy(
      (e) => e instanceof AppError && e.code === 'VALIDATION_FAILED',
    );
  }, 60_000);
});
