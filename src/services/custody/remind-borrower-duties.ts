import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/connection.js';
import type { Locale } from '../../domain/accounts/roles.js';
import { DUE_SOON_DAYS } from '../../domain/samples/duties.js';
import type { Actor } from '../actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { enqueueEmail } from '../email/enqueue-email.js';

/**
 * The scheduled duty: materialises the duties that come due (refresh_borrower_duties), then
 * reminds each borrower once when a duty is due within DUE_SOON_DAYS and once when it is overdue.
 * The reminder row is inserted first (ON CONFLICT DO NOTHING), so a rerun or a second server never
 * sends one twice. Mail goes to the borrowing institution's people (applicants scoped to it).
 */
export async function remindBorrowerDuties(db: Db, actor: Actor, links: { base: string }) {
  let sent = 0;
  await db.execute(sql`select refresh_borrower_duties(${DUE_SOON_DAYS}::int)`);
  for (const stage of ['due_soon', 'overdue'] as const) {
    await db.transaction(async (tx) => {
      const due = await queryRows<{
        duty_id: string;
        kind: string;
        due_on: string;
        reference: string;
        loan_id: string;
        institution_id: string;
      }>(
        tx,
        sql`with fresh as (
              insert into borrower_duty_reminders (duty_id, stage)
              select d.id, ${stage} from borrower_duties d join loans l on l.id = d.loan_id and l.status = 'open'
              where d.status = 'open' and ${
                stage === 'overdue'
                  ? sql`d.due_on < current_date`
                  : sql`d.due_on >= current_date and d.due_on <= current_date + ${DUE_SOON_DAYS}::int`
              }
              on conflict do nothing returning duty_id)
            select d.id as duty_id, d.kind, to_char(d.due_on, 'YYYY-MM-DD') as due_on, l.reference, l.id as loan_id, l.borrower_institution_id as institution_id
            from fresh f join borrower_duties d on d.id = f.duty_id join loans l on l.id = d.loan_id`,
      );
      for (const d of due) {
        const people = await queryRows<{ email: string; name: string; locale: Locale | null }>(
          tx,
          sql`select a.email, a.display_name as name, a.locale from accounts a join role_grants g on g.account_id = a.id
              where g.role = 'applicant' and g.scope_type = 'institution' and g.scope_id = ${d.institution_id}
                and g.revoked_at is null and a.status = 'active' and a.email_verified_at is not null`,
        );
        for (const p of people) {
          await enqueueEmail(tx, {
            to: p.email,
            template: stage === 'overdue' ? 'duty_overdue' : 'duty_due_soon',
            locale: p.locale ?? 'en',
            name: p.name,
            link: `${links.base}/borrower/loans/${d.loan_id}`,
            hours: 0,
            deadline: d.due_on,
            loanReference: d.reference,
            dutyKind: d.kind,
          });
          sent++;
        }
        await recordAudit(tx, actor, {
          action: stage === 'overdue' ? 'loan.duty_overdue_reminded' : 'loan.duty_reminded',
          subjectType: 'loan',
          subjectId: d.loan_id,
          details: { dutyId: d.duty_id, kind: d.kind, dueOn: d.due_on, recipients: people.length },
        });
      }
    });
  }
  return { sent };
}
