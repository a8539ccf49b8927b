import { eq } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { agreementSignatories, agreementSignatures } from '../../db/schema.js';
import { AppError } from '../../domain/errors.js';
import { authorize } from '../../policies/policy.js';
import type { Actor } from '../actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { databaseNow } from '../calls/call-access.js';
import { agreementNotFound, isSignatory, loadAgreementRow, refuseUnless } from './agreement-access.js';
import { completeSigningIfDone } from './complete-signing.js';
import { translateSignatureError } from './translate-errors.js';

/**
 * A signatory, signed in with the account of the address the agreement names, signs by confirming
 * the document's SHA-256 (typed or pasted from what they read). A different hash is refused — by
 * this check and by the database — and nothing is written. The time is the database's.
 */
export async function signRemotely(
  db: Db,
  actor: Actor,
  agreementId: string,
  input: { documentSha256: string },
  links: { base: string } = { base: '' },
) {
  authorize(actor, 'agreements.sign');
  if (actor.kind !== 'account') throw new AppError('UNAUTHENTICATED', 'Sign in to sign.');
  const confirmed = input.documentSha256.trim().toLowerCase();
  return db
    .transaction(async (tx) => {
      const row = await loadAgreementRow(tx, agreementId, true);
      if (!row) throw agreementNotFound(agreementId);
      const signatories = await tx.select().from(agreementSignatories).where(eq(agreementSignatories.agreementId, row.id));
      const mine = signatories.find((s) => isSignatory(actor, s));
      if (!mine) throw agreementNotFound(agreementId);
      refuseUnless(row, ['awaiting_signatures'], 'take signatures');
      if (confirmed !== row.documentSha256)
        throw new AppError('CONFLICT', 'The hash confirmed is not the hash of this agreement’s document.', [
          { field: 'documentSha256', code: 'CONFLICT', message: 'The hash does not match the document.' },
        ]);
      const signedAt = await databaseNow(tx);
      await tx.insert(agreementSignatures).values({
        signatoryId: mine.id,
        agreementId: row.id,
        method: 'remote',
        signedAt,
        recordedBy: actor.label,
        accountId: actor.accountId,
        confirmedSha256: confirmed,
      });
      await recordAudit(tx, actor, {
        action: 'agreement.signed_remotely',
        subjectType: 'agreement',
        subjectId: row.id,
        details: { signatoryId: mine.id, party: mine.partyName, signedAt: signedAt.toISOString(), documentSha256: confirmed },
      });
      const status = await completeSigningIfDone(tx, actor, row, signedAt, links);
      return { id: row.id, status };
    })
    .catch(translateSignatureError);
}
