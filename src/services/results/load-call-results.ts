import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/connection.js';
import {
  applications,
  applicationVersions,
  callModuleOffers,
  callSampleOffers,
  countries,
  institutions,
  organisations,
  sampleAllocations,
  selectionDecisions,
} from '../../db/schema.js';
import {
  countResults,
  type HeadlineCounts,
  type HeadlineUnit,
  type Home,
  headlineText,
} from '../../domain/selection/results-headline.js';
import { type CallRow, isUuid } from '../calls/call-access.js';

export interface ResultInstitution {
  slug: string;
  name: string;
  nativeName: string | null;
  role: 'lead' | 'partner';
  /** ISO code of the country or region; null for an international organisation. */
  countryCode: string | null;
  countryName: string | null;
  /** "country" or "region" (Hong Kong, Macao, Taiwan), or "organisation". */
  homeKind: 'country' | 'region' | 'organisation';
  organisation: string | null;
}

export interface ResultProject {
  title: string;
  outcome: 'selected' | 'conditional';
  institutions: ResultInstitution[];
  allocations: { sampleType: string; massMg: number }[];
}

export interface CallResults {
  unit: HeadlineUnit;
  counts: HeadlineCounts;
  headline: { en: string; zh: string };
  projects: ResultProject[];
  decidedAt: string | null;
}

/** Sample loans are announced by institution; payload and experiment calls by project. */
async function headlineUnit(db: DbOrTx, callId: string): Promise<HeadlineUnit> {
  const [samples] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(callSampleOffers)
    .where(eq(callSampleOffers.callId, callId));
  const [modules] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(callModuleOffers)
    .where(eq(callModuleOffers.callId, callId));
  return (samples?.n ?? 0) > 0 && (modules?.n ?? 0) === 0 ? 'institutions' : 'projects';
}

/**
 * The public outcome of a decided call: the selected and conditionally selected projects with
 * their institutions (lead first) and homes, the sample mass lent per type, and the headline
 * computed from them in English and Chinese. Never a rejection, a reason or a condition.
 */
export async function loadCallResults(db: DbOrTx, call: CallRow): Promise<CallResults> {
  const rows = await db
    .select({
      decisionId: selectionDecisions.id,
      outcome: selectionDecisions.outcome,
      decidedAt: selectionDecisions.decidedAt,
      title: applications.title,
      content: applicationVersions.content,
    })
    .from(selectionDecisions)
    .innerJoin(applications, eq(applications.id, selectionDecisions.applicationId))
    .innerJoin(
      applicationVersions,
      and(eq(applicationVersions.applicationId, applications.id), eq(applicationVersions.version, applications.submittedVersion)),
    )
    .where(and(eq(selectionDecisions.callId, call.id), inArray(selectionDecisions.outcome, ['selected', 'conditional'])))
    .orderBy(applications.title, applications.id);
  const teams = rows.map((r) => (r.content as { team?: { institutionId: string; role: string }[] }).team ?? []);
  const ids = [...new Set(teams.flat().map((m) => m.institutionId))].filter(isUuid);
  const homes = ids.length
    ? await db
        .select({
          id: institutions.id,
          slug: institutions.slug,
          name: institutions.name,
          nativeName: institutions.nativeName,
          countryCode: institutions.countryCode,
          countryName: countries.name,
          countryKind: countries.kind,
          organisationId: institutions.organisationId,
          organisation: organisations.acronym,
        })
        .from(institutions)
        .leftJoin(countries, eq(countries.code, institutions.countryCode))
        .leftJoin(organisations, eq(organisations.id, institutions.organisationId))
        .where(inArray(institutions.id, ids))
    : [];
  const byId = new Map(homes.map((h) => [h.id, h]));
  const allocations = rows.length
    ? await db
        .select({
          decisionId: sampleAllocations.decisionId,
          sampleType: callSampleOffers.sampleType,
          massMg: sampleAllocations.massMg,
        })
        .from(sampleAllocations)
        .innerJoin(callSampleOffers, eq(callSampleOffers.id, sampleAllocations.sampleOfferId))
        .where(
          inArray(
            sampleAllocations.decisionId,
            rows.map((r) => r.decisionId),
          ),
        )
        .orderBy(callSampleOffers.sampleType)
    : [];

  const projects: ResultProject[] = rows.map((r, i) => {
    const team = [...teams[i]!].sort((a, b) => (a.role === 'lead' ? -1 : b.role === 'lead' ? 1 : 0));
    return {
      title: r.title,
      outcome: r.outcome as ResultProject['outcome'],
      institutions: team.flatMap((m): ResultInstitution[] => {
        const h = byId.get(m.institutionId);
        if (!h) return [];
        return [
          {
            slug: h.slug,
            name: h.name,
            nativeName: h.nativeName,
            role: m.role === 'lead' ? 'lead' : 'partner',
            countryCode: h.countryCode,
            countryName: h.countryName,
            homeKind: h.organisationId ? 'organisation' : h.countryKind === 'region' ? 'region' : 'country',
            organisation: h.organisation,
          },
        ];
      }),
      allocations: allocations
        .filter((a) => a.decisionId === r.decisionId)
        .map((a) => ({ sampleType: a.sampleType, massMg: a.massMg })),
    };
  });
  const homeOf = (i: ResultInstitution): Home =>
    i.homeKind === 'organisation'
      ? { kind: 'organisation', id: i.organisation ?? i.slug }
      : { kind: i.homeKind, code: i.countryCode ?? '' };
  const unit = await headlineUnit(db, call.id);
  const counts = countResults(
    unit,
    projects.map((p) => ({ outcome: p.outcome, institutions: p.institutions.map((i) => ({ id: i.slug, home: homeOf(i) })) })),
  );
  const [decided] = await db
    .select({ at: sql<Date | null>`max(${selectionDecisions.decidedAt})` })
    .from(selectionDecisions)
    .where(eq(selectionDecisions.callId, call.id));
  const decidedAt = decided?.at ? new Date(decided.at).toISOString() : null;
  return { unit, counts, headline: { en: headlineText(counts, 'en'), zh: headlineText(counts, 'zh') }, projects, decidedAt };
}
