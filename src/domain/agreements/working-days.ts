/**
 * Working days for signature deadlines. Weekends (Saturday, Sunday) are skipped; Chinese public
 * holidays and their make-up working days are NOT: the reference material gives no authoritative
 * calendar of them, so a deadline may fall on a holiday (the call's setting can allow for it).
 */

/** `YYYY-MM-DD` of an instant, in a time zone. */
export function localDate(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

const isWeekend = (day: Date) => day.getUTCDay() === 0 || day.getUTCDay() === 6;

/** The date `count` working days after `date` (`YYYY-MM-DD`), counting from the next day. */
export function addWorkingDays(date: string, count: number): string {
  const day = new Date(`${date}T00:00:00Z`);
  let left = count;
  while (left > 0) {
    day.setUTCDate(day.getUTCDate() + 1);
    if (!isWeekend(day)) left--;
  }
  return day.toISOString().slice(0, 10);
}

/** Whole working days from `from` to `to` (dates), negative when `to` is earlier. */
export function workingDaysBetween(from: string, to: string): number {
  const sign = from <= to ? 1 : -1;
  const [a, b] = sign === 1 ? [from, to] : [to, from];
  const day = new Date(`${a}T00:00:00Z`);
  const end = new Date(`${b}T00:00:00Z`);
  let n = 0;
  while (day < end) {
    day.setUTCDate(day.getUTCDate() + 1);
    if (!isWeekend(day)) n++;
  }
  return sign * n;
}

/** Minutes the zone is ahead of UTC at an instant (480 for Asia/Shanghai). */
function zoneOffsetMinutes(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((asUtc - at.getTime()) / 60000);
}

/** The end of a local day (the next midnight) in the zone, as a UTC instant. */
export function endOfLocalDay(date: string, timeZone: string): Date {
  const nextMidnightUtc = new Date(`${date}T00:00:00Z`);
  nextMidnightUtc.setUTCDate(nextMidnightUtc.getUTCDate() + 1);
  const offset = zoneOffsetMinutes(nextMidnightUtc, timeZone);
  return new Date(nextMidnightUtc.getTime() - offset * 60000);
}

/** The signature deadline: the end of the `workingDays`-th working day after the decision, locally. */
export function signatureDeadline(decidedAt: Date, workingDays: number, timeZone: string): Date {
  return endOfLocalDay(addWorkingDays(localDate(decidedAt, timeZone), workingDays), timeZone);
}

/** `YYYY-MM-DD` plus whole months (clamped to the month's last day: 31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, last));
  return first.toISOString().slice(0, 10);
}
