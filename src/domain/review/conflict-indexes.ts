// The experts' side of conflict detection, indexed once per run: from each shared key (an identity,
// an institution, an e-mail domain, a country, a project, a byline identity, a paper) to the experts
// that hold it. Byline identities (family name with initial, or an ORCID iD) are interned to small
// integers once per distinct string, so the millions of byline lookups are array reads.
import type { ConflictRules, ExpertProfile, PersonProfile, Publication } from './conflict-profiles.js';
import { authorKey, normaliseEmail, normaliseOrcid, organisationDomain, paperKey } from './identity.js';

/** Keys that identify one person: registry or account ids, e-mail addresses, the ORCID iD. */
export function identityKeys(person: PersonProfile): string[] {
  const keys = person.personIds.map((id) => `id:${id}`);
  for (const email of person.emails) keys.push(`email:${normaliseEmail(email)}`);
  const orcid = person.orcid ? normaliseOrcid(person.orcid) : null;
  if (orcid) keys.push(`orcid:${orcid}`);
  // The same name at the same institution is the same person, whatever e-mail they used this time.
  const name = authorKey(person.name);
  if (name) for (const a of person.affiliations) keys.push(`name:${name}@${a.institutionId}`);
  return keys;
}

// Bylines repeat across thousands of papers: each distinct string is folded once per process, and
// its identity ("orcid:…" or "name:…") numbered. Both tables are dropped between runs when large.
const BYLINE_CACHE_LIMIT = 1_000_000;
const bylineIds = new Map<string, number>();
const identityIds = new Map<string, number>();

function intern(identity: string): number {
  let id = identityIds.get(identity);
  if (id === undefined) {
    id = identityIds.size;
    identityIds.set(identity, id);
  }
  return id;
}

/** The byline identity of a name as written, or of an ORCID iD written in its place; -1 when none. */
export function bylineId(nameOrOrcid: string): number {
  const cached = bylineIds.get(nameOrOrcid);
  if (cached !== undefined) return cached;
  const orcid = normaliseOrcid(nameOrOrcid);
  const name = orcid ? null : authorKey(nameOrOrcid);
  const id = orcid ? intern(`orcid:${orcid}`) : name ? intern(`name:${name}`) : -1;
  bylineIds.set(nameOrOrcid, id);
  return id;
}

function orcidId(orcid: string): number {
  const normalised = normaliseOrcid(orcid);
  return normalised ? intern(`orcid:${normalised}`) : -1;
}

export const isRecentPaper = (rules: ConflictRules) => (paper: Publication) =>
  paper.year >= rules.referenceYear - rules.coauthorWindowYears;

export interface ExpertIndexes {
  identity: Map<string, number[]>;
  institution: Map<string, { expert: number; ownName: string }[]>;
  domain: Map<string, number[]>;
  country: Map<string, number[]>;
  project: Map<string, number[]>;
  /** By byline identity: the experts who are that identity. */
  byline: number[][];
  /** By byline identity: hits (an expert's recent paper) whose byline names that identity. */
  coauthoredBy: number[][];
  /** Recent papers of experts by paper key: hits. */
  paper: Map<string, number[]>;
  /** Hit h is expert hitExpert[h]'s paper hitPaper[h]. */
  hitExpert: number[];
  hitPaper: Publication[];
  orcidId: (orcid: string) => number;
}

function addTo<K, T>(map: Map<K, T[]>, key: K, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function addAt(lists: number[][], id: number, value: number): void {
  const list = lists[id];
  if (list) list.push(value);
  else lists[id] = [value];
}

export function indexExperts(experts: readonly ExpertProfile[], rules: ConflictRules): ExpertIndexes {
  if (bylineIds.size >= BYLINE_CACHE_LIMIT) {
    bylineIds.clear();
    identityIds.clear();
  }
  const ix: ExpertIndexes = {
    identity: new Map(),
    institution: new Map(),
    domain: new Map(),
    country: new Map(),
    project: new Map(),
    byline: [],
    coauthoredBy: [],
    paper: new Map(),
    hitExpert: [],
    hitPaper: [],
    orcidId,
  };
  const isRecent = isRecentPaper(rules);
  experts.forEach((expert, e) => {
    for (const key of new Set(identityKeys(expert))) addTo(ix.identity, key, e);
    for (const a of expert.affiliations) {
      addTo(ix.institution, a.institutionId, { expert: e, ownName: a.institutionName });
      for (const parent of a.parents ?? [])
        addTo(ix.institution, parent.institutionId, { expert: e, ownName: a.institutionName });
    }
    const domains = new Set(expert.emails.map(organisationDomain).filter((d): d is string => d !== null));
    for (const domain of domains) addTo(ix.domain, domain, e);
    if (expert.countryCode) addTo(ix.country, expert.countryCode, e);
    for (const project of expert.projects ?? []) addTo(ix.project, project.projectId, e);
    const fromName = bylineId(expert.name);
    if (fromName >= 0) addAt(ix.byline, fromName, e);
    const fromOrcid = expert.orcid ? orcidId(expert.orcid) : -1;
    if (fromOrcid >= 0 && fromOrcid !== fromName) addAt(ix.byline, fromOrcid, e);
    for (const paper of expert.publications ?? []) {
      if (!isRecent(paper)) continue;
      const hit = ix.hitExpert.length;
      ix.hitExpert.push(e);
      ix.hitPaper.push(paper);
      addTo(ix.paper, paperKey(paper), hit);
      for (const coauthor of paper.coauthors) {
        const id = bylineId(coauthor);
        if (id >= 0) addAt(ix.coauthoredBy, id, hit);
      }
    }
  });
  return ix;
}
