import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { agreementSignatories, agreementSignatures } from '../../db/schema.js';
import { sha256Hex } from '../../documents/pdf/render-pdf.js';
import { AppError, IssueList } from '../../domain/errors.js';
import { authorize } from '../../policies/policy.js';
import type { Actor } from '../actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { databaseNow, isUuid } from '../calls/call-access.js';
import { loadManagedAgreement, refuseUnless } from './agreement-access.js';
import { completeSigningIfDone } from './complete-signing.js';
import { translateSignatureError } from './translate-errors.js';

export interface OnSiteSignatureInput {
  signatoryId: string;
  /** Who signed, as they signed (may differ in spelling from the invitation). */
  signerName: string;
  place: string;
  signedAt: string;
  scanFilename: string;
  /** The scanned signed copy, a PDF. */
  scan: Buffer;
}

const MAX_SCAN_BYTES = 20 * 1024 * 1024;

/**
 * Staff record a signature given on site (a ceremony): who signed, where and when, with the scanned
 * signed copy. The scan is of the document the agreement carries, so the hash confirmed is its own.
 */
export async function recordOnSiteSignature(
  db: Db,
  actor: Actor,
  agreementId: string,
  input: OnSiteSignatureInput,
  links: { base: string } = { base: '' },
) {
  authorize(actor, 'agreements.manage');
  const issues = new IssueList();
  if (!input.place?.trim()) issues.add('place', 'VALIDATION_FAILED', 'Say where it was signed.');
  if (!input.signerName?.trim()) issues.add('signerName', 'VALIDATION_FAILED', 'Name who signed.');
  const signedAt = new Date(input.signedAt);
  if (Number.isNaN(signedAt.getTime())) issues.add('signedAt', 'VALIDATION_FAILED', 'Give the date and time of signing.');
  issues.throwIfAny();
  if (input.scan.subarray(0, 5).toString('latin1') !== '%PDF-')
    throw new AppError('INVALID_FILE', 'The scanned signed copy must be a PDF.', [
      { field: 'scan', code: 'INVALID_FILE', message: 'Upload the scan as a PDF.' },
    ]);
  if (input.scan.length > MAX_SCAN_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', 'The scan is larger than 20 MB.');
  return db
    .transaction(async (tx) => {
      const row = await loadManagedAgreement(tx, actor, agreementId);
      refuseUnless(row, ['awaiting_signatures'], 'take signatures');
      const now = await databaseNow(tx);
      if (signedAt.getTime() > now.getTime() + 60_000)
        throw AppError.fromIssues([
          { field: 'signedAt', code: 'VALIDATION_FAILED', message: 'A signature cannot be dated in the future.' },
        ]);
      const [signatory] = isUuid(input.signatoryId)
        ? await tx
            .select()
            .from(agreementSignatories)
            .where(and(eq(agreementSignatories.id, input.signatoryId), eq(agreementSignatories.agreementId, row.id)))
        : [];
      if (!signatory) throw new AppError('NOT_FOUND', `No signatory "${input.signatoryId}" on this agreement.`);
      const scanSha256 = sha256Hex(input.scan);
      await tx.insert(agreementSignatures).values({
        signatoryId: signatory.id,
        agreementId: row.id,
        method: 'on_site',
        signedAt,
        place: input.place.trim(),
        recordedBy: actor.label,
        scanFilename: input.scanFilename,
        scanPdf: input.scan,
        scanSha256,
        confirmedSha256: row.documentSha256!,
      });
      await recordAudit(tx, actor, {
        action: 'agreement.signed_on_site',
        subjectType: 'agreement',
        subjectId: row.id,
        details: {
          signatoryId: signatory.id,
          signerName: input.signerName.trim(),
          party: signatory.partyName,
          place: input.place.trim(),
          signedAt: signedAt.toISOString(),
          scanSha256,
          documentSha256: row.documentSha256,
        },
      });
      const status = await completeSigningIfDone(tx, actor, row, signedAt, links);
      return { id: row.id, status };
    })
    .catch(translateSignatureError);
}
