import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/connection.js';
import type { Locale } from '../../domain/accounts/roles.js';
import type { Actor } from '../actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { enqueueEmail } from '../email/enqueue-email.js';

/** Hours before a round's deadline at which experts with reviews still to submit are reminded. */
export const REMINDER_THRESHOLDS = [72, 24] as const;

/**
 * The scheduled duty: every expert of an open round who has assigned proposals not yet submitted,
 * once the deadline is within a threshold, gets one reminder per threshold. The reminder row is
 * inserted first (ON CONFLICT DO NOTHING), so a rerun or a second server never sends it twice.
 */
export async function sendReviewReminders(db: Db, actor: Actor, links: { base: string }) {
  let sent = 0;
  for (const hours of REMINDER_THRESHOLDS) {
    await db.transaction(async (tx) => {
      const due = await queryRows<{
        round_id: string;
        expert_id: string;
        name: string;
        email: string;
        locale: Locale | null;
        call_title: string;
        deadline: string;
        time_zone: string;
        open: number;
      }>(
        tx,
        sql`insert into review_reminders (round_id, expert_id, threshold_hours)
            select rr.id, e.id, ${hours}
            from review_rounds rr join experts e on e.call_id = rr.call_id and e.status = 'accepted'
            where rr.status = 'open' and rr.deadline_at > now() and rr.deadline_at <= now() + make_interval(hours => ${hours})
              and exists (select 1 from review_assignments a left join reviews r on r.assignment_id = a.id
                          where a.round_id = rr.id and a.expert_id = e.id and coalesce(r.status, 'draft') = 'draft')
            on conflict do nothing
            returning round_id, expert_id,
              (select name from experts where id = expert_id) as name,
              (select email from experts where id = expert_id) as email,
              (select a.locale from experts x join accounts a on a.id = x.account_id where x.id = expert_id) as locale,
              (select c.title from review_rounds r2 join calls c on c.id = r2.call_id where r2.id = round_id) as call_title,
              (select to_char(r2.deadline_at at time zone c.time_zone, 'YYYY-MM-DD HH24:MI') from review_rounds r2 join calls c on c.id = r2.call_id where r2.id = round_id) as deadline,
              (select c.time_zone from review_rounds r2 join calls c on c.id = r2.call_id where r2.id = round_id) as time_zone,
              (select count(*)::int from review_assignments a left join reviews r on r.assignment_id = a.id
                 where a.round_id = round_id and a.expert_id = expert_id and coalesce(r.status, 'draft') = 'draft') as open`,
      );
      for (const d of due) {
        await enqueueEmail(tx, {
          to: d.email,
          template: 'review_reminder',
          locale: d.locale ?? 'en',
          name: d.name,
          link: `${links.base}/review`,
          hours: 0,
          callTitle: d.call_title,
          deadline: `${d.deadline} (${d.time_zone})`,
          count: Number(d.open),
        });
        await recordAudit(tx, actor, {
          action: 'review.reminded',
          subjectType: 'expert',
          subjectId: d.expert_id,
          details: { roundId: d.round_id, thresholdHours: hours },
        });
        sent++;
      }
    });
  }
  return { sent };
}
