import { and, eq, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/connection.js';
import { agreementSettings, agreements, institutions, programs, selectionDecisions } from '../../db/schema.js';
import { type AgreementTerms, TEMPLATE_OBLIGATIONS } from '../../domain/agreements/terms.js';
import { type AgreementKind, type AgreementLanguage, DEFAULT_LOAN_DURATION_MONTHS } from '../../domain/agreements/vocabulary.js';
import { AppError, IssueList } from '../../domain/errors.js';
import { authorize } from '../../policies/policy.js';
import type { Actor } from '../actor.js';
import { callNotFound, isUuid, loadManagedCall } from '../calls/call-access.js';
import { insertAgreementVersion, type MilestoneInput, type SignatoryInput } from './insert-agreement.js';

export interface CreateAgreementInput {
  decisionId: string;
  signatories: SignatoryInput[];
  milestones?: MilestoneInput[];
  languages?: AgreementLanguage[];
}

const KIND_OF_PROGRAM: Record<string, AgreementKind> = {
  sample_loan: 'sample_loan',
  payload: 'payload_cooperation',
  station_experiment: 'station_experiment',
};

export function signatoryIssues(signatories: SignatoryInput[], issues: IssueList): void {
  if (!signatories.some((s) => s.partyRole === 'agency'))
    issues.add('signatories', 'VALIDATION_FAILED', 'Name who signs for the agency.');
  if (!signatories.some((s) => s.partyRole === 'partner'))
    issues.add('signatories', 'VALIDATION_FAILED', 'Name who signs for the partner.');
  const emails = signatories.map((s) => s.email.trim().toLowerCase());
  if (new Set(emails).size !== emails.length)
    issues.add('signatories', 'DUPLICATE', 'Each signatory signs once: the e-mail addresses repeat.');
}

/**
 * Drafts the agreement of a selected (or conditionally selected) proposal from its program's
 * template: parties, the allocated samples and masses or the payload and its resources, the call's
 * loan duration, the template's obligations. One agreement per decision.
 */
export async function createAgreement(db: Db, actor: Actor, input: CreateAgreementInput) {
  authorize(actor, 'agreements.manage');
  const issues = new IssueList();
  signatoryIssues(input.signatories, issues);
  issues.throwIfAny();
  if (!isUuid(input.decisionId)) throw new AppError('NOT_FOUND', `No decision "${input.decisionId}".`);
  return db.transaction(async (tx) => {
    const [decision] = await tx.select().from(selectionDecisions).where(eq(selectionDecisions.id, input.decisionId));
    if (!decision) throw new AppError('NOT_FOUND', `No decision "${input.decisionId}".`);
    const call = await loadManagedCall(tx, actor, decision.callId).catch(() => {
      throw callNotFound(decision.callId);
    });
    if (decision.outcome === 'rejected') throw new AppError('CONFLICT', 'A rejected proposal gets no agreement.');
    const existing = await tx
      .select({ id: agreements.id })
      .from(agreements)
      .where(and(eq(agreements.decisionId, decision.id), sql`${agreements.status} <> 'terminated'`));
    if (existing.length) throw new AppError('DUPLICATE', 'This decision already has its agreement.');
    const [program] = await tx.select().from(programs).where(eq(programs.id, call.programId));
    const kind = KIND_OF_PROGRAM[program!.kind];
    if (!kind) throw new AppError('CONFLICT', `Program ${program!.name} has no agreement template.`);
    const [application] = await queryRows<{ title: string; lead_institution_id: string | null; version: number }>(
      tx,
      sql`select title, lead_institution_id, submitted_version as version from applications where id = ${decision.applicationId}`,
    );
    if (!application?.lead_institution_id) throw new AppError('CONFLICT', 'The proposal names no lead institution.');
    const [institution] = await tx.select().from(institutions).where(eq(institutions.id, application.lead_institution_id));
    const [settings] = await tx.select().from(agreementSettings).where(eq(agreementSettings.callId, call.id));
    const samples = await queryRows<{ sample_type: string; mass_mg: string; id: string }>(
      tx,
      sql`select o.sample_type, a.mass_mg, a.id from sample_allocations a join call_sample_offers o on o.id = a.sample_offer_id
          where a.decision_id = ${decision.id} order by o.sample_type`,
    );
    const payloads = await queryRows<{
      name: string | null;
      module: string;
      mass_g: number | null;
      avg_power_mw: number | null;
      data_mb_per_day: number | null;
    }>(
      tx,
      sql`select r.detail->>'name' as name, h.name as module, r.mass_g, r.avg_power_mw, r.data_mb_per_day
          from application_requests r join call_module_offers m on m.id = r.module_offer_id join host_modules h on h.id = m.host_module_id
          where r.application_id = ${decision.applicationId} and r.version = ${application.version} order by h.name`,
    );
    const terms: AgreementTerms = {
      program: program!.name,
      callTitle: call.title,
      partner: institution!.name,
      partnerCountry: institution!.countryCode,
      purpose: application.title,
      samples: samples.map((s) => ({ sampleType: s.sample_type, massMg: Number(s.mass_mg), allocationId: s.id })),
      payloads: payloads.map((p) => ({
        name: p.name ?? application.title,
        hostModule: p.module,
        massG: p.mass_g,
        avgPowerMw: p.avg_power_mw,
        dataMbPerDay: p.data_mb_per_day,
      })),
      obligations: [...TEMPLATE_OBLIGATIONS[kind]],
      conditions: decision.conditions,
      amendmentNote: null,
    };
    const count = await queryRows<{ n: number }>(
      tx,
      sql`select count(distinct series_id)::int as n from agreements where call_id = ${call.id}`,
    );
    const row = await insertAgreementVersion(tx, actor, {
      kind,
      programId: call.programId,
      callId: call.id,
      decisionId: decision.id,
      institutionId: institution!.id,
      reference: `${call.slug.toUpperCase()}-${String(count[0]!.n + 1).padStart(3, '0')}`,
      title: `${terms.partner}: ${application.title}`,
      terms,
      languages: input.languages ?? ['en', 'zh'],
      durationMonths: kind === 'sample_loan' ? (settings?.loanDurationMonths ?? DEFAULT_LOAN_DURATION_MONTHS) : null,
      signatories: input.signatories,
      milestones: kind === 'payload_cooperation' ? (input.milestones ?? []) : [],
    });
    return { id: row.id, reference: row.reference, version: row.version, status: row.status };
  });
}
