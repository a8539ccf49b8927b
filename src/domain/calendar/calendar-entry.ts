// A dated duty or milestone as a calendar shows it. Sources (calls, review rounds, and later
// agreements and loans) produce these; the ICS renderer turns them into a feed. Pure: no I/O.

export type CalendarEntryKind =
  | 'call_opens'
  | 'loi_deadline'
  | 'call_deadline'
  | 'announcement'
  | 'review_deadline'
  | 'application_deadline'
  | 'signature_deadline'
  | 'loan_duty';

export interface CalendarEntry {
  /** Stable across regenerations, so a subscribed calendar updates the event instead of duplicating it. */
  uid: string;
  kind: CalendarEntryKind;
  title: string;
  at: Date;
  description?: string;
  url?: string;
}

/** Earliest first, ties by uid: the same data gives the same feed. */
export function sortEntries(entries: readonly CalendarEntry[]): CalendarEntry[] {
  return [...entries].sort((a, b) => a.at.getTime() - b.at.getTime() || (a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0));
}

/** The instant in the call's own time zone, for the description ("23:59 Asia/Shanghai"). */
export function localTime(at: Date, timeZone: string, locale = 'en-GB'): string {
  const text = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(at);
  return `${text} (${timeZone})`;
}
