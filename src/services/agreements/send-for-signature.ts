import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { agreementSettings, agreementSignatories, agreements, calls, selectionDecisions } from '../../db/schema.js';
import { nextAgreementStatus } from '../../domain/agreements/agreement-state.js';
import { DEFAULT_SIGNATURE_WORKING_DAYS } from '../../domain/agreements/vocabulary.js';
import { signatureDeadline } from '../../domain/agreements/working-days.js';
import { authorize } from '../../policies/policy.js';
import type { Actor } from '../actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { databaseNow } from '../calls/call-access.js';
import { enqueueEmail } from '../email/enqueue-email.js';
import { recipientLocales } from '../email/recipient-locale.js';
import { loadManagedAgreement } from './agreement-access.js';
import { renderAgreement } from './render-agreement.js';

/**
 * Freezes the draft: renders its document (every language), stores it with its SHA-256, sets the
 * signature deadline — the call's working days (10 by default) after the decision, or after today
 * for an amendment or an agreement outside a call — and asks every signatory by e-mail.
 */
export async function sendForSignature(db: Db, actor: Actor, agreementId: string, links: { base: string }) {
  authorize(actor, 'agreements.manage');
  return db.transaction(async (tx) => {
    const row = await loadManagedAgreement(tx, actor, agreementId);
    const status = nextAgreementStatus(row.status, 'send');
    const { pdf, sha256 } = await renderAgreement(tx, row);
    const now = await databaseNow(tx);
    let from = now;
    let timeZone = 'UTC';
    let workingDays = DEFAULT_SIGNATURE_WORKING_DAYS;
    if (row.callId) {
      const [call] = await tx.select({ timeZone: calls.timeZone }).from(calls).where(eq(calls.id, row.callId));
      const [settings] = await tx.select().from(agreementSettings).where(eq(agreementSettings.callId, row.callId));
      timeZone = call!.timeZone;
      workingDays = settings?.signatureWorkingDays ?? workingDays;
    }
    if (row.decisionId && row.version === 1) {
      const [decision] = await tx.select().from(selectionDecisions).where(eq(selectionDecisions.id, row.decisionId));
      from = decision!.decidedAt;
    }
    const deadline = signatureDeadline(from, workingDays, timeZone);
    await tx
      .update(agreements)
      .set({ status, documentPdf: pdf, documentSha256: sha256, sentAt: now, signatureDeadline: deadline, updatedAt: sql`now()` })
      .where(eq(agreements.id, row.id));
    const signatories = await tx.select().from(agreementSignatories).where(eq(agreementSignatories.agreementId, row.id));
    const shown = `${deadline.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
    const localeOf = await recipientLocales(
      tx,
      signatories.map((s) => s.email),
    );
    for (const s of signatories) {
      await enqueueEmail(tx, {
        to: s.email,
        template: 'agreement_signature_request',
        locale: localeOf(s.email),
        name: s.signerName,
        link: `${links.base}/agreements/${row.id}/sign`,
        hours: 0,
        callTitle: `${row.reference} v${row.version}`,
        deadline: shown,
      });
    }
    await recordAudit(tx, actor, {
      action: 'agreement.sent_for_signature',
      subjectType: 'agreement',
      subjectId: row.id,
      details: {
        reference: row.reference,
        version: row.version,
        sha256,
        deadline: deadline.toISOString(),
        workingDays,
        timeZone,
      },
    });
    return { id: row.id, status, documentSha256: sha256, signatureDeadline: deadline.toISOString() };
  });
}
