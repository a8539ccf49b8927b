import {
  CONFLICT_KINDS,
  type ConflictEvidence,
  type ConflictKind,
  type ConflictRules,
  type DetectedConflict,
  type ExpertProfile,
  type PersonProfile,
  type ProposalProfile,
  type Publication,
} from './conflict-profiles.js';
import { authorKey, normaliseEmail, normaliseOrcid, organisationDomain, paperKey } from './identity.js';

// Conflicts of interest found from the records, each with the fact that shows it. Never pairwise
// over experts × proposals (12,000 × 13,000 would be 156 M comparisons): every rule is an index
// from a shared key (an institution, a byline name, a paper) to the experts holding it, and each
// proposal looks its own keys up.

/** Keys that identify one person: registry or account ids, e-mail addresses, the ORCID iD. */
function identityKeys(person: PersonProfile): string[] {
  const keys = person.personIds.map((id) => `id:${id}`);
  for (const email of person.emails) keys.push(`email:${normaliseEmail(email)}`);
  const orcid = person.orcid ? normaliseOrcid(person.orcid) : null;
  if (orcid) keys.push(`orcid:${orcid}`);
  // The same name at the same institution is the same person, whatever e-mail they used this time.
  const name = authorKey(person.name);
  if (name) for (const a of person.affiliations) keys.push(`name:${name}@${a.institutionId}`);
  return keys;
}

// Bylines repeat across thousands of papers: fold each distinct string once per process.
const BYLINE_CACHE_LIMIT = 1_000_000;
const bylineCache = new Map<string, string[]>();

/** Keys under which a person appears in a byline: the ORCID iD and the family name with initial. */
function bylineKeys(nameOrOrcid: string): string[] {
  const cached = bylineCache.get(nameOrOrcid);
  if (cached) return cached;
  const orcid = normaliseOrcid(nameOrOrcid);
  const name = orcid ? null : authorKey(nameOrOrcid);
  const keys = orcid ? [`orcid:${orcid}`] : name ? [`name:${name}`] : [];
  if (bylineCache.size >= BYLINE_CACHE_LIMIT) bylineCache.clear();
  bylineCache.set(nameOrOrcid, keys);
  return keys;
}

function personBylineKeys(person: PersonProfile): string[] {
  const keys = bylineKeys(person.name);
  const orcid = person.orcid ? normaliseOrcid(person.orcid) : null;
  if (orcid) keys.push(`orcid:${orcid}`);
  return keys;
}

class Index<T> {
  private readonly map = new Map<string, T[]>();
  add(key: string, value: T): void {
    const list = this.map.get(key);
    if (list) list.push(value);
    else this.map.set(key, [value]);
  }
  get(key: string): readonly T[] {
    return this.map.get(key) ?? [];
  }
}

interface PaperHit {
  expert: number;
  paper: Publication;
}

interface ExpertIndexes {
  identity: Index<number>;
  institution: Index<{ expert: number; ownName: string }>;
  domain: Index<number>;
  country: Index<number>;
  project: Index<number>;
  /** Byline keys of the co-authors on an expert's recent papers. */
  coauthoredBy: Index<PaperHit>;
  /** An expert's own byline keys. */
  byline: Index<number>;
  /** Recent papers of experts by paper key. */
  paper: Index<PaperHit>;
}

const recent = (rules: ConflictRules) => (paper: Publication) => paper.year >= rules.referenceYear - rules.coauthorWindowYears;

function indexExperts(experts: readonly ExpertProfile[], rules: ConflictRules): ExpertIndexes {
  const ix: ExpertIndexes = {
    identity: new Index(),
    institution: new Index(),
    domain: new Index(),
    country: new Index(),
    project: new Index(),
    coauthoredBy: new Index(),
    byline: new Index(),
    paper: new Index(),
  };
  const isRecent = recent(rules);
  experts.forEach((expert, e) => {
    for (const key of new Set(identityKeys(expert))) ix.identity.add(key, e);
    for (const a of expert.affiliations) {
      ix.institution.add(a.institutionId, { expert: e, ownName: a.institutionName });
      for (const parent of a.parents ?? []) ix.institution.add(parent.institutionId, { expert: e, ownName: a.institutionName });
    }
    const domains = new Set(expert.emails.map(organisationDomain).filter((d): d is string => d !== null));
    for (const domain of domains) ix.domain.add(domain, e);
    if (expert.countryCode) ix.country.add(expert.countryCode, e);
    for (const project of expert.projects ?? []) ix.project.add(project.projectId, e);
    for (const key of personBylineKeys(expert)) ix.byline.add(key, e);
    for (const paper of (expert.publications ?? []).filter(isRecent)) {
      ix.paper.add(paperKey(paper), { expert: e, paper });
      for (const coauthor of paper.coauthors)
        for (const key of bylineKeys(coauthor)) ix.coauthoredBy.add(key, { expert: e, paper });
    }
  });
  return ix;
}

const cite = (paper: Publication) => `“${paper.title}” (${paper.year})`;

/** Gathers evidence per expert for one proposal, one line per distinct fact. */
class EvidenceBook {
  readonly byExpert = new Map<number, Map<string, ConflictEvidence>>();
  add(expert: number, kind: ConflictKind, text: string): void {
    let book = this.byExpert.get(expert);
    if (!book) {
      book = new Map();
      this.byExpert.set(expert, book);
    }
    const key = `${kind}\u0000${text}`;
    if (!book.has(key)) book.set(key, { kind, text });
  }
}

function proposalEvidence(proposal: ProposalProfile, experts: readonly ExpertProfile[], ix: ExpertIndexes, rules: ConflictRules) {
  const book = new EvidenceBook();
  const isRecent = recent(rules);
  const expertName = (e: number) => (experts[e] as ExpertProfile).name;

  for (const person of proposal.people) {
    for (const key of identityKeys(person)) {
      const how = key.slice(0, key.indexOf(':'));
      for (const e of ix.identity.get(key)) {
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
      for (const e of ix.domain.get(domain))
        book.add(e, 'same_email_domain', `${expertName(e)} and ${person.name} both have e-mail addresses at ${domain}`);
    }
    for (const key of personBylineKeys(person)) {
      for (const hit of ix.coauthoredBy.get(key)) {
        book.add(hit.expert, 'coauthor', `${expertName(hit.expert)} co-authored ${cite(hit.paper)} with ${person.name}`);
      }
    }
    for (const paper of (person.publications ?? []).filter(isRecent)) {
      for (const hit of ix.paper.get(paperKey(paper))) {
        book.add(hit.expert, 'coauthor', `${expertName(hit.expert)} and ${person.name} both list ${cite(paper)}`);
      }
      for (const coauthor of paper.coauthors) {
        for (const key of bylineKeys(coauthor)) {
          for (const e of ix.byline.get(key))
            book.add(e, 'coauthor', `${person.name} co-authored ${cite(paper)} with ${expertName(e)}`);
        }
      }
    }
    for (const project of person.projects ?? []) {
      for (const e of ix.project.get(project.projectId))
        book.add(e, 'shared_project', `${expertName(e)} and ${person.name} are both on the project ${project.name}`);
    }
  }

  for (const inst of proposal.institutions) {
    const lineage = [{ institutionId: inst.institutionId, institutionName: inst.institutionName }, ...(inst.parents ?? [])];
    lineage.forEach((node, depth) => {
      for (const hit of ix.institution.get(node.institutionId)) {
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
      for (const e of ix.country.get(inst.countryCode))
        book.add(e, 'same_country', `${expertName(e)} is from ${inst.countryCode}, as is ${whose}`);
    }
  }

  for (const project of proposal.projects ?? []) {
    for (const e of ix.project.get(project.projectId))
      book.add(e, 'shared_project', `${expertName(e)} is on the project ${project.name}, as is the team`);
  }
  return book;
}

const KIND_ORDER = new Map(CONFLICT_KINDS.map((kind, i) => [kind, i]));
const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

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
  const out: DetectedConflict[] = [];
  for (const proposal of proposals) {
    const book = proposalEvidence(proposal, experts, ix, rules);
    for (const [e, evidence] of book.byExpert) {
      const list = [...evidence.values()].sort(
        (a, b) => (KIND_ORDER.get(a.kind) ?? 0) - (KIND_ORDER.get(b.kind) ?? 0) || byId(a.text, b.text),
      );
      out.push({ expertId: (experts[e] as ExpertProfile).expertId, proposalId: proposal.proposalId, evidence: list });
    }
  }
  return out.sort((a, b) => byId(a.proposalId, b.proposalId) || byId(a.expertId, b.expertId));
}
