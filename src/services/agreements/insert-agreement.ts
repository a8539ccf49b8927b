import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/connection.js';
import { agreementSignatories, agreements, payloadMilestones } from '../../db/schema.js';
import type { AgreementTerms } from '../../domain/agreements/terms.js';
import type { AgreementKind, AgreementLanguage, MilestoneKind, PartyRole } from '../../domain/agreements/vocabulary.js';
import type { Actor } from '../actor.js';
import { recordAudit } from '../audit/record-audit.js';

export interface SignatoryInput {
  partyRole: PartyRole;
  partyName: string;
  institutionId?: string | null;
  signerName: string;
  signerTitle?: string | null;
  email: string;
}

export interface MilestoneInput {
  kind: MilestoneKind;
  title: string;
  dueOn: string;
  owner: string;
}

export interface NewAgreementVersion {
  kind: AgreementKind;
  programId: string;
  callId: string | null;
  decisionId: string | null;
  institutionId: string;
  reference: string;
  title: string;
  terms: AgreementTerms;
  languages: AgreementLanguage[];
  durationMonths: number | null;
  signatories: SignatoryInput[];
  milestones: MilestoneInput[];
  /** Amendments: the version in force this one will supersede. */
  supersedes?: { id: string; seriesId: string; version: number };
}

/** Writes a draft version with its parties and milestones, and its audit row (inside the caller's transaction). */
export async function insertAgreementVersion(tx: DbOrTx, actor: Actor, input: NewAgreementVersion) {
  const id = crypto.randomUUID();
  const [row] = await tx
    .insert(agreements)
    .values({
      id,
      seriesId: input.supersedes?.seriesId ?? id,
      version: input.supersedes ? input.supersedes.version + 1 : 1,
      supersedesId: input.supersedes?.id ?? null,
      reference: input.reference,
      kind: input.kind,
      programId: input.programId,
      callId: input.callId,
      decisionId: input.decisionId,
      institutionId: input.institutionId,
      title: input.title,
      terms: input.terms as unknown as Record<string, unknown>,
      languages: input.languages,
      durationMonths: input.durationMonths,
      createdBy: actor.label,
    })
    .returning();
  await tx.insert(agreementSignatories).values(
    input.signatories.map((s, i) => ({
      agreementId: id,
      position: i + 1,
      partyRole: s.partyRole,
      partyName: s.partyName.trim(),
      institutionId: s.institutionId ?? null,
      signerName: s.signerName.trim(),
      signerTitle: s.signerTitle?.trim() || null,
      email: s.email.trim(),
    })),
  );
  if (input.milestones.length)
    await tx
      .insert(payloadMilestones)
      .values(input.milestones.map((m) => ({ agreementId: id, ...m, updatedBy: actor.label, updatedAt: sql`now()` })));
  await recordAudit(tx, actor, {
    action: input.supersedes ? 'agreement.amended' : 'agreement.drafted',
    subjectType: 'agreement',
    subjectId: id,
    details: {
      reference: input.reference,
      version: row!.version,
      kind: input.kind,
      decisionId: input.decisionId,
      supersedes: input.supersedes?.id ?? null,
      signatories: input.signatories.map((s) => s.email),
    },
  });
  return row!;
}
