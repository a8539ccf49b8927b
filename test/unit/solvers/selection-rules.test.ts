import type { Highs } from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../src/domain/errors.js';
import { loadHighs } from '../../../src/solvers/selection/load-highs.js';
import { listRules } from '../../../src/solvers/selection/rules.js';
import { solveSelection } from '../../../src/solvers/selection/solve.js';
import type { SelectionInstance } from '../../../src/solvers/selection/types.js';
import { validateInstance } from '../../../src/solvers/selection/validate.js';
import { randomInstance } from './selection-fixtures.js';

let highs: Highs;
beforeAll(async () => {
  highs = await loadHighs();
});

const call: SelectionInstance = {
  budgets: [
    { id: 'orbiter-mass', amount: 15_000, unit: 'g' },
    { id: 'power', amount: 40_000, unit: 'mW' },
  ],
  countryCap: 2,
  proposals: [
    { id: 'A', country: 'FR', merit: 90, use: [9_000, 10_000] },
    { id: 'B', country: 'IT', merit: 80, use: [8_000, 10_000] },
    { id: 'C', country: 'FR', merit: 40, use: [3_000, 5_000] },
    { id: 'D', country: 'PK', merit: 30, use: [2_000, 30_000] },
  ],
};

describe('infeasible rules are named', () => {
  it('names the minimum number of countries when fewer countries applied', () => {
    const result = solveSelection(highs, { ...call, minCountries: 5 });
    expect(result.status).toBe('infeasible');
    expect(result.conflict).toEqual(['minCountries']);
    expect(result.selected).toEqual([]);
  });

  it('names a must-select pair that exceeds a budget, and the budget', () => {
    const mustSelect = [
      { id: 'A', reason: 'flight heritage' },
      { id: 'B', reason: 'agency agreement' },
    ];
    const result = solveSelection(highs, { ...call, mustSelect });
    expect(result.status).toBe('infeasible');
    expect(result.conflict).toEqual(['budget:orbiter-mass', 'mustSelect:A', 'mustSelect:B']);
  });

  it('names a rover whose charging station is rejected, and an exclusion between must-selects', () => {
    const rover = solveSelection(highs, {
      ...call,
      requires: [{ proposal: 'C', needs: 'D' }],
      mustSelect: [{ id: 'C', reason: 'rover' }],
      mustReject: [{ id: 'D', reason: 'export control' }],
    });
    expect(rover.conflict).toEqual(['mustSelect:C', 'mustReject:D', 'requires:C>D']);
    const clash = solveSelection(highs, {
      ...call,
      excludes: [['C', 'D']],
      mustSelect: [
        { id: 'C', reason: 'x' },
        { id: 'D', reason: 'y' },
      ],
    });
    expect(clash.conflict).toEqual(['mustSelect:C', 'mustSelect:D', 'excludes:C|D']);
  });

  it('every named set is irreducible: infeasible on its own, feasible without any one of its rules', () => {
    let checked = 0;
    for (let seed = 3001; seed <= 3080; seed++) {
      const instance = randomInstance(seed, { maxProposals: 10, relations: true });
      const result = solveSelection(highs, instance);
      if (result.status !== 'infeasible') continue;
      const conflict = result.conflict ?? [];
      expect(conflict.length).toBeGreaterThan(0);
      const others = new Set(listRules(instance).filter((r) => !conflict.includes(r)));
      expect(solveSelection(highs, instance, { disabled: others, nameConflict: false }).status).toBe('infeasible');
      for (const rule of conflict) {
        const without = solveSelection(highs, instance, { disabled: new Set([...others, rule]), nameConflict: false });
        expect(without.status, `seed ${seed} without ${rule}`).not.toBe('infeasible');
      }
      checked++;
    }
    expect(checked).toBeGreaterThan(5);
  }, 120_000);
});

describe('presolve and partial grants', () => {
  it('rules out a proposal that alone exceeds a budget, with the budget named', () => {
    const result = solveSelection(highs, {
      ...call,
      proposals: [...call.proposals, { id: 'E', country: 'DE', merit: 99, use: [16_000, 0] }],
    });
    expect(result.dropped).toEqual([
      { id: 'E', rule: 'budget:orbiter-mass', text: 'needs 16000 g of orbiter-mass alone; 15000 left' },
    ]);
    expect(result.selected).toEqual(['A', 'C']);
  });

  it('reserves the minimum of a partial grant, then hands what is left out in merit order', () => {
    const samples: SelectionInstance = {
      budgets: [{ id: 'regolith', amount: 1_000, unit: 'mg' }],
      proposals: [
        { id: 'S1', country: 'FR', merit: 50, use: [600], minUse: [300] },
        { id: 'S2', country: 'DE', merit: 40, use: [500], minUse: [400] },
        { id: 'S3', country: 'US', merit: 30, use: [300], minUse: [250] },
      ],
    };
    const result = solveSelection(highs, samples);
    expect(result.selected).toEqual(['S1', 'S2', 'S3']);
    // Minimums 300 + 400 + 250 leave 50 mg, which go to S1, the best.
    expect(result.grants).toEqual([
      { proposal: 'S1', budget: 'regolith', requested: 600, granted: 350 },
      { proposal: 'S2', budget: 'regolith', requested: 500, granted: 400 },
      { proposal: 'S3', budget: 'regolith', requested: 300, granted: 250 },
    ]);
    expect(result.used).toEqual([1_000]);
  });

  it('selects merged proposals all together or not at all', () => {
    const merged = solveSelection(highs, { ...call, together: [{ id: 'project-1', members: ['B', 'D'] }] });
    expect(merged.selected.includes('B')).toBe(merged.selected.includes('D'));
  });

  it('rejects a snapshot with unknown references or non-integer amounts', () => {
    const bad = {
      ...call,
      excludes: [['A', 'Z']] as [string, string][],
      proposals: [...call.proposals, { id: 'F', country: 'DE', merit: 1.5, use: [1, 2] }],
    };
    expect(() => validateInstance(bad)).toThrow(AppError);
    try {
      validateInstance(bad);
    } catch (error) {
      expect((error as AppError).issues.map((i) => i.field)).toEqual(['proposals.4.merit', 'excludes.0.1']);
    }
  });
});
