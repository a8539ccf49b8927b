import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import type { ApplicationDocument } from '../../contracts/application-document.js';
import { type DbOrTx, queryRows } from '../../db/connection.js';
import { accounts, expertPublications, experts, institutions, projectParticipants, projects } from '../../db/schema.js';
import type { ExpertText, ProposalText } from '../../domain/review/affinity.js';
import type {
  Affiliation,
  ExpertProfile,
  ProjectRef,
  ProposalProfile,
  TeamInstitution,
} from '../../domain/review/conflict-profiles.js';
import type { RoundRow } from './review-access.js';

// Everything conflict detection, affinity and the assignment solver need about one round, read in
// a handful of queries (never one per expert or proposal).

export interface RoundProposal {
  applicationId: string;
  title: string;
  ownerAccountId: string;
  leadCountry: string | null;
  document: ApplicationDocument;
}

export interface RoundSnapshot {
  experts: (typeof experts.$inferSelect)[];
  proposals: RoundProposal[];
  conflictExperts: ExpertProfile[];
  conflictProposals: ProposalProfile[];
  expertTexts: ExpertText[];
  proposalTexts: ProposalText[];
}

/** Statuses of an application that the round reviews (submitted and not withdrawn). */
const REVIEWABLE = ['submitted', 'shortlisted', 'not_shortlisted'];

export async function loadRoundProposals(db: DbOrTx, round: RoundRow): Promise<RoundProposal[]> {
  const rows = await queryRows<{
    id: string;
    title: string;
    owner: string;
    lead_country: string | null;
    content: ApplicationDocument;
  }>(
    db,
    sql`select a.id, a.title, a.owner_account_id as owner, a.lead_country, v.content
        from applications a join application_versions v on v.application_id = a.id and v.version = a.submitted_version
        where a.call_id = ${round.callId} and a.stage = ${round.stage} and a.status in ${sql.raw(`('${REVIEWABLE.join("','")}')`)}
        order by a.id`,
  );
  return rows.map((r) => ({
    applicationId: r.id,
    title: r.title,
    ownerAccountId: r.owner,
    leadCountry: r.lead_country,
    document: r.content,
  }));
}

async function institutionLineage(db: DbOrTx, ids: string[]) {
  const byId = new Map<
    string,
    { id: string; name: string; countryCode: string | null; parentId: string | null; organisationId: string | null }
  >();
  let frontier = [...new Set(ids)];
  // Parents are few levels deep; walk up until every ancestor is known.
  for (let depth = 0; frontier.length > 0 && depth < 6; depth++) {
    const rows = await db
      .select({
        id: institutions.id,
        name: institutions.name,
        countryCode: institutions.countryCode,
        parentId: institutions.parentInstitutionId,
        organisationId: institutions.organisationId,
      })
      .from(institutions)
      .where(inArray(institutions.id, frontier));
    for (const r of rows) byId.set(r.id, r);
    frontier = rows.map((r) => r.parentId).filter((p): p is string => p !== null && !byId.has(p));
  }
  const affiliation = (id: string): Affiliation | null => {
    const own = byId.get(id);
    if (!own) return null;
    const parents: { institutionId: string; institutionName: string }[] = [];
    for (let p = own.parentId; p && parents.length < 6; p = byId.get(p)?.parentId ?? null) {
      const parent = byId.get(p);
      if (parent) parents.push({ institutionId: parent.id, institutionName: parent.name });
    }
    if (own.organisationId)
      parents.push({
        institutionId: `organisation:${own.organisationId}`,
        institutionName: 'the same international organisation',
      });
    return { institutionId: own.id, institutionName: own.name, parents };
  };
  return { byId, affiliation };
}

async function projectsOf(db: DbOrTx, institutionIds: string[]): Promise<Map<string, ProjectRef[]>> {
  const out = new Map<string, ProjectRef[]>();
  if (institutionIds.length === 0) return out;
  const rows = await db
    .select({ institutionId: projectParticipants.institutionId, projectId: projects.id, name: projects.title })
    .from(projectParticipants)
    .innerJoin(projects, eq(projects.id, projectParticipants.projectId))
    .where(inArray(projectParticipants.institutionId, institutionIds));
  for (const r of rows) out.set(r.institutionId, [...(out.get(r.institutionId) ?? []), { projectId: r.projectId, name: r.name }]);
  return out;
}

export async function loadRoundSnapshot(db: DbOrTx, round: RoundRow): Promise<RoundSnapshot> {
  const pool = await db
    .select()
    .from(experts)
    .where(and(eq(experts.callId, round.callId), ne(experts.status, 'declined')))
    .orderBy(experts.id);
  const publications = pool.length
    ? await db
        .select()
        .from(expertPublications)
        .where(
          inArray(
            expertPublications.expertId,
            pool.map((e) => e.id),
          ),
        )
    : [];
  const proposals = await loadRoundProposals(db, round);
  const owners = [...new Set(proposals.map((p) => p.ownerAccountId))];
  const ownerRows = owners.length
    ? await db
        .select({ id: accounts.id, email: accounts.email, name: accounts.displayName })
        .from(accounts)
        .where(inArray(accounts.id, owners))
    : [];
  const ownerById = new Map(ownerRows.map((o) => [o.id, o]));
  const expertAccountRows = await db
    .select({ id: accounts.id, email: accounts.email })
    .from(accounts)
    .where(
      inArray(
        accounts.id,
        pool
          .map((e) => e.accountId)
          .filter((a): a is string => a !== null)
          .concat(['00000000-0000-0000-0000-000000000000']),
      ),
    );
  const expertAccountEmail = new Map(expertAccountRows.map((a) => [a.id, a.email]));

  const institutionIds = [
    ...pool.map((e) => e.institutionId),
    ...proposals.flatMap((p) => [
      ...p.document.team.map((m) => m.institutionId),
      ...p.document.people.map((x) => x.institutionId),
    ]),
  ].filter((id): id is string => typeof id === 'string' && /^[0-9a-f-]{36}$/i.test(id));
  const lineage = await institutionLineage(db, institutionIds);
  const projectsByInstitution = await projectsOf(db, [...new Set(institutionIds)]);

  const pubsByExpert = new Map<string, typeof publications>();
  for (const p of publications) pubsByExpert.set(p.expertId, [...(pubsByExpert.get(p.expertId) ?? []), p]);

  const conflictExperts: ExpertProfile[] = pool.map((e) => {
    const affiliation = e.institutionId ? lineage.affiliation(e.institutionId) : null;
    const accountEmail = e.accountId ? expertAccountEmail.get(e.accountId) : undefined;
    return {
      expertId: e.id,
      personIds: [e.accountId, e.personId].filter((x): x is string => x !== null),
      name: e.name,
      emails: [e.email, ...(accountEmail ? [accountEmail] : [])],
      orcid: e.orcid,
      affiliations: affiliation ? [affiliation] : [],
      countryCode: e.countryCode,
      publications: (pubsByExpert.get(e.id) ?? []).map((p) => ({
        title: p.title,
        year: p.year,
        doi: p.doi,
        coauthors: p.coauthors,
      })),
      projects: e.institutionId ? (projectsByInstitution.get(e.institutionId) ?? []) : [],
    };
  });

  const conflictProposals: ProposalProfile[] = proposals.map((p) => {
    const owner = ownerById.get(p.ownerAccountId);
    const institutionsOfTeam: TeamInstitution[] = p.document.team.flatMap((m) => {
      const a = lineage.affiliation(m.institutionId);
      return a ? [{ ...a, countryCode: lineage.byId.get(m.institutionId)?.countryCode ?? null, role: m.role }] : [];
    });
    const leadAffiliations = institutionsOfTeam.filter((i) => i.role === 'lead');
    return {
      proposalId: p.applicationId,
      title: p.title,
      institutions: institutionsOfTeam,
      projects: p.document.team.flatMap((m) => projectsByInstitution.get(m.institutionId) ?? []),
      people: [
        {
          role: 'applicant' as const,
          personIds: [p.ownerAccountId],
          name: owner?.name ?? '',
          emails: owner ? [owner.email] : [],
          affiliations: leadAffiliations,
        },
        ...p.document.people.map((x) => {
          const a = x.institutionId ? lineage.affiliation(x.institutionId) : null;
          return {
            role: 'member' as const,
            personIds: [],
            name: x.name,
            emails: x.email ? [x.email] : [],
            orcid: x.orcid ?? null,
            affiliations: a ? [a] : [],
          };
        }),
      ],
    };
  });

  const expertTexts: ExpertText[] = pool.map((e) => ({
    expertId: e.id,
    keywords: e.keywords,
    statement: e.statement,
    publicationTitles: (pubsByExpert.get(e.id) ?? []).map((p) => p.title),
  }));
  const proposalTexts: ProposalText[] = proposals.map((p) => {
    const s = p.document.scheme;
    return {
      proposalId: p.applicationId,
      keywords: [],
      text: [p.document.title, p.document.abstract, s.objectives, s.methods, s.expectedResults, s.heritage].join('\n'),
    };
  });
  return { experts: pool, proposals, conflictExperts, conflictProposals, expertTexts, proposalTexts };
}
