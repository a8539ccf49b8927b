import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { agreementSignatures } from '../../db/schema.js';
import { certificateDocument } from '../../documents/agreements/agreement-document.js';
import { renderPdf } from '../../documents/pdf/render-pdf.js';
import { readTerms } from '../../domain/agreements/terms.js';
import { AppError } from '../../domain/errors.js';
import type { Actor } from '../actor.js';
import { isUuid } from '../calls/call-access.js';
import { loadAgreementRow } from './agreement-access.js';
import { getAgreement } from './get-agreement.js';

export interface FileOut {
  filename: string;
  content: Buffer;
}

/** The agreement's document as sent for signature (the bytes whose SHA-256 the signatories confirm). */
export async function agreementDocumentFile(db: Db, actor: Actor, id: string): Promise<FileOut> {
  const shown = await getAgreement(db, actor, id);
  const row = await loadAgreementRow(db, shown.id);
  if (!row?.documentPdf) throw new AppError('CONFLICT', 'The agreement has not been sent for signature yet: it has no document.');
  return { filename: `${row.reference}-v${row.version}.pdf`, content: row.documentPdf };
}

/** The sample certificate, once the agreement is in force (rendered the same way every time). */
export async function certificateFile(db: Db, actor: Actor, id: string): Promise<FileOut> {
  const shown = await getAgreement(db, actor, id);
  if (shown.status !== 'in_force' || !shown.inForceAt)
    throw new AppError('CONFLICT', 'A certificate is issued once the agreement is in force.');
  if (shown.kind !== 'sample_loan') throw new AppError('CONFLICT', 'Certificates are issued for sample loans.');
  const pdf = await renderPdf(
    certificateDocument({
      reference: shown.reference,
      version: shown.version,
      partner: shown.terms.partner,
      terms: readTerms(shown.terms),
      inForceAt: new Date(shown.inForceAt),
      endsOn: shown.endsOn,
      documentSha256: shown.documentSha256!,
      signers: shown.signatories.map((s) => `${s.signerName} (${s.partyName})`),
    }),
  );
  return { filename: `${shown.reference}-certificate.pdf`, content: pdf };
}

/** The scanned signed copy of an on-site signature (officers of the program only). */
export async function signatureScanFile(db: Db, actor: Actor, id: string, signatoryId: string): Promise<FileOut> {
  const shown = await getAgreement(db, actor, id);
  if (!shown.canManage || !isUuid(signatoryId)) throw new AppError('NOT_FOUND', 'No such scan.');
  const [scan] = await db
    .select({ filename: agreementSignatures.scanFilename, content: agreementSignatures.scanPdf })
    .from(agreementSignatures)
    .where(and(eq(agreementSignatures.agreementId, shown.id), eq(agreementSignatures.signatoryId, signatoryId)));
  if (!scan?.content) throw new AppError('NOT_FOUND', 'No such scan.');
  return { filename: scan.filename ?? 'signed-copy.pdf', content: scan.content };
}
