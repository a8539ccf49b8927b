import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/connection.js';
import { localDate, workingDaysBetween } from '../../domain/agreements/working-days.js';
import type { Actor } from '../actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { databaseNow } from '../calls/call-access.js';
import { enqueueEmail } from '../email/enqueue-email.js';
import { recipientLocales } from '../email/recipient-locale.js';

/** Unsigned signatories are reminded from this many working days before the deadline, once a day. */
export const SIGNATURE_REMINDER_WORKING_DAYS = 3;
/** Partners are reminded of open milestones due within this many days, once a week. */
export const MILESTONE_REMINDER_DAYS = 30;

/**
 * The scheduled duty (hourly): agreements awaiting signatures whose deadline is near or past remind
 * each signatory who has not signed; payload milestones due soon remind the partner's signatories.
 * The row's `last_reminded_at` is claimed with a conditional UPDATE first, so a second server or a
 * rerun in the same period sends nothing twice.
 */
export async function sendAgreementReminders(db: Db, actor: Actor, links: { base: string }) {
  let signatures = 0;
  let milestones = 0;
  const now = await databaseNow(db);
  const today = localDate(now, 'UTC');
  await db.transaction(async (tx) => {
    const due = await queryRows<{ id: string; reference: string; version: number; deadline: Date | string }>(
      tx,
      sql`update agreements set last_reminded_at = now()
          where status = 'awaiting_signatures' and signature_deadline is not null
            and (last_reminded_at is null or last_reminded_at < now() - interval '20 hours')
            and signature_deadline::date <= (now()::date + ${SIGNATURE_REMINDER_WORKING_DAYS + 4}::int)
          returning id, reference, version, signature_deadline as deadline`,
    );
    for (const a of due) {
      const deadline = new Date(a.deadline);
      // The SQL pre-filter is in calendar days; the rule is in working days.
      if (workingDaysBetween(today, localDate(deadline, 'UTC')) > SIGNATURE_REMINDER_WORKING_DAYS) continue;
      const unsigned = await queryRows<{ signer_name: string; email: string }>(
        tx,
        sql`select s.signer_name, s.email from agreement_signatories s
            where s.agreement_id = ${a.id} and not exists (select 1 from agreement_signatures g where g.signatory_id = s.id)`,
      );
      const localeOf = await recipientLocales(
        tx,
        unsigned.map((s) => s.email),
      );
      for (const s of unsigned) {
        await enqueueEmail(tx, {
          to: s.email,
          template: 'agreement_signature_reminder',
          locale: localeOf(s.email),
          name: s.signer_name,
          link: `${links.base}/agreements/${a.id}/sign`,
          hours: 0,
          callTitle: `${a.reference} v${a.version}`,
          deadline: `${deadline.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
        });
        signatures++;
      }
      await recordAudit(tx, actor, {
        action: 'agreement.reminded',
        subjectType: 'agreement',
        subjectId: a.id,
        details: { deadline: deadline.toISOString(), unsigned: unsigned.map((s) => s.email) },
      });
    }
    const late = await queryRows<{ agreement_id: string; reference: string; count: number; first_due: string }>(
      tx,
      sql`with claimed as (
            update payload_milestones m set last_reminded_at = now()
            from agreements a
            where a.id = m.agreement_id and a.status = 'in_force' and m.status in ('planned', 'in_progress')
              and m.due_on <= now()::date + ${MILESTONE_REMINDER_DAYS}::int
              and (m.last_reminded_at is null or m.last_reminded_at < now() - interval '7 days')
            returning m.agreement_id, m.due_on)
          select c.agreement_id, a.reference, count(*)::int as count, to_char(min(c.due_on), 'YYYY-MM-DD') as first_due
          from claimed c join agreements a on a.id = c.agreement_id group by c.agreement_id, a.reference`,
    );
    for (const m of late) {
      const partners = await queryRows<{ signer_name: string; email: string }>(
        tx,
        sql`select signer_name, email from agreement_signatories where agreement_id = ${m.agreement_id} and party_role <> 'agency'`,
      );
      const localeOf = await recipientLocales(
        tx,
        partners.map((p) => p.email),
      );
      for (const p of partners) {
        await enqueueEmail(tx, {
          to: p.email,
          template: 'milestone_reminder',
          locale: localeOf(p.email),
          name: p.signer_name,
          link: `${links.base}/agreements/${m.agreement_id}/milestones`,
          hours: 0,
          callTitle: m.reference,
          deadline: m.first_due,
          count: m.count,
        });
        milestones++;
      }
      await recordAudit(tx, actor, {
        action: 'agreement.milestones_reminded',
        subjectType: 'agreement',
        subjectId: m.agreement_id,
        details: { open: m.count, firstDue: m.first_due },
      });
    }
  });
  return { signatures, milestones };
}
