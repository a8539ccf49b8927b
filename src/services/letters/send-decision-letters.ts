import { eq } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { decisionLetters } from '../../db/schema.js';
import { decisionLetterSpec } from '../../documents/letters/decision-letter.js';
import type { LetterLocale } from '../../documents/letters/letter-catalogue.js';
import { renderPdf, sha256Hex } from '../../documents/pdf/render-pdf.js';
import { AppError } from '../../domain/errors.js';
import { authorize } from '../../policies/policy.js';
import type { Actor } from '../actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { enqueueEmail } from '../email/enqueue-email.js';
import { loadDecidableCall } from '../selection/selection-access.js';
import { loadLetterSubjects } from './letter-facts.js';

export const LETTER_LOCALES: readonly LetterLocale[] = ['en', 'zh'];

export const letterFilename = (reference: string, locale: LetterLocale) => `decision-letter-${reference}-${locale}.pdf`;

export interface SendLettersResult {
  callId: string;
  generated: number;
  emailed: number;
  /** Decisions whose owner account is not active (disabled, never verified): letters kept, no e-mail. */
  notEmailed: number;
  alreadySent: number;
}

/**
 * The official's "send letters" step after the decision: for every decision of the call that has
 * no letter yet, the PDF in English and in Chinese is generated and stored (frozen), and the one in
 * the applicant account's language is e-mailed with the PDF attached (through the outbox, in the
 * same transaction). Running it again sends nothing twice. Audited.
 */
export async function sendDecisionLetters(
  db: Db,
  actor: Actor,
  callId: string,
  links: { base: string },
): Promise<SendLettersResult> {
  authorize(actor, 'selection.decide');
  return db.transaction(async (tx) => {
    const call = await loadDecidableCall(tx, actor, callId);
    if (call.status !== 'decided') throw new AppError('CONFLICT', `The call is ${call.status}: letters follow the decision.`);
    const done = new Set(
      (
        await tx
          .select({ decisionId: decisionLetters.decisionId })
          .from(decisionLetters)
          .where(eq(decisionLetters.callId, call.id))
      ).map((r) => r.decisionId),
    );
    const subjects = (await loadLetterSubjects(tx, call)).filter((s) => !done.has(s.decisionId));
    let emailed = 0;
    for (const subject of subjects) {
      const pdfs = new Map<LetterLocale, { filename: string; content: Buffer }>();
      for (const locale of LETTER_LOCALES) {
        const content = await renderPdf(decisionLetterSpec(subject.facts, locale));
        const filename = letterFilename(subject.facts.reference, locale);
        pdfs.set(locale, { filename, content });
        await tx.insert(decisionLetters).values({
          decisionId: subject.decisionId,
          applicationId: subject.applicationId,
          callId: call.id,
          locale,
          filename,
          content,
          sha256: sha256Hex(content),
          createdBy: actor.label,
        });
      }
      if (subject.owner.status !== 'active') continue;
      const locale: LetterLocale = subject.owner.locale === 'zh' ? 'zh' : 'en';
      const pdf = pdfs.get(locale)!;
      await enqueueEmail(tx, {
        to: subject.owner.email,
        template: 'decision_letter',
        locale,
        name: subject.owner.displayName,
        link: `${links.base}/applications/${subject.applicationId}`,
        hours: 0,
        callTitle: call.title,
        attachments: [{ filename: pdf.filename, contentType: 'application/pdf', content: pdf.content }],
      });
      emailed++;
    }
    const result = {
      callId: call.id,
      generated: subjects.length,
      emailed,
      notEmailed: subjects.length - emailed,
      alreadySent: done.size,
    };
    await recordAudit(tx, actor, {
      action: 'selection.letters_sent',
      subjectType: 'call',
      subjectId: call.id,
      details: { generated: result.generated, emailed, notEmailed: result.notEmailed, alreadySent: done.size },
    });
    return result;
  });
}
