import { and, eq, sql } from 'drizzle-orm';
import { type DbOrTx, queryRows } from '../../db/connection.js';
import { agreementSignatories, agreements, loans } from '../../db/schema.js';
import { everyoneSigned, nextAgreementStatus } from '../../domain/agreements/agreement-state.js';
import { addMonths } from '../../domain/agreements/working-days.js';
import type { Actor } from '../actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { enqueueEmail } from '../email/enqueue-email.js';
import { recipientLocales } from '../email/recipient-locale.js';
import type { AgreementRow } from './agreement-access.js';

/**
 * After a signature: when every signatory has signed, the version comes into force (today, for its
 * duration); an amendment supersedes the version in force and takes over its open loans, all in the
 * signature's transaction (the loans trigger checks the result at commit). Every signatory is told,
 * in their own language, with the signed document attached.
 */
export async function completeSigningIfDone(
  tx: DbOrTx,
  actor: Actor,
  row: AgreementRow,
  signedAt: Date,
  links: { base: string },
) {
  const [counts] = await queryRows<{ signatories: number; signatures: number }>(
    tx,
    sql`select (select count(*)::int from agreement_signatories where agreement_id = ${row.id}) as signatories,
               (select count(*)::int from agreement_signatures where agreement_id = ${row.id}) as signatures`,
  );
  if (!everyoneSigned(counts!.signatories, counts!.signatures)) return row.status;
  const status = nextAgreementStatus(row.status, 'all_signed');
  let startsOn = signedAt.toISOString().slice(0, 10);
  let endsOn = row.durationMonths ? addMonths(startsOn, row.durationMonths) : null;
  if (row.supersedesId) {
    const [previous] = await tx.select().from(agreements).where(eq(agreements.id, row.supersedesId)).for('update');
    // An amendment keeps the period it amends unless it changes the duration.
    if (previous?.startsOn) {
      startsOn = previous.startsOn;
      endsOn = row.durationMonths ? addMonths(startsOn, row.durationMonths) : previous.endsOn;
    }
    if (previous?.status === 'in_force') {
      await tx
        .update(agreements)
        .set({
          status: nextAgreementStatus('in_force', 'supersede'),
          closedAt: signedAt,
          closedReason: `superseded by v${row.version}`,
          updatedAt: sql`now()`,
        })
        .where(eq(agreements.id, previous.id));
      const moved = await tx
        .update(loans)
        .set({ agreementId: row.id })
        .where(and(eq(loans.agreementId, previous.id), eq(loans.status, 'open')))
        .returning({ id: loans.id });
      await recordAudit(tx, actor, {
        action: 'agreement.superseded',
        subjectType: 'agreement',
        subjectId: previous.id,
        details: { by: row.id, version: row.version, loansMoved: moved.map((l) => l.id) },
      });
    }
  }
  await tx
    .update(agreements)
    .set({ status, inForceAt: signedAt, startsOn, endsOn, updatedAt: sql`now()` })
    .where(eq(agreements.id, row.id));
  await recordAudit(tx, actor, {
    action: 'agreement.in_force',
    subjectType: 'agreement',
    subjectId: row.id,
    details: { reference: row.reference, version: row.version, startsOn, endsOn },
  });
  await tellSignatoriesInForce(tx, row, { startsOn, endsOn }, links);
  return status;
}

async function tellSignatoriesInForce(
  tx: DbOrTx,
  row: AgreementRow,
  period: { startsOn: string; endsOn: string | null },
  links: { base: string },
) {
  const signatories = await tx.select().from(agreementSignatories).where(eq(agreementSignatories.agreementId, row.id));
  const localeOf = await recipientLocales(
    tx,
    signatories.map((s) => s.email),
  );
  // The document holds every language of the agreement, so one file serves every recipient.
  const attachments = row.documentPdf
    ? [{ filename: `${row.reference}-v${row.version}.pdf`, contentType: 'application/pdf', content: row.documentPdf }]
    : [];
  for (const s of signatories) {
    await enqueueEmail(tx, {
      to: s.email,
      template: 'agreement_in_force',
      locale: localeOf(s.email),
      name: s.signerName,
      link: `${links.base}/agreements/${row.id}`,
      hours: 0,
      callTitle: `${row.reference} v${row.version}`,
      at: period.startsOn,
      deadline: period.endsOn ?? '',
      attachments,
    });
  }
}
