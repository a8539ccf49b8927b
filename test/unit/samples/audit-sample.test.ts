import { describe, expect, it } from 'vitest';
import { drawAuditSample } from '../../../src/domain/samples/audit-sample.js';

const population = Array.from({ length: 10 }, (_, i) => `CE5C0400,${i + 1}`);

describe('the audit-sample draw', () => {
  it('draws the asked number without repeats, from the population only, and the same again from the same seed', () => {
    for (let s = 0; s < 200; s++) {
      const drawn = drawAuditSample(population, 4, `seed-${s}`);
      expect(drawn).toHaveLength(4);
      expect(new Set(drawn).size).toBe(4);
      for (const item of drawn) expect(population).toContain(item);
      expect(drawAuditSample(population, 4, `seed-${s}`)).toEqual(drawn);
    }
    expect(drawAuditSample(population, 25, 'all')).toHaveLength(10);
    expect([...drawAuditSample(population, 25, 'all')].sort()).toEqual([...population].sort());
    // The population passed in is left as it was.
    expect(population[0]).toBe('CE5C0400,1');
  });

  it('is random: over many seeds every item is drawn first about equally often, and pairs vary', () => {
    // 10,000 seeds, first item drawn: each of the 10 expected 1,000 times. Pearson's chi-square with
    // 9 degrees of freedom exceeds 27.88 with probability 0.001 for a fair draw (the seeds are fixed,
    // so the test is deterministic: it fails only if the draw is biased).
    const first = new Map<string, number>();
    const ordered = new Set<string>();
    const seeds = 10_000;
    for (let s = 0; s < seeds; s++) {
      const drawn = drawAuditSample(population, 2, `inspection-${s}`);
      first.set(drawn[0]!, (first.get(drawn[0]!) ?? 0) + 1);
      ordered.add(drawn.join(' '));
    }
    const expected = seeds / population.length;
    const chiSquare = population.reduce((sum, item) => sum + ((first.get(item) ?? 0) - expected) ** 2 / expected, 0);
    expect(chiSquare).toBeLessThan(27.88);
    // All 90 ordered pairs occur.
    expect(ordered.size).toBe(90);
  });

  it('different seeds draw different samples', () => {
    expect(drawAuditSample(population, 3, 'a')).not.toEqual(drawAuditSample(population, 3, 'b'));
    const firsts = new Set(Array.from({ length: 50 }, (_, s) => drawAuditSample(population, 1, `s${s}`)[0]));
    expect(firsts.size).toBeGreaterThan(5);
  });
});
