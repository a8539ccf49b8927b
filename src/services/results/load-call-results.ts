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
  selectionMergeGroups,
  selectionMergeMembers,
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
      applicationId: selectionDecisions.applicationId,
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

  const perProposal: ResultProject[] = rows.map((r, i) => {
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
  const projects = await foldMergedProjects(
    db,
    call.id,
    rows.map((r) => r.applicationId),
    perProposal,
  );
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

/**
 * Proposals merged into one project (selection merge groups, decided whole) are announced as that
 * project: the group's name, the institutions of all its proposals (the lead of the proposal the
 * project is named after first, each institution once) and their allocations together.
 */
async function foldMergedProjects(
  db: DbOrTx,
  callId: string,
  applicationIds: string[],
  perProposal: ResultProject[],
): Promise<ResultProject[]> {
  const members = await db
    .select({
      groupId: selectionMergeGroups.id,
      name: selectionMergeGroups.name,
      applicationId: selectionMergeMembers.applicationId,
    })
    .from(selectionMergeMembers)
    .innerJoin(selectionMergeGroups, eq(selectionMergeGroups.id, selectionMergeMembers.groupId))
    .where(eq(selectionMergeMembers.callId, callId));
  if (members.length === 0) return perProposal;
  const groupOf = new Map(members.map((m) => [m.applicationId, m]));
  // Each merged project takes the place of its first proposal in the (title) order.
  const slots: (ResultProject | { groupId: string; name: string; parts: ResultProject[] })[] = [];
  const byGroup = new Map<string, { groupId: string; name: string; parts: ResultProject[] }>();
  for (const [i, project] of perProposal.entries()) {
    const group = groupOf.get(applicationIds[i]!);
    const slot = group && byGroup.get(group.groupId);
    if (!group) slots.push(project);
    else if (slot) slot.parts.push(project);
    else {
      const created = { groupId: group.groupId, name: group.name, parts: [project] };
      byGroup.set(group.groupId, created);
      slots.push(created);
    }
  }
  return slots.map((slot): ResultProject => {
    if (!('parts' in slot)) return slot;
    const named = [...slot.parts].sort((a, b) => Number(b.title === slot.name) - Number(a.title === slot.name));
    const seen = new Set<string>();
    const institutions = named
      .flatMap((p, i) => p.institutions.map((inst) => (i === 0 ? inst : { ...inst, role: 'partner' as const })))
      .filter((inst) => {
        if (seen.has(inst.slug)) return false;
        seen.add(inst.slug);
        return true;
      });
    return {
      title: slot.name,
      // A project is decided whole; were its parts to differ, the weaker outcome is the one announced.
      outcome: named.some((p) => p.outcome === 'conditional') ? 'conditional' : 'selected',
      institutions,
      allocations: named.flatMap((p) => p.allocations),
    };
  });
}
