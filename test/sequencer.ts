import { BaseSequencer, type TestSpecification } from 'vitest/node';

// Vitest runs the files it has no timings for largest first; a fresh clone (CI) has none. The
// accessibility sweep's shards are tiny files (the cases live in accessibility/visits.ts) and the
// longest jobs of the run, so by size they came last and left one worker idle for minutes while
// the other finished them. They start first here; every other file keeps vitest's own order.
const LONG_FIRST = /test\/browser\/accessibility-[^/]+\.test\.ts$/;

export default class LongFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const long = sorted.filter((f) => LONG_FIRST.test(f.moduleId));
    return [...long, ...sorted.filter((f) => !LONG_FIRST.test(f.moduleId))];
  }
}
