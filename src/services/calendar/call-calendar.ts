import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { selectionDecisions } from '../../db/schema.js';
import { type CalendarEntry, localTime } from '../../domain/calendar/calendar-entry.js';
import { authorize } from '../../policies/policy.js';
import type { Actor } from '../actor.js';
import { type CallRow, callNotFound, loadCallRow, PUBLIC_CALL_STATUSES } from '../calls/call-access.js';
import { renderIcs } from './render-ics.js';

/** A call's public dates: opening, letters of intent, deadline, and the announcement once decided. */
export async function callEntries(db: Db, call: CallRow, base: string): Promise<CalendarEntry[]> {
  const url = `${base}/calls/${encodeURIComponent(call.slug)}`;
  const at = (d: Date) => localTime(d, call.timeZone);
  const entries: CalendarEntry[] = [
    { uid: `call-${call.id}-opens@orbitshare`, kind: 'call_opens', title: `Call opens: ${call.title}`, at: call.opensAt, url },
    {
      uid: `call-${call.id}-deadline@orbitshare`,
      kind: 'call_deadline',
      title: `${call.stages === 2 ? 'Full proposals due' : 'Applications due'}: ${call.title}`,
      at: call.closesAt,
      description: `Deadline ${at(call.closesAt)}.`,
      url,
    },
  ];
  if (call.loiClosesAt)
    entries.push({
      uid: `call-${call.id}-loi@orbitshare`,
      kind: 'loi_deadline',
      title: `Letters of intent due: ${call.title}`,
      at: call.loiClosesAt,
      description: `Deadline ${at(call.loiClosesAt)}.`,
      url,
    });
  if (call.status === 'decided') {
    const [row] = await db
      .select({ at: sql<Date | null>`max(${selectionDecisions.decidedAt})` })
      .from(selectionDecisions)
      .where(eq(selectionDecisions.callId, call.id));
    if (row?.at)
      entries.push({
        uid: `call-${call.id}-announcement@orbitshare`,
        kind: 'announcement',
        title: `Results announced: ${call.title}`,
        at: new Date(row.at),
        url: `${base}/results/${encodeURIComponent(call.slug)}`,
      });
  }
  return entries;
}

/** The ICS feed of a public call (anyone may subscribe). */
export async function callCalendar(db: Db, actor: Actor, slug: string, base: string): Promise<{ slug: string; ics: string }> {
  authorize(actor, 'calls.read');
  const call = await loadCallRow(db, slug);
  if (!call || !PUBLIC_CALL_STATUSES.includes(call.status as never)) throw callNotFound(slug);
  return { slug: call.slug, ics: renderIcs(`Orbitshare: ${call.title}`, await callEntries(db, call, base)) };
}
