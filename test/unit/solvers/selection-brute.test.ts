import type { Highs } from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadHighs } from '../../../src/solvers/selection/load-highs.js';
import { solveSelection } from '../../../src/solvers/selection/solve.js';
import { bruteForce, feasibleSet, randomInstance } from './selection-fixtures.js';

let highs: Highs;
beforeAll(async () => {
  highs = await loadHighs();
});

describe('selection optimiser against brute force', () => {
  it('finds the best total merit on 300 random instances of up to 20 proposals with country rules', () => {
    let infeasible = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const instance = randomInstance(seed);
      const best = bruteForce(instance);
      const result = solveSelection(highs, instance);
      const context = `seed ${seed}`;
      if (best === null) {
        infeasible++;
        expect(result.status, context).toBe('infeasible');
        continue;
      }
      expect(result.status, context).toBe('optimal');
      expect(result.objective, context).toBe(best);
      expect(result.bound, context).toBe(best);
      expect(feasibleSet(instance, new Set(result.selected)), context).toBe(true);
    }
    // The instances exercise both answers.
    expect(infeasible).toBeGreaterThan(0);
    expect(infeasible).toBeLessThan(150);
  }, 180_000);

  it('also with exclusions, requirements, merged groups, official decisions and partial grants', () => {
    for (let seed = 1001; seed <= 1150; seed++) {
      const instance = randomInstance(seed, { relations: true });
      const best = bruteForce(instance);
      const result = solveSelection(highs, instance);
      if (best === null) expect(result.status, `seed ${seed}`).toBe('infeasible');
      else {
        expect(result.objective, `seed ${seed}`).toBe(best);
        expect(feasibleSet(instance, new Set(result.selected)), `seed ${seed}`).toBe(true);
      }
    }
  }, 120_000);

  it('HiGHS alone (the path of larger models) also equals brute force, with and without relations', () => {
    // Small models are solved by the exact search of small-exact.ts; this keeps HiGHS's model checked.
    for (let seed = 1; seed <= 150; seed++) {
      const instance = randomInstance(seed, { relations: seed % 2 === 0 });
      const best = bruteForce(instance);
      const result = solveSelection(highs, instance, { engine: 'highs' });
      if (best === null) expect(result.status, `seed ${seed}`).toBe('infeasible');
      else {
        expect(result.status, `seed ${seed}`).toBe('optimal');
        expect(result.objective, `seed ${seed}`).toBe(best);
        expect(feasibleSet(instance, new Set(result.selected)), `seed ${seed}`).toBe(true);
      }
    }
  }, 120_000);

  it('does not depend on the order of the proposals in the snapshot', () => {
    for (let seed = 2001; seed <= 2020; seed++) {
      const instance = randomInstance(seed, { relations: true });
      const reversed = { ...instance, proposals: [...instance.proposals].reverse() };
      expect(JSON.stringify(solveSelection(highs, reversed))).toBe(JSON.stringify(solveSelection(highs, instance)));
    }
  });
});
