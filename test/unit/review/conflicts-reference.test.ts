import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
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
} from '../../../src/domain/review/conflict-profiles.js';
import { detectConflicts } from '../../../src/domain/review/detect-conflicts.js';
import { normaliseEmail, normaliseOrcid, organisationDomain } from '../../../src/domain/review/identity.js';

// The optimised detector (indexes, interned bylines) against the rules
// written the plain way: every expert against every proposal, every fact checked directly. Random
// small instances drawn from small pools of names, institutions, domains and papers, so that every
// kind of conflict occurs often; seeded, so a failure replays.

// ---- the reference: pairwise, straight from the rules ----

/** The text fold of names and titles, written out again. */
function foldReference(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s,]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function authorKeyReference(name: string): string | null {
  const folded = foldReference(name);
  if (!folded) return null;
  if (folded.includes(',')) {
    const [family = '', given = ''] = folded.split(',', 2).map((s) => s.trim());
    if (!family) return null;
    return given ? `${family} ${given[0]}` : family;
  }
  const parts = folded.split(' ').filter(Boolean);
  if (parts.length === 1) return parts[0]!.length >= 2 ? parts[0]! : null;
  return `${parts[parts.length - 1]} ${parts[0]![0]}`;
}

function paperKeyReference(paper: Publication): string {
  if (paper.doi)
    return `doi:${paper.doi
      .trim()
      .toLowerCase()
      .replace(/^https?:\/\/(dx\.)?doi\.org\//, '')}`;
  return `title:${foldReference(paper.title).replace(/,/g, '')}:${paper.year}`;
}

/** Who a byline names: an ORCID iD written in its place, or the name's key. */
function bylineIdentity(text: string): string | null {
  const orcid = normaliseOrcid(text);
  if (orcid) return `orcid:${orcid}`;
  const name = authorKeyReference(text);
  return name ? `name:${name}` : null;
}

function ownIdentities(person: PersonProfile): Set<string> {
  const ids = new Set<string>();
  const fromName = bylineIdentity(person.name);
  if (fromName) ids.add(fromName);
  const orcid = person.orcid ? normaliseOrcid(person.orcid) : null;
  if (orcid) ids.add(`orcid:${orcid}`);
  return ids;
}

function identityKeysReference(person: PersonProfile): string[] {
  const keys = person.personIds.map((id) => `id:${id}`);
  for (const email of person.emails) keys.push(`email:${normaliseEmail(email)}`);
  const orcid = person.orcid ? normaliseOrcid(person.orcid) : null;
  if (orcid) keys.push(`orcid:${orcid}`);
  const name = authorKeyReference(person.name);
  if (name) for (const a of person.affiliations) keys.push(`name:${name}@${a.institutionId}`);
  return keys;
}

const domainsOf = (p: PersonProfile) => new Set(p.emails.map(organisationDomain).filter((d): d is string => d !== null));
const cite = (paper: Publication) => `“${paper.title}” (${paper.year})`;

function pairEvidence(x: ExpertProfile, proposal: ProposalProfile, rules: ConflictRules): ConflictEvidence[] {
  const found: ConflictEvidence[] = [];
  const add = (kind: ConflictKind, text: string) => {
    if (!found.some((f) => f.kind === kind && f.text === text)) found.push({ kind, text });
  };
  const recent = (paper: Publication) => paper.year >= rules.referenceYear - rules.coauthorWindowYears;
  const expertKeys = new Set(identityKeysReference(x));
  const expertIds = ownIdentities(x);
  for (const person of proposal.people) {
    for (const key of identityKeysReference(person)) {
      if (!expertKeys.has(key)) continue;
      const how = key.slice(0, key.indexOf(':'));
      const as = person.role === 'applicant' ? 'submitted it' : 'is named on its team';
      const via =
        how === 'id'
          ? ''
          : how === 'name'
            ? ' (same name and institution)'
            : ` (same ${how === 'orcid' ? 'ORCID iD' : 'e-mail address'})`;
      add('own_proposal', `${x.name} ${as}${via}`);
    }
    const theirDomains = domainsOf(x);
    for (const domain of domainsOf(person))
      if (theirDomains.has(domain))
        add('same_email_domain', `${x.name} and ${person.name} both have e-mail addresses at ${domain}`);
    const personIds = ownIdentities(person);
    for (const paper of x.publications ?? [])
      if (recent(paper) && paper.coauthors.some((c) => personIds.has(bylineIdentity(c) ?? '')))
        add('coauthor', `${x.name} co-authored ${cite(paper)} with ${person.name}`);
    for (const paper of person.publications ?? []) {
      if (!recent(paper)) continue;
      if ((x.publications ?? []).some((theirs) => recent(theirs) && paperKeyReference(theirs) === paperKeyReference(paper)))
        add('coauthor', `${x.name} and ${person.name} both list ${cite(paper)}`);
      if (paper.coauthors.some((c) => expertIds.has(bylineIdentity(c) ?? '')))
        add('coauthor', `${person.name} co-authored ${cite(paper)} with ${x.name}`);
    }
    for (const project of person.projects ?? [])
      if ((x.projects ?? []).some((p) => p.projectId === project.projectId))
        add('shared_project', `${x.name} and ${person.name} are both on the project ${project.name}`);
  }
  for (const inst of proposal.institutions) {
    const lineage = [{ institutionId: inst.institutionId, institutionName: inst.institutionName }, ...(inst.parents ?? [])];
    lineage.forEach((node, depth) => {
      for (const a of x.affiliations) {
        const belongs =
          a.institutionId === node.institutionId || (a.parents ?? []).some((p) => p.institutionId === node.institutionId);
        if (!belongs) continue;
        add(
          'same_institution',
          depth === 0 && a.institutionName === node.institutionName
            ? `${x.name} is at ${node.institutionName}, a team institution`
            : `${x.name} (${a.institutionName}) and the team's ${inst.institutionName} both belong to ${node.institutionName}`,
        );
      }
    });
  }
  if (rules.sameCountry !== 'off')
    for (const inst of proposal.institutions) {
      if (rules.sameCountry === 'lead' && inst.role !== 'lead') continue;
      if (!inst.countryCode || inst.countryCode !== x.countryCode) continue;
      add(
        'same_country',
        `${x.name} is from ${inst.countryCode}, as is ${inst.role === 'lead' ? 'the lead institution' : inst.institutionName}`,
      );
    }
  for (const project of proposal.projects ?? [])
    if ((x.projects ?? []).some((p) => p.projectId === project.projectId))
      add('shared_project', `${x.name} is on the project ${project.name}, as is the team`);
  const order = (k: ConflictKind) => CONFLICT_KINDS.indexOf(k);
  return found.sort((a, b) => order(a.kind) - order(b.kind) || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
}

function detectReference(
  experts: readonly ExpertProfile[],
  proposals: readonly ProposalProfile[],
  rules: ConflictRules,
): DetectedConflict[] {
  const byId =
    <T>(id: (t: T) => string) =>
    (a: T, b: T) =>
      id(a) < id(b) ? -1 : id(a) > id(b) ? 1 : 0;
  const out: DetectedConflict[] = [];
  for (const proposal of [...proposals].sort(byId((p) => p.proposalId)))
    for (const x of [...experts].sort(byId((e) => e.expertId))) {
      const evidence = pairEvidence(x, proposal, rules);
      if (evidence.length > 0) out.push({ expertId: x.expertId, proposalId: proposal.proposalId, evidence });
    }
  return out;
}

// ---- random instances from small pools ----

const ORCID = '0000-0002-1825-0097';
const NAMES = [
  'Zhang, Wei',
  'W. Zhang',
  'Wei Zhang',
  'Zhang Wen',
  'Münker, C.',
  'Carsten Munker',
  'Li Na',
  'N. Li',
  '张伟',
  'Ó Briain, S.',
  'A',
  'Mahesh  Anand',
  'anand, m',
  ORCID,
  `https://orcid.org/${ORCID}`,
];
const institution = fc.constantFrom(
  { institutionId: 'uni-koeln', institutionName: 'University of Cologne' },
  {
    institutionId: 'iki',
    institutionName: 'Space Research Institute (IKI)',
    parents: [{ institutionId: 'ras', institutionName: 'Russian Academy of Sciences' }],
  },
  {
    institutionId: 'geokhi',
    institutionName: 'Vernadsky Institute',
    parents: [{ institutionId: 'ras', institutionName: 'Russian Academy of Sciences' }],
  },
  { institutionId: 'ras', institutionName: 'Russian Academy of Sciences' },
  {
    institutionId: 'nao',
    institutionName: 'National Astronomical Observatories',
    parents: [{ institutionId: 'cas', institutionName: 'Chinese Academy of Sciences' }],
  },
);
const email = fc.constantFrom(
  'a@uni-koeln.de',
  'b@geo.uni-koeln.de',
  'x@gmail.com',
  'y@qq.com',
  'm@open.ac.uk',
  'n@earth.ox.ac.uk',
  'z@orbitshare.demo',
  'q@NAO.cas.cn',
);
const project = fc.constantFrom({ projectId: 'ce8', name: 'Chang’e-8 rover' }, { projectId: 'exo', name: 'ExoMars' });
const paper = fc.record({
  title: fc.constantFrom(
    'Ages of Chang’e-5 basalts',
    'ages of chang e 5 basalts',
    'Solar-wind water, in soil',
    'Régolithe lunaire',
    'Zircon ages',
  ),
  year: fc.integer({ min: 2014, max: 2025 }),
  doi: fc.constantFrom(null, undefined, '10.1000/xyz', 'https://doi.org/10.1000/XYZ', '10.1000/abc'),
  coauthors: fc.array(fc.constantFrom(...NAMES), { maxLength: 3 }),
});
const person = {
  personIds: fc.array(fc.constantFrom('acct-1', 'acct-2', 'person-9'), { maxLength: 2 }),
  name: fc.constantFrom(...NAMES),
  emails: fc.array(email, { maxLength: 2 }),
  orcid: fc.constantFrom(null, ORCID, `https://orcid.org/${ORCID.toLowerCase()}`, '0000-0001-5109-3700'),
  affiliations: fc.array(institution, { maxLength: 2 }),
  countryCode: fc.constantFrom(null, 'CN', 'DE', 'RU'),
  publications: fc.array(paper, { maxLength: 3 }),
  projects: fc.array(project, { maxLength: 1 }),
};
const experts = fc
  .array(fc.record(person), { minLength: 1, maxLength: 6 })
  .map((list) => list.map((p, i) => ({ ...p, expertId: `e${(i * 7) % 10}${i}` }) as ExpertProfile));
const proposals = fc
  .array(
    fc.record({
      people: fc.array(fc.record({ ...person, role: fc.constantFrom('applicant' as const, 'member' as const) }), {
        minLength: 1,
        maxLength: 3,
      }),
      institutions: fc.array(
        fc.record({
          institution,
          countryCode: fc.constantFrom(null, 'CN', 'DE', 'RU'),
          role: fc.constantFrom('lead' as const, 'partner' as const),
        }),
        { maxLength: 3 },
      ),
      projects: fc.array(project, { maxLength: 1 }),
    }),
    { minLength: 1, maxLength: 4 },
  )
  .map((list) =>
    list.map(
      (p, i): ProposalProfile => ({
        proposalId: `p${(i * 3) % 5}${i}`,
        title: `Proposal ${i}`,
        people: p.people,
        institutions: p.institutions.map(({ institution: inst, countryCode, role }) => ({ ...inst, countryCode, role })),
        projects: p.projects,
      }),
    ),
  );
const rules = fc.record({
  sameCountry: fc.constantFrom('off' as const, 'lead' as const, 'any_member' as const),
  coauthorWindowYears: fc.integer({ min: 0, max: 8 }),
  referenceYear: fc.constant(2025),
});

describe('conflict detection against a plain reference', () => {
  it('finds exactly the reference’s conflicts, with the same evidence in the same order', () => {
    let withConflicts = 0;
    fc.assert(
      fc.property(experts, proposals, rules, (x, p, r) => {
        const expected = detectReference(x, p, r);
        if (expected.length > 0) withConflicts++;
        expect(detectConflicts(x, p, r)).toEqual(expected);
      }),
      { seed: 20261128, numRuns: 200 },
    );
    // The instances are not vacuous: most of them hold conflicts.
    expect(withConflicts).toBeGreaterThan(100);
  });
});
