import { sql } from 'drizzle-orm';
import { type DbOrTx, queryRows } from '../../db/connection.js';
import { type CalendarEntry, localTime } from '../../domain/calendar/calendar-entry.js';
import { loanDuties, signatureDeadlines } from './person-custody-sources.js';

/**
 * One source of a person's dated duties. The feed is the union of every source, so a new kind of
 * duty (agreement signatures and loan duties: person-custody-sources.ts) is one more function in
 * PERSON_SOURCES, not a change to the feed.
 */
export type PersonSource = (db: DbOrTx, accountId: string, base: string) => Promise<CalendarEntry[]>;

/** Review rounds in which the person is an accepted expert with proposals assigned: their deadlines. */
const reviewDeadlines: PersonSource = async (db, accountId, base) => {
  const rows = await queryRows<{
    id: string;
    title: string;
    deadline_at: string;
    time_zone: string;
    call_title: string;
    assigned: number;
  }>(
    db,
    sql`select r.id, r.title, r.deadline_at, c.time_zone, c.title as call_title, count(a.id)::int as assigned
        from experts e
        join review_rounds r on r.call_id = e.call_id
        join calls c on c.id = r.call_id
        left join review_assignments a on a.round_id = r.id and a.expert_id = e.id
        where e.account_id = ${accountId} and e.status = 'accepted'
        group by r.id, r.title, r.deadline_at, c.time_zone, c.title
        having count(a.id) > 0`,
  );
  return rows.map((r) => {
    const at = new Date(r.deadline_at);
    return {
      uid: `review-${r.id}-${accountId}@orbitshare`,
      kind: 'review_deadline' as const,
      title: `Reviews due (${r.assigned}): ${r.call_title}`,
      at,
      description: `${r.title}. Deadline ${localTime(at, r.time_zone)}.`,
      url: `${base}/review`,
    };
  });
};

/** Calls the person has an application in, still open: the deadline of the stage they are at. */
const applicationDeadlines: PersonSource = async (db, accountId, base) => {
  const rows = await queryRows<{
    id: string;
    title: string;
    slug: string;
    closes_at: string;
    loi_closes_at: string | null;
    stage: string;
    time_zone: string;
  }>(
    db,
    sql`select distinct c.id, c.title, c.slug, c.closes_at, c.loi_closes_at, a.stage, c.time_zone
        from applications a join calls c on c.id = a.call_id
        where a.owner_account_id = ${accountId} and c.status = 'published' and a.status <> 'withdrawn'`,
  );
  return rows.map((r) => {
    const at = new Date(r.stage === 'letter_of_intent' && r.loi_closes_at ? r.loi_closes_at : r.closes_at);
    return {
      uid: `application-${r.id}-${r.stage}-${accountId}@orbitshare`,
      kind: 'application_deadline' as const,
      title: `${r.stage === 'letter_of_intent' ? 'Letter of intent due' : 'Application due'}: ${r.title}`,
      at,
      description: `Deadline ${localTime(at, r.time_zone)}.`,
      url: `${base}/calls/${encodeURIComponent(r.slug)}`,
    };
  });
};

export const PERSON_SOURCES: readonly PersonSource[] = [reviewDeadlines, applicationDeadlines, signatureDeadlines, loanDuties];

export async function personEntries(db: DbOrTx, accountId: string, base: string): Promise<CalendarEntry[]> {
  const all: CalendarEntry[] = [];
  for (const source of PERSON_SOURCES) all.push(...(await source(db, accountId, base)));
  return all;
}
