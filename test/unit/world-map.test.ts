import { describe, expect, it } from 'vitest';
import { alpha2Of, worldShapes } from '../../src/web/portal/world-map.js';

describe('partner map drawn from world-atlas', () => {
  it('matches every atlas country to its ISO alpha-2 code, except the few that have none', async () => {
    const shapes = await worldShapes();
    expect(shapes.length).toBeGreaterThan(170);
    const unmatched = shapes.filter((s) => !s.code).map((s) => s.name);
    // Territories without an ISO code of their own.
    expect(unmatched.sort()).toEqual(['N. Cyprus', 'Somaliland']);
    for (const [name, code] of [
      ['China', 'CN'],
      ['Pakistan', 'PK'],
      ['Turkey', 'TR'],
      ['Russia', 'RU'],
      ['United States of America', 'US'],
      ['Thailand', 'TH'],
      ['Peru', 'PE'],
    ] as const)
      expect(alpha2Of(name), name).toBe(code);
    expect(shapes.every((s) => s.d.startsWith('M'))).toBe(true);
  });
});
