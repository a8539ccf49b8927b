import { defineSweepShard, SHARDS } from './accessibility/sweep.js';

// Shard 3 of the accessibility sweep: see accessibility/sweep.ts.
defineSweepShard(2, SHARDS);
