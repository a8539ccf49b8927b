import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/connection.js';
import { agreementSignatories } from '../../db/schema.js';
import { agreementDocument } from '../../documents/agreements/agreement-document.js';
import { renderPdf, sha256Hex } from '../../documents/pdf/render-pdf.js';
import { readTerms } from '../../domain/agreements/terms.js';
import type { AgreementRow } from './agreement-access.js';

/**
 * The agreement's document in all its languages, and its SHA-256. Deterministic: the same version
 * (terms, parties, creation time) always gives the same bytes, so the hash signatories confirm can
 * be re-derived by anyone holding the data.
 */
export async function renderAgreement(db: DbOrTx, row: AgreementRow): Promise<{ pdf: Buffer; sha256: string }> {
  const signatories = await db
    .select()
    .from(agreementSignatories)
    .where(eq(agreementSignatories.agreementId, row.id))
    .orderBy(agreementSignatories.position);
  const pdf = await renderPdf(
    agreementDocument({
      reference: row.reference,
      version: row.version,
      kind: row.kind,
      title: row.title,
      terms: readTerms(row.terms),
      languages: row.languages,
      durationMonths: row.durationMonths,
      signatories,
      createdAt: row.createdAt,
    }),
  );
  return { pdf, sha256: sha256Hex(pdf) };
}
