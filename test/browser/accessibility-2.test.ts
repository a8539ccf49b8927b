import { defineSweepShard, SHARDS } from './accessibility/sweep.js';

// Shard 2 of the accessibility sweep: see accessibility/sweep.ts.
defineSweepShard(1, SHARDS);
