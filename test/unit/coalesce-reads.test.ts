import { setImmediate as nextTurn } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { coalesceReads } from '../../src/server/public-cache.js';

/**
 * The public cache is never stale only if a request is never answered from a version read that began
 * before the request arrived (src/server/public-cache.ts). Here the "database" is a counter of
 * commits and each read is held open until the test lets it finish, so the test decides what is in
 * flight when a caller comes.
 */
function heldReads() {
  let committed = 0;
  const reads: { sawCommits: number; finish: () => void }[] = [];
  const read = () =>
    new Promise<number>((resolve) => {
      const sawCommits = committed; // the read's snapshot: taken when it starts
      reads.push({ sawCommits, finish: () => resolve(sawCommits) });
    });
  return {
    read,
    reads,
    commit: () => {
      committed++;
    },
  };
}

describe('coalesceReads: one read for a burst, never a read older than the caller', () => {
  it('shares one read among the callers of one turn of the event loop', async () => {
    const db = heldReads();
    const readVersion = coalesceReads(db.read);
    const answers = Promise.all([readVersion(), readVersion(), readVersion()]);
    await nextTurn();
    expect(db.reads).toHaveLength(1);
    db.reads[0]!.finish();
    expect(await answers).toEqual([0, 0, 0]);
  });

  it('a write committed before a caller calls is seen by it, even while an older read is still in flight', async () => {
    const db = heldReads();
    const readVersion = coalesceReads(db.read);
    const early = readVersion();
    await nextTurn(); // the early read has started: it saw no commit
    db.commit(); // a write commits; then a request arrives
    const late = readVersion();
    await nextTurn();
    expect(db.reads.map((r) => r.sawCommits)).toEqual([0, 1]);
    db.reads[1]!.finish();
    expect(await late).toBe(1); // answered without waiting for the older read, and fresh
    db.reads[0]!.finish();
    expect(await early).toBe(0);
  });

  it('when as many reads as allowed are in flight, the next batch waits and starts after one ends', async () => {
    const db = heldReads();
    const readVersion = coalesceReads(db.read, 1);
    const first = readVersion();
    await nextTurn();
    db.commit();
    const second = readVersion();
    await nextTurn();
    expect(db.reads).toHaveLength(1); // held back by the limit
    db.reads[0]!.finish();
    await first;
    await nextTurn();
    expect(db.reads).toHaveLength(2);
    db.reads[1]!.finish();
    expect(await second).toBe(1);
  });

  it('a failed read fails only its own batch', async () => {
    let calls = 0;
    const readVersion = coalesceReads(async () => {
      calls++;
      if (calls === 1) throw new Error('connection lost');
      return 7;
    });
    await expect(readVersion()).rejects.toThrow('connection lost');
    expect(await readVersion()).toBe(7);
  });
});
