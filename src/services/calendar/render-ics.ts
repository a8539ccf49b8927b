import { createEvents, type EventAttributes } from 'ics';
import { type CalendarEntry, sortEntries } from '../../domain/calendar/calendar-entry.js';
import { AppError } from '../../domain/errors.js';

/** The entries as an iCalendar feed (RFC 5545) through the `ics` package; each entry is a point in time. */
export function renderIcs(calendarName: string, entries: readonly CalendarEntry[]): string {
  const events: EventAttributes[] = sortEntries(entries).map((e) => {
    const at = e.at.getTime();
    return {
      uid: e.uid,
      title: e.title,
      start: at,
      startInputType: 'utc',
      startOutputType: 'utc',
      end: at,
      endInputType: 'utc',
      endOutputType: 'utc',
      transp: 'TRANSPARENT',
      categories: [e.kind],
      ...(e.description ? { description: e.description } : {}),
      ...(e.url ? { url: e.url } : {}),
    };
  });
  const { error, value } = createEvents(events, { productId: 'orbitshare', calName: calendarName });
  if (error || !value) throw new AppError('INTERNAL', `The calendar could not be written: ${error?.message ?? 'no output'}`);
  return value;
}
