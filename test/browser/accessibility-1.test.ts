import { describe, expect, it } from 'vitest';
import { allCases, defineSweepShard, routerPages, SHARDS, shardCases } from './accessibility/sweep.js';
import { VISITS } from './accessibility/visits.js';

// Shard 1 of the accessibility sweep (see accessibility/sweep.ts), and the checks that the sweep as a
// whole covers every page the router knows, each case in exactly one shard.

describe('the accessibility sweep', () => {
  it('has a visit for every page the router knows', () => {
    const missing = routerPages().filter((p) => !(p in VISITS));
    expect(missing, 'add these pages of src/web/router.tsx to test/browser/accessibility/visits.ts').toEqual([]);
    expect(routerPages().length).toBeGreaterThan(10);
  });

  it('deals every case to exactly one shard', () => {
    const dealt = Array.from({ length: SHARDS }, (_, s) => shardCases(s, SHARDS)).flat();
    expect(dealt.length).toBe(allCases().length);
    expect(new Set(dealt).size).toBe(allCases().length);
  });
});

defineSweepShard(0, SHARDS);
