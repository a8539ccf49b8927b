import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { ApplicationDocument } from '../../contracts/application-document.js';
import { type DbOrTx, queryRows } from '../../db/connection.js';
import { applicationAttachments, callModuleOffers, callSampleOffers, hostModules, institutions } from '../../db/schema.js';
import type { CallOffers, ModuleMounting, OfferTotals } from '../../domain/calls/accommodation.js';
import type { EligibilityRules, EligibilityTeamMember } from '../../domain/calls/eligibility.js';
import { type RequiredDocumentRule, validateSubmission } from '../../domain/calls/validate-submission.js';
import type { ApplicationStage } from '../../domain/calls/vocabulary.js';
import type { CallRow } from '../calls/call-access.js';
import { isUuid } from '../calls/call-access.js';

/** The call's offers in the shape of domain/calls/accommodation.ts. */
export async function loadOffers(db: DbOrTx, callId: string): Promise<CallOffers> {
  const samples = await db
    .select({
      id: callSampleOffers.id,
      sampleType: callSampleOffers.sampleType,
      availableMg: callSampleOffers.availableMg,
      reserveMg: callSampleOffers.reserveMg,
      maxPerRequestMg: callSampleOffers.maxPerRequestMg,
    })
    .from(callSampleOffers)
    .where(eq(callSampleOffers.callId, callId));
  const modules = await db
    .select({ offer: callModuleOffers, name: hostModules.name })
    .from(callModuleOffers)
    .innerJoin(hostModules, eq(hostModules.id, callModuleOffers.hostModuleId))
    .where(eq(callModuleOffers.callId, callId));
  return {
    samples,
    modules: modules.map(({ offer, name }) => {
      const { callId: _callId, ...rest } = offer;
      return { ...rest, name, mounting: rest.mounting as ModuleMounting };
    }),
  };
}

/** The document's team with each institution's home (country or organisation) from the registry. */
export async function loadTeam(db: DbOrTx, document: ApplicationDocument): Promise<EligibilityTeamMember[]> {
  const ids = [...new Set(document.team.map((m) => m.institutionId).filter(isUuid))];
  const rows =
    ids.length === 0
      ? []
      : await db
          .select({
            id: institutions.id,
            name: institutions.name,
            countryCode: institutions.countryCode,
            organisationId: institutions.organisationId,
          })
          .from(institutions)
          .where(inArray(institutions.id, ids));
  const byId = new Map(rows.map((r) => [r.id, r]));
  return document.team.map((m) => {
    const found = byId.get(m.institutionId);
    return {
      institutionId: m.institutionId,
      role: m.role,
      countryCode: found?.countryCode ?? null,
      organisationId: found?.organisationId ?? null,
      ...(found ? { institutionName: found.name } : {}),
    };
  });
}

export async function loadAttachmentKeys(db: DbOrTx, applicationId: string) {
  return db
    .select({
      id: applicationAttachments.id,
      documentKey: applicationAttachments.documentKey,
      filename: applicationAttachments.filename,
    })
    .from(applicationAttachments)
    .where(and(eq(applicationAttachments.applicationId, applicationId), isNull(applicationAttachments.removedAt)));
}

/**
 * What the other live applications of the call ask of each offer, summed over their current
 * versions (withdrawn and not-shortlisted ones no longer count).
 */
/** What the other live applications of the same stage ask (letters of intent and full proposals are not added up). */
export async function loadAlreadyRequested(db: DbOrTx, call: CallRow, exceptApplicationId: string, stage: ApplicationStage) {
  const rows = await queryRows<{
    offer_id: string;
    mass_mg: number | string | null;
    mass_g: number | string | null;
    avg_power_mw: number | string | null;
    data_mb_per_day: number | string | null;
  }>(
    db,
    sql`select coalesce(r.sample_offer_id, r.module_offer_id)::text as offer_id,
               sum(r.mass_mg) as mass_mg, sum(r.mass_g) as mass_g,
               sum(r.avg_power_mw) as avg_power_mw, sum(r.data_mb_per_day) as data_mb_per_day
          from application_requests r
          join applications a on a.id = r.application_id and r.version = a.submitted_version
         where a.call_id = ${call.id} and a.id <> ${exceptApplicationId} and a.stage = ${stage}
           and a.status in ('submitted', 'shortlisted')
         group by 1`,
  );
  const totals: Record<string, OfferTotals> = {};
  for (const r of rows) {
    totals[r.offer_id] = {
      massMg: Number(r.mass_mg ?? 0),
      massG: Number(r.mass_g ?? 0),
      avgPowerMw: Number(r.avg_power_mw ?? 0),
      dataMbPerDay: Number(r.data_mb_per_day ?? 0),
    };
  }
  return totals;
}

/**
 * Everything validate-submission needs, loaded from the database, and its verdict: every issue at
 * once and the accommodation report.
 */
export async function evaluateSubmission(
  db: DbOrTx,
  call: CallRow,
  applicationId: string,
  stage: ApplicationStage,
  document: ApplicationDocument,
) {
  const [offers, team, attachments, alreadyRequested] = [
    await loadOffers(db, call.id),
    await loadTeam(db, document),
    await loadAttachmentKeys(db, applicationId),
    await loadAlreadyRequested(db, call, applicationId, stage),
  ];
  const result = validateSubmission({
    call: {
      stages: call.stages,
      eligibility: call.eligibility as EligibilityRules,
      requiredDocuments: (call.requiredDocuments as RequiredDocumentRule[]).map((d) => ({
        ...d,
        required: d.required !== false,
      })),
      offers,
    },
    stage,
    document,
    team,
    attachments,
    alreadyRequested,
  });
  return { ...result, offers };
}
