import { and, desc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/connection.js';
import {
  accounts,
  applications,
  applicationVersions,
  callSampleOffers,
  institutions,
  organisations,
  panelResults,
  programs,
  reviewRounds,
  sampleAllocations,
  selectionDecisions,
} from '../../db/schema.js';
import type { DecisionLetterFacts } from '../../documents/letters/decision-letter.js';
import { type CallRow, isUuid } from '../calls/call-access.js';

interface PanelRankingEntry {
  applicationId: string;
  rank?: number | null;
  calibrated?: number | null;
  low?: number | null;
  high?: number | null;
  rawMean?: number | null;
  consensus?: 'select' | 'conditional' | 'reject' | null;
  reasons?: string;
}

interface SubmittedContent {
  team?: { institutionId: string; role: string }[];
  people?: { name: string; role: string }[];
}

export interface LetterSubject {
  decisionId: string;
  applicationId: string;
  owner: { email: string; displayName: string; locale: string; status: string };
  facts: DecisionLetterFacts;
}

/** The panel's frozen ranking of the call's latest round (the collective result, never the reviews). */
async function panelRanking(db: DbOrTx, callId: string): Promise<PanelRankingEntry[] | null> {
  const [row] = await db
    .select({ result: panelResults.result })
    .from(panelResults)
    .innerJoin(reviewRounds, eq(reviewRounds.id, panelResults.roundId))
    .where(eq(reviewRounds.callId, callId))
    .orderBy(desc(panelResults.frozenAt))
    .limit(1);
  return row ? ((row.result as { ranking?: PanelRankingEntry[] }).ranking ?? []) : null;
}

/** Who signs: the deciding official's name (an actor label is `account:<id>`). */
async function signatoryName(db: DbOrTx, decidedBy: string): Promise<string> {
  const id = decidedBy.startsWith('account:') ? decidedBy.slice('account:'.length) : null;
  if (!id) return 'Orbitshare';
  const [row] = await db.select({ name: accounts.displayName }).from(accounts).where(eq(accounts.id, id));
  return row?.name ?? 'Orbitshare';
}

/**
 * Everything the letters of a decided call state, per decision: the applicant (the principal
 * investigator named in the submitted version, else the account's name), the team's institutions,
 * the decision, its conditions and reason, the sample allocations, and for the panel's frozen
 * evaluation of the proposal.
 */
export async function loadLetterSubjects(db: DbOrTx, call: CallRow, onlyDecisionIds?: string[]): Promise<LetterSubject[]> {
  const rows = await db
    .select({ decision: selectionDecisions, application: applications, owner: accounts, content: applicationVersions.content })
    .from(selectionDecisions)
    .innerJoin(applications, eq(applications.id, selectionDecisions.applicationId))
    .innerJoin(accounts, eq(accounts.id, applications.ownerAccountId))
    .innerJoin(
      applicationVersions,
      and(eq(applicationVersions.applicationId, applications.id), eq(applicationVersions.version, applications.submittedVersion)),
    )
    .where(
      and(
        eq(selectionDecisions.callId, call.id),
        onlyDecisionIds ? inArray(selectionDecisions.id, onlyDecisionIds.length ? onlyDecisionIds : ['']) : undefined,
      ),
    )
    .orderBy(selectionDecisions.applicationId);
  if (!rows.length) return [];
  const [program] = await db.select({ name: programs.name }).from(programs).where(eq(programs.id, call.programId));
  const allocations = await db
    .select({
      decisionId: sampleAllocations.decisionId,
      massMg: sampleAllocations.massMg,
      sampleType: callSampleOffers.sampleType,
    })
    .from(sampleAllocations)
    .innerJoin(callSampleOffers, eq(callSampleOffers.id, sampleAllocations.sampleOfferId))
    .where(
      inArray(
        sampleAllocations.decisionId,
        rows.map((r) => r.decision.id),
      ),
    )
    .orderBy(callSampleOffers.sampleType);
  const teamIds = [
    ...new Set(rows.flatMap((r) => ((r.content as SubmittedContent).team ?? []).map((m) => m.institutionId))),
  ].filter(isUuid);
  const homes = teamIds.length
    ? await db
        .select({
          id: institutions.id,
          name: institutions.name,
          nativeName: institutions.nativeName,
          country: institutions.countryCode,
          organisation: organisations.acronym,
        })
        .from(institutions)
        .leftJoin(organisations, eq(organisations.id, institutions.organisationId))
        .where(inArray(institutions.id, teamIds))
    : [];
  const homeOf = new Map(homes.map((h) => [h.id, h]));
  const ranking = await panelRanking(db, call.id);
  const signatories = new Map<string, string>();
  for (const by of new Set(rows.map((r) => r.decision.decidedBy))) signatories.set(by, await signatoryName(db, by));

  return rows.map(({ decision, application, owner, content }) => {
    const doc = content as SubmittedContent;
    const team = [...(doc.team ?? [])].sort((a, b) => (a.role === 'lead' ? -1 : b.role === 'lead' ? 1 : 0));
    const pi = (doc.people ?? []).find((p) => p.role === 'principal_investigator')?.name;
    const entry = ranking?.find((p) => p.applicationId === application.id);
    const facts: DecisionLetterFacts = {
      reference: decision.id.slice(0, 8).toUpperCase(),
      applicantName: pi?.trim() ? pi : owner.displayName,
      institutions: team.flatMap((m) => {
        const h = homeOf.get(m.institutionId);
        return h ? [{ name: h.name, nativeName: h.nativeName, country: h.country ?? h.organisation ?? null }] : [];
      }),
      applicationTitle: application.title,
      callTitle: call.title,
      programName: program?.name ?? '',
      decidedAt: decision.decidedAt,
      decidedBy: signatories.get(decision.decidedBy) ?? 'Orbitshare',
      timeZone: call.timeZone,
      outcome: decision.outcome as DecisionLetterFacts['outcome'],
      conditions: decision.conditions,
      reason: decision.reason,
      allocations: allocations
        .filter((a) => a.decisionId === decision.id)
        .map((a) => ({ sampleType: a.sampleType, massMg: a.massMg })),
      panel:
        ranking && entry
          ? {
              rank: entry.rank ?? null,
              count: ranking.length,
              calibrated: entry.calibrated ?? null,
              low: entry.low ?? null,
              high: entry.high ?? null,
              rawMean: entry.rawMean ?? null,
              consensus: entry.consensus ?? null,
              reasons: entry.reasons ?? '',
            }
          : null,
    };
    return {
      decisionId: decision.id,
      applicationId: application.id,
      owner: { email: owner.email, displayName: owner.displayName, locale: owner.locale, status: owner.status },
      facts,
    };
  });
}
