import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatInZone,
  isValidTimeZone,
  stageDeadline,
  submissionWindow,
  type WindowCall,
} from '../../../src/domain/calls/window.js';

// Tianwen-3: letters of intent by 30 Jun 2025, full proposals by 30 Sep 2025, 23:59 Beijing time (UTC+8).
const TW3: WindowCall = {
  status: 'published',
  stages: 2,
  opensAt: new Date('2025-03-01T00:00:00Z'),
  loiClosesAt: new Date('2025-06-30T15:59:00Z'),
  closesAt: new Date('2025-09-30T15:59:00Z'),
  timeZone: 'Asia/Shanghai',
};
const ms = (d: Date, delta: number) => new Date(d.getTime() + delta);

describe('formatInZone', () => {
  it('writes day, month, year and 24-hour time in the zone, with its name', () => {
    expect(formatInZone(TW3.closesAt, 'Asia/Shanghai')).toBe('30 Sep 2025 at 23:59 (Asia/Shanghai)');
    expect(formatInZone(TW3.closesAt, 'UTC')).toBe('30 Sep 2025 at 15:59 (UTC)');
    expect(formatInZone(TW3.closesAt, 'Europe/Paris')).toBe('30 Sep 2025 at 17:59 (Europe/Paris)');
  });

  it('crosses the date line of the zone and never writes 24:00', () => {
    expect(formatInZone(new Date('2025-09-30T16:00:00Z'), 'Asia/Shanghai')).toBe('1 Oct 2025 at 00:00 (Asia/Shanghai)');
    expect(formatInZone(new Date('2023-12-31T16:00:00Z'), 'Asia/Shanghai')).toBe('1 Jan 2024 at 00:00 (Asia/Shanghai)');
  });

  it('falls back to UTC for an unknown zone', () => {
    expect(formatInZone(TW3.closesAt, 'Mars/Jezero')).toBe('30 Sep 2025 at 15:59 (UTC)');
  });
});

describe('isValidTimeZone', () => {
  it('knows IANA zones only', () => {
    for (const tz of ['Asia/Shanghai', 'UTC', 'Europe/Rome', 'America/Lima', 'Asia/Hong_Kong'])
      expect(isValidTimeZone(tz)).toBe(true);
    for (const tz of ['', ' ', 'Mars/Jezero', 'Beijing', 'UTC+99']) expect(isValidTimeZone(tz)).toBe(false);
  });
});

describe('submissionWindow', () => {
  it('is closed exactly at the deadline and open one millisecond before', () => {
    expect(submissionWindow(TW3, 'full_proposal', ms(TW3.closesAt, -1))).toEqual({ open: true, closesAt: TW3.closesAt });
    expect(submissionWindow(TW3, 'full_proposal', TW3.closesAt)).toEqual({
      open: false,
      reason: 'The call closed on 30 Sep 2025 at 23:59 (Asia/Shanghai).',
      closesAt: TW3.closesAt,
    });
  });

  it('opens exactly at opensAt', () => {
    expect(submissionWindow(TW3, 'letter_of_intent', TW3.opensAt).open).toBe(true);
    const before = submissionWindow(TW3, 'letter_of_intent', ms(TW3.opensAt, -1));
    expect(before.open).toBe(false);
    expect(before.reason).toBe('The call opens on 1 Mar 2025 at 08:00 (Asia/Shanghai).');
  });

  it('takes letters of intent of a two-stage call until the LOI deadline', () => {
    expect(submissionWindow(TW3, 'letter_of_intent', ms(TW3.loiClosesAt!, -1))).toEqual({
      open: true,
      closesAt: TW3.loiClosesAt,
    });
    const late = submissionWindow(TW3, 'letter_of_intent', TW3.loiClosesAt!);
    expect(late.open).toBe(false);
    expect(late.reason).toBe('Letters of intent were due by 30 Jun 2025 at 23:59 (Asia/Shanghai).');
    // Full proposals stay open after the LOI deadline (shortlisting is checked by the service).
    expect(submissionWindow(TW3, 'full_proposal', TW3.loiClosesAt!).open).toBe(true);
  });

  it('takes no letters of intent in a one-stage call', () => {
    const oneStage: WindowCall = { ...TW3, stages: 1, loiClosesAt: null };
    const w = submissionWindow(oneStage, 'letter_of_intent', new Date('2025-05-01T00:00:00Z'));
    expect(w.open).toBe(false);
    expect(w.reason).toContain('no letters of intent');
    expect(stageDeadline(oneStage, 'letter_of_intent')).toEqual(oneStage.closesAt);
  });

  it('is shut unless the call is published, whatever the date', () => {
    const inside = new Date('2025-05-01T00:00:00Z');
    expect(submissionWindow({ ...TW3, status: 'draft' }, 'full_proposal', inside).reason).toBe(
      'The call has not been published yet.',
    );
    expect(submissionWindow({ ...TW3, status: 'cancelled' }, 'full_proposal', inside).reason).toBe('The call was cancelled.');
    expect(submissionWindow({ ...TW3, status: 'closed' }, 'full_proposal', inside).reason).toBe(
      'The call is closed to submissions.',
    );
    expect(submissionWindow({ ...TW3, status: 'in_review' }, 'full_proposal', TW3.closesAt).reason).toBe(
      'The call closed on 30 Sep 2025 at 23:59 (Asia/Shanghai).',
    );
  });

  it('shows UTC when the call names no zone', () => {
    const { timeZone: _tz, ...utc } = TW3;
    expect(submissionWindow(utc, 'full_proposal', TW3.closesAt).reason).toBe('The call closed on 30 Sep 2025 at 15:59 (UTC).');
  });

  it('is open exactly when published and opensAt ≤ now < the stage deadline', () => {
    const start = TW3.opensAt.getTime() - 86_400_000;
    const end = TW3.closesAt.getTime() + 86_400_000;
    fc.assert(
      fc.property(
        fc.integer({ min: start, max: end }),
        fc.constantFrom('letter_of_intent' as const, 'full_proposal' as const),
        fc.constantFrom('draft' as const, 'published' as const, 'closed' as const, 'cancelled' as const),
        (t, stage, status) => {
          const call = { ...TW3, status };
          const w = submissionWindow(call, stage, new Date(t));
          const deadline = stage === 'letter_of_intent' ? TW3.loiClosesAt!.getTime() : TW3.closesAt.getTime();
          expect(w.open).toBe(status === 'published' && t >= TW3.opensAt.getTime() && t < deadline);
          expect(w.closesAt.getTime()).toBe(deadline);
          expect(w.open ? w.reason : typeof w.reason).toBe(w.open ? undefined : 'string');
        },
      ),
    );
  });
});
