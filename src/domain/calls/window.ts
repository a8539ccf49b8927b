import type { ApplicationStage, CallStatus } from './vocabulary.js';

// When a call takes submissions. Times are instants (UTC); the call's time zone only changes how a
// deadline is shown. A deadline is exclusive: at the deadline's millisecond the window is closed.

export interface WindowCall {
  status: CallStatus;
  /** 1 or 2; a two-stage call takes letters of intent first. */
  stages: number;
  opensAt: Date;
  /** Two-stage calls: letters of intent are due here (null: at closesAt). */
  loiClosesAt: Date | null;
  closesAt: Date;
  /** IANA zone the call shows its times in; UTC when absent or not a valid zone. */
  timeZone?: string;
}

export interface SubmissionWindow {
  open: boolean;
  /** Why the window is shut, as a sentence to show the applicant; absent when open. */
  reason?: string;
  /** The deadline of the stage asked about. */
  closesAt: Date;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** True when `tz` is an IANA time zone this runtime knows (such as "Asia/Shanghai" or "UTC"). */
export function isValidTimeZone(tz: string): boolean {
  if (typeof tz !== 'string' || tz.trim() === '') return false;
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/**
 * "30 Sep 2025 at 23:59 (Asia/Shanghai)": day, month, year and 24-hour time in the zone, with the
 * zone's name. The month names are fixed English abbreviations (ICU versions differ on "Sep"/"Sept").
 */
export function formatInZone(date: Date, timeZone: string): string {
  const zone = isValidTimeZone(timeZone) ? timeZone : 'UTC';
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: zone,
    day: 'numeric',
    month: 'numeric',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${Number(part('day'))} ${MONTHS[Number(part('month')) - 1]} ${part('year')} at ${part('hour')}:${part('minute')} (${zone})`;
}

/** The deadline of a stage: the LOI deadline for letters of intent of two-stage calls, else closesAt. */
export function stageDeadline(call: Pick<WindowCall, 'stages' | 'loiClosesAt' | 'closesAt'>, stage: ApplicationStage): Date {
  if (stage === 'letter_of_intent' && call.stages === 2 && call.loiClosesAt) return call.loiClosesAt;
  return call.closesAt;
}

/**
 * Whether `stage` submissions (and amendments) are accepted at `now`: only while the call is
 * published, from opensAt (inclusive) to the stage's deadline (exclusive). Whether an applicant
 * was shortlisted for the full-proposal stage is not checked here.
 */
export function submissionWindow(call: WindowCall, stage: ApplicationStage, now: Date): SubmissionWindow {
  const zone = call.timeZone ?? 'UTC';
  const closesAt = stageDeadline(call, stage);
  const shut = (reason: string): SubmissionWindow => ({ open: false, reason, closesAt });
  const at = (date: Date) => formatInZone(date, zone);

  if (stage === 'letter_of_intent' && call.stages !== 2) {
    return shut('This call takes no letters of intent; submit a full proposal.');
  }
  switch (call.status) {
    case 'draft':
      return shut('The call has not been published yet.');
    case 'cancelled':
      return shut('The call was cancelled.');
    case 'closed':
    case 'in_review':
    case 'decided':
      return shut(
        now.getTime() >= call.closesAt.getTime()
          ? `The call closed on ${at(call.closesAt)}.`
          : 'The call is closed to submissions.',
      );
    case 'published':
      break;
  }
  if (now.getTime() < call.opensAt.getTime()) return shut(`The call opens on ${at(call.opensAt)}.`);
  if (now.getTime() >= closesAt.getTime()) {
    return shut(
      stage === 'letter_of_intent' ? `Letters of intent were due by ${at(closesAt)}.` : `The call closed on ${at(closesAt)}.`,
    );
  }
  return { open: true, closesAt };
}
