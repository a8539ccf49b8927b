import { defineSweepShard, SHARDS } from './accessibility/sweep.js';

// Shard 4 of the accessibility sweep: see accessibility/sweep.ts.
defineSweepShard(3, SHARDS);
