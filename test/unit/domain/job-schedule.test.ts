import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { afterFailure, nextPeriodStart, periodKey, periodStart, retryDelaySeconds } from '../../../src/domain/jobs/schedule.js';

describe('duty periods', () => {
  it('aligns a minute duty on the minute and an hourly one on the hour (UTC)', () => {
    const at = new Date('2026-11-28T09:44:09.123Z');
    expect(periodKey(at, 60)).toBe('2026-11-28T09:44:00.000Z');
    expect(periodKey(at, 3600)).toBe('2026-11-28T09:00:00.000Z');
    expect(nextPeriodStart(at, 60).toISOString()).toBe('2026-11-28T09:45:00.000Z');
  });

  it('gives every moment of a period the same key, and the next period a different one', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4e12 }), fc.integer({ min: 1, max: 86_400 }), (ms, every) => {
        const at = new Date(ms);
        const start = periodStart(at, every);
        expect(start.getTime()).toBeLessThanOrEqual(ms);
        expect(ms - start.getTime()).toBeLessThan(every * 1000);
        const lastMoment = new Date(start.getTime() + every * 1000 - 1);
        expect(periodKey(lastMoment, every)).toBe(periodKey(at, every));
        expect(periodKey(nextPeriodStart(at, every), every)).not.toBe(periodKey(at, every));
      }),
    );
  });

  it('refuses a period that is not a whole number of seconds', () => {
    expect(() => periodStart(new Date(), 0)).toThrow(RangeError);
    expect(() => periodStart(new Date(), 1.5)).toThrow(RangeError);
  });
});

describe('retry back-off', () => {
  it('doubles from 10 s up to an hour', () => {
    expect([1, 2, 3, 4].map((n) => retryDelaySeconds(n))).toEqual([10, 20, 40, 80]);
    expect(retryDelaySeconds(20)).toBe(3600);
    expect(retryDelaySeconds(10_000)).toBe(3600);
  });

  it('retries until the attempts are used, then gives up', () => {
    expect(afterFailure(1, 3)).toEqual({ status: 'queued', retryInSeconds: 10 });
    expect(afterFailure(2, 3)).toEqual({ status: 'queued', retryInSeconds: 20 });
    expect(afterFailure(3, 3)).toEqual({ status: 'failed' });
  });
});
