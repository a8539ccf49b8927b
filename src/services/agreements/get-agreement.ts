import { eq } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { agreements } from '../../db/schema.js';
import { readTerms } from '../../domain/agreements/terms.js';
import { authorize } from '../../policies/policy.js';
import type { Actor } from '../actor.js';
import {
  type AgreementRow,
  agreementNotFound,
  isSignatory,
  loadAgreementRow,
  loadMilestones,
  loadSignatories,
  managesAgreement,
  readsAgreement,
} from './agreement-access.js';

export async function presentAgreement(db: Db, actor: Actor, row: AgreementRow) {
  const signatories = await loadSignatories(db, row.id);
  const milestones = await loadMilestones(db, row.id);
  const versions = await db
    .select({ id: agreements.id, version: agreements.version, status: agreements.status })
    .from(agreements)
    .where(eq(agreements.seriesId, row.seriesId))
    .orderBy(agreements.version);
  return {
    id: row.id,
    seriesId: row.seriesId,
    reference: row.reference,
    version: row.version,
    kind: row.kind,
    status: row.status,
    title: row.title,
    programId: row.programId,
    callId: row.callId,
    decisionId: row.decisionId,
    institutionId: row.institutionId,
    terms: readTerms(row.terms),
    languages: row.languages,
    documentSha256: row.documentSha256,
    durationMonths: row.durationMonths,
    signatureDeadline: row.signatureDeadline?.toISOString() ?? null,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    sentAt: row.sentAt?.toISOString() ?? null,
    inForceAt: row.inForceAt?.toISOString() ?? null,
    canManage: managesAgreement(actor, row),
    signatories: signatories.map((s) => ({
      id: s.id,
      partyRole: s.partyRole,
      partyName: s.partyName,
      signerName: s.signerName,
      signerTitle: s.signerTitle,
      email: s.email,
      isMe: isSignatory(actor, s),
      signature: s.signature && {
        method: s.signature.method,
        signedAt: s.signature.signedAt.toISOString(),
        place: s.signature.place,
        scanFilename: s.signature.scanFilename,
        scanSha256: s.signature.scanSha256,
        confirmedSha256: s.signature.confirmedSha256,
      },
    })),
    milestones: milestones.map((m) => ({
      id: m.id,
      kind: m.kind,
      title: m.title,
      dueOn: m.dueOn,
      owner: m.owner,
      status: m.status,
      doneOn: m.doneOn,
      note: m.note,
    })),
    versions,
  };
}
export type PresentedAgreement = Awaited<ReturnType<typeof presentAgreement>>;

/** An agreement as its officers, curators (sample loans) or its own signatories see it. */
export async function getAgreement(db: Db, actor: Actor, id: string) {
  authorize(actor, 'agreements.mine');
  const row = await loadAgreementRow(db, id);
  if (!row) throw agreementNotFound(id);
  if (!readsAgreement(actor, row)) {
    const signatories = await loadSignatories(db, row.id);
    if (!signatories.some((s) => isSignatory(actor, s))) throw agreementNotFound(id);
  }
  return presentAgreement(db, actor, row);
}
