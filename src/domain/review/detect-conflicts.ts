import { EvidenceBook } from './conflict-evidence.js';
import { bylineId, type ExpertIndexes, identityKeys, indexExperts, isRecentPaper } from './conflict-indexes.js';
import type {
  ConflictEvidence,
  ConflictRules,
  DetectedConflict,
  ExpertProfile,
  PersonProfile,
  ProposalProfile,
  Publication,
} from './conflict-profiles.js';
import { organisationDomain, paperKey } from './identity.js';

// Conflicts of interest found from the records, each with the fact that shows it. Never pairwise
// over experts × proposals (12,000 × 13,000 would be 156 M comparisons): every rule is an index
// from a shared key (an institution, a byline identity, a paper) to the experts holding it, and each
// proposal looks its own keys up. Byline identities are interned to integers once per distinct
// string, so the millions of byline lookups are array reads, not string hashing.

const cite = (paper: Publication) => `“${paper.title}” (${paper.year})`;

/** The byline identities of a person: their name as a byline, and their ORCID iD. */
function personBylineIds(person: PersonProfile, orcidId: (orcid: string) => number): number[] {
  const ids: number[] = [];
  const fromName = bylineId(person.name);
  if (fromName >= 0) ids.push(fromName);
  if (person.orcid) {
    const fromOrcid = orcidId(person.orcid);
    if (fromOrcid >= 0 && fromOrcid !== fromName) ids.push(fromOrcid);
  }
  return ids;
}

function personEvidence(
  person: ProposalProfile['people'][number],
  book: EvidenceBook,
  ix: ExpertIndexes,
  expertName: (e: number) => string,
  isRecent: (paper: Publication) => boolean,
) {
  for (const key of identityKeys(person)) {
    const how = key.slice(0, key.indexOf(':'));
    for (const e of ix.identity.get(key) ?? []) {
      const as = person.role === 'applicant' ? 'submitted it' : 'is named on its team';
      const via =
        how === 'id'
          ? ''
          : how === 'name'
            ? ' (same name and institution)'
            : ` (same ${how === 'orcid' ? 'ORCID iD' : 'e-mail address'})`;
      book.add(e, 'own_proposal', `${expertName(e)} ${as}${via}`);
    }
  }
  const domains = new Set(person.emails.map(organisationDomain).filter((d): d is string => d !== null));
  for (const domain of domains) {
    for (const e of ix.domain.get(domain) ?? [])
      book.add(e, 'same_email_domain', `${expertName(e)} and ${person.name} both have e-mail addresses at ${domain}`);
  }
  for (const id of personBylineIds(person, ix.orcidId)) {
    for (const hit of ix.coauthoredBy[id] ?? []) {
      const e = ix.hitExpert[hit]!;
      book.add(e, 'coauthor', `${expertName(e)} co-authored ${cite(ix.hitPaper[hit]!)} with ${person.name}`);
    }
  }
  for (const paper of person.publications ?? []) {
    if (!isRecent(paper)) continue;
    const sameKey = ix.paper.get(paperKey(paper));
    if (sameKey)
      for (const hit of sameKey)
        book.add(ix.hitExpert[hit]!, 'coauthor', `${expertName(ix.hitExpert[hit]!)} and ${person.name} both list ${cite(paper)}`);
    for (const coauthor of paper.coauthors) {
      const id = bylineId(coauthor);
      if (id < 0) continue;
      const experts = ix.byline[id];
      if (experts)
        for (const e of experts) book.add(e, 'coauthor', `${person.name} co-authored ${cite(paper)} with ${expertName(e)}`);
    }
  }
  for (const project of person.projects ?? []) {
    for (const e of ix.project.get(project.projectId) ?? [])
      book.add(e, 'shared_project', `${expertName(e)} and ${person.name} are both on the project ${project.name}`);
  }
}

function proposalEvidence(
  proposal: ProposalProfile,
  book: EvidenceBook,
  ix: ExpertIndexes,
  experts: readonly ExpertProfile[],
  rules: ConflictRules,
) {
  const expertName = (e: number) => experts[e]!.name;
  const isRecent = isRecentPaper(rules);
  for (const person of proposal.people) personEvidence(person, book, ix, expertName, isRecent);

  for (const inst of proposal.institutions) {
    const lineage = [{ institutionId: inst.institutionId, institutionName: inst.institutionName }, ...(inst.parents ?? [])];
    lineage.forEach((node, depth) => {
      for (const hit of ix.institution.get(node.institutionId) ?? []) {
        const text =
          depth === 0 && hit.ownName === node.institutionName
            ? `${expertName(hit.expert)} is at ${node.institutionName}, a team institution`
            : `${expertName(hit.expert)} (${hit.ownName}) and the team's ${inst.institutionName} both belong to ${node.institutionName}`;
        book.add(hit.expert, 'same_institution', text);
      }
    });
  }

  if (rules.sameCountry !== 'off') {
    const teams = rules.sameCountry === 'lead' ? proposal.institutions.filter((i) => i.role === 'lead') : proposal.institutions;
    for (const inst of teams) {
      if (!inst.countryCode) continue;
      const whose = inst.role === 'lead' ? 'the lead institution' : inst.institutionName;
      for (const e of ix.country.get(inst.countryCode) ?? [])
        book.add(e, 'same_country', `${expertName(e)} is from ${inst.countryCode}, as is ${whose}`);
    }
  }

  for (const project of proposal.projects ?? []) {
    for (const e of ix.project.get(project.projectId) ?? [])
      book.add(e, 'shared_project', `${expertName(e)} is on the project ${project.name}, as is the team`);
  }
}

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Positions 0..n-1 ordered by their ids (stable, so equal ids keep their input order). */
function orderById(ids: readonly string[]): number[] {
  return ids.map((_, i) => i).sort((a, b) => byId(ids[a]!, ids[b]!) || a - b);
}

/**
 * Every conflict between the experts and the proposals, with its evidence; sorted by proposal, then
 * expert, so the same records always give the same list. Declared conflicts are records, not
 * detections: the service adds them beside these.
 */
export function detectConflicts(
  experts: readonly ExpertProfile[],
  proposals: readonly ProposalProfile[],
  rules: ConflictRules,
): DetectedConflict[] {
  const ix = indexExperts(experts, rules);
  // Output order without a global sort: proposals in id order, each one's experts by id rank.
  const expertRank = new Int32Array(experts.length);
  orderById(experts.map((e) => e.expertId)).forEach((e, rank) => {
    expertRank[e] = rank;
  });
  const book = new EvidenceBook(experts.length);
  const out: DetectedConflict[] = [];
  for (const p of orderById(proposals.map((proposal) => proposal.proposalId))) {
    const proposal = proposals[p]!;
    book.open();
    proposalEvidence(proposal, book, ix, experts, rules);
    for (const e of book.touchedByRank(expertRank)) {
      const evidence: ConflictEvidence[] = book.sortedEvidence(e);
      out.push({ expertId: experts[e]!.expertId, proposalId: proposal.proposalId, evidence });
    }
  }
  return out;
}
