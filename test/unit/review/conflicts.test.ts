import { describe, expect, it } from 'vitest';
import type { ConflictRules, ExpertProfile, ProposalProfile } from '../../../src/domain/review/conflict-profiles.js';
import { detectConflicts } from '../../../src/domain/review/detect-conflicts.js';
import { authorKey, organisationDomain } from '../../../src/domain/review/identity.js';

const RULES: ConflictRules = { sameCountry: 'off', coauthorWindowYears: 3, referenceYear: 2025 };

const cologne = { institutionId: 'uni-koeln', institutionName: 'University of Cologne' };
const ipgp = { institutionId: 'ipgp', institutionName: 'Institut de Physique du Globe de Paris' };
const iki = {
  institutionId: 'iki',
  institutionName: 'Space Research Institute (IKI)',
  parents: [{ institutionId: 'ras', institutionName: 'Russian Academy of Sciences' }],
};
const geokhi = {
  institutionId: 'geokhi',
  institutionName: 'Vernadsky Institute (GEOKHI)',
  parents: [{ institutionId: 'ras', institutionName: 'Russian Academy of Sciences' }],
};

function expert(id: string, over: Partial<ExpertProfile> = {}): ExpertProfile {
  return { expertId: id, personIds: [`person-${id}`], name: `Expert ${id}`, emails: [], affiliations: [], ...over };
}

function proposal(id: string, over: Partial<ProposalProfile> = {}): ProposalProfile {
  return {
    proposalId: id,
    title: `Proposal ${id}`,
    people: [
      {
        role: 'applicant',
        personIds: ['acct-applicant'],
        name: 'Carsten Münker',
        emails: ['c.muenker@uni-koeln.de'],
        affiliations: [cologne],
      },
    ],
    institutions: [{ ...cologne, countryCode: 'DE', role: 'lead' }],
    ...over,
  };
}

const kinds = (conflicts: ReturnType<typeof detectConflicts>) =>
  conflicts.map((c) => `${c.expertId}/${c.proposalId}:${c.evidence.map((e) => e.kind).join('+')}`);

describe('conflict detection', () => {
  it('finds the same institution and names it', () => {
    const found = detectConflicts(
      [expert('a', { affiliations: [cologne] }), expert('b', { affiliations: [ipgp] })],
      [proposal('p')],
      RULES,
    );
    expect(kinds(found)).toEqual(['a/p:same_institution']);
    expect(found[0]?.evidence[0]?.text).toContain('University of Cologne');
  });

  it('finds a shared parent organisation and says which', () => {
    const p = proposal('p', {
      people: [{ role: 'applicant', personIds: ['x'], name: 'Ivan Petrov', emails: [], affiliations: [geokhi] }],
      institutions: [{ ...geokhi, countryCode: 'RU', role: 'lead' }],
    });
    const found = detectConflicts([expert('a', { affiliations: [iki] })], [p], RULES);
    expect(kinds(found)).toEqual(['a/p:same_institution']);
    expect(found[0]?.evidence[0]?.text).toContain('Russian Academy of Sciences');
  });

  it('counts co-authorship inside the window and ignores it outside', () => {
    const recentPaper = { title: 'Ages of Chang’e-5 basalts', year: 2023, coauthors: ['Münker, C.', 'Li, Q.'] };
    const oldPaper = { title: 'Tungsten isotopes in lunar rocks', year: 2015, coauthors: ['Carsten Münker'] };
    const inside = detectConflicts([expert('a', { publications: [recentPaper] })], [proposal('p')], RULES);
    const outside = detectConflicts([expert('a', { publications: [oldPaper] })], [proposal('p')], RULES);
    expect(kinds(inside)).toEqual(['a/p:coauthor']);
    expect(inside[0]?.evidence[0]?.text).toContain('Ages of Chang’e-5 basalts');
    expect(inside[0]?.evidence[0]?.text).toContain('2023');
    expect(outside).toEqual([]);
    // A wider window (a call setting) brings the old paper back.
    expect(
      kinds(detectConflicts([expert('a', { publications: [oldPaper] })], [proposal('p')], { ...RULES, coauthorWindowYears: 10 })),
    ).toEqual(['a/p:coauthor']);
  });

  it('finds co-authorship from the applicant side and from a paper both list', () => {
    const shared = { title: 'Space weathering of lunar soil', year: 2024, doi: '10.1000/xyz', coauthors: [] };
    const p = proposal('p', {
      people: [
        {
          role: 'applicant',
          personIds: ['x'],
          name: 'Carsten Münker',
          emails: [],
          affiliations: [cologne],
          publications: [{ title: 'Zircon ages', year: 2024, coauthors: ['Expert a'] }, shared],
        },
      ],
    });
    const found = detectConflicts(
      [expert('a', { publications: [{ ...shared, doi: 'https://doi.org/10.1000/XYZ' }] })],
      [p],
      RULES,
    );
    expect(found[0]?.evidence.map((e) => e.text)).toEqual([
      'Carsten Münker co-authored “Zircon ages” (2024) with Expert a',
      'Expert a and Carsten Münker both list “Space weathering of lunar soil” (2024)',
    ]);
  });

  it('never makes a conflict of a webmail domain, but does of an institutional one', () => {
    expect(organisationDomain('someone@gmail.com')).toBeNull();
    expect(organisationDomain('someone@qq.com')).toBeNull();
    expect(organisationDomain('a.b@geo.uni-koeln.de')).toBe('uni-koeln.de');
    expect(organisationDomain('x@earth.ox.ac.uk')).toBe('ox.ac.uk');
    const gmailApplicant = proposal('p', {
      people: [{ role: 'applicant', personIds: ['x'], name: 'A B', emails: ['ab@gmail.com'], affiliations: [] }],
      institutions: [],
    });
    expect(detectConflicts([expert('a', { emails: ['cd@gmail.com'] })], [gmailApplicant], RULES)).toEqual([]);
    const found = detectConflicts(
      [expert('a', { emails: ['someone@geo.uni-koeln.de'] })],
      [proposal('p', { institutions: [] })],
      RULES,
    );
    expect(kinds(found)).toEqual(['a/p:same_email_domain']);
    expect(found[0]?.evidence[0]?.text).toContain('uni-koeln.de');
  });

  it('recognises the applicant’s own proposal under a second e-mail by ORCID, or by name and institution', () => {
    const applicant = {
      role: 'applicant' as const,
      personIds: ['acct-1'],
      name: 'Mahesh Anand',
      emails: ['m.anand@open.ac.uk'],
      orcid: '0000-0002-1825-0097',
      affiliations: [{ institutionId: 'ou', institutionName: 'The Open University' }],
    };
    const p = proposal('p', { people: [applicant], institutions: [] });
    const byOrcid = expert('a', {
      personIds: ['acct-2'],
      name: 'M. Anand',
      emails: ['mahesh.anand@gmail.com'],
      orcid: 'https://orcid.org/0000-0002-1825-0097',
    });
    const byName = expert('b', {
      personIds: ['acct-3'],
      name: 'Anand, Mahesh',
      emails: ['ma@other.org'],
      affiliations: applicant.affiliations,
    });
    const stranger = expert('c', { name: 'Someone Else', emails: ['se@gmail.com'] });
    const found = detectConflicts([byOrcid, byName, stranger], [p], RULES);
    expect(kinds(found)).toEqual(['a/p:own_proposal', 'b/p:own_proposal']);
    expect(found[0]?.evidence[0]?.text).toContain('ORCID');
    expect(found[1]?.evidence[0]?.text).toContain('same name and institution');
  });

  it('applies the same-country rule only as the call asks', () => {
    const p = proposal('p', {
      institutions: [
        { ...cologne, countryCode: 'DE', role: 'lead' },
        { ...ipgp, countryCode: 'FR', role: 'partner' },
      ],
    });
    const experts = [expert('de', { countryCode: 'DE' }), expert('fr', { countryCode: 'FR' })];
    expect(detectConflicts(experts, [p], RULES)).toEqual([]);
    expect(kinds(detectConflicts(experts, [p], { ...RULES, sameCountry: 'lead' }))).toEqual(['de/p:same_country']);
    expect(kinds(detectConflicts(experts, [p], { ...RULES, sameCountry: 'any_member' }))).toEqual([
      'de/p:same_country',
      'fr/p:same_country',
    ]);
  });

  it('finds two people on one registry project', () => {
    const project = { projectId: 'ce8-rover', name: 'Chang’e-8 lunar rover' };
    const found = detectConflicts([expert('a', { projects: [project] })], [proposal('p', { projects: [project] })], RULES);
    expect(kinds(found)).toEqual(['a/p:shared_project']);
    expect(found[0]?.evidence[0]?.text).toContain('Chang’e-8 lunar rover');
  });

  it('gives the same list whatever the input order', () => {
    const experts = [expert('b', { affiliations: [cologne] }), expert('a', { affiliations: [cologne], countryCode: 'DE' })];
    const proposals = [proposal('q'), proposal('p')];
    const rules = { ...RULES, sameCountry: 'lead' as const };
    const one = JSON.stringify(detectConflicts(experts, proposals, rules));
    const two = JSON.stringify(detectConflicts([...experts].reverse(), [...proposals].reverse(), rules));
    expect(one).toBe(two);
    expect(kinds(JSON.parse(one))).toEqual([
      'a/p:same_institution+same_country',
      'b/p:same_institution',
      'a/q:same_institution+same_country',
      'b/q:same_institution',
    ]);
  });

  it('reads bylines in either order', () => {
    expect(authorKey('Zhang, Wei')).toBe('zhang w');
    expect(authorKey('Wei Zhang')).toBe('zhang w');
    expect(authorKey('W. Zhang')).toBe('zhang w');
    expect(authorKey('Münker, Carsten')).toBe('munker c');
    expect(authorKey('张伟')).toBe('张伟');
  });
  it('does not let a team member’s ORCID iD stick to their name: a namesake in a later byline is someone else', () => {
    const orcid = '0000-0002-1825-0097';
    // The first proposal names W. Zhang with an ORCID iD; the expert holds that iD under another name.
    const withOrcid = proposal('p1', {
      people: [{ role: 'applicant', personIds: ['z'], name: 'W. Zhang', orcid, emails: [], affiliations: [] }],
      institutions: [],
    });
    // The second proposal's applicant co-authored with a W. Zhang of whom nothing else is known.
    const namesake = proposal('p2', {
      people: [
        {
          role: 'applicant',
          personIds: ['y'],
          name: 'Ana Silva',
          emails: [],
          affiliations: [],
          publications: [{ title: 'Regolith at Chang’e-5', year: 2024, coauthors: ['W. Zhang'] }],
        },
      ],
      institutions: [],
    });
    const found = detectConflicts([expert('e', { name: 'Li Na', orcid })], [withOrcid, namesake], RULES);
    expect(kinds(found)).toEqual(['e/p1:own_proposal']);
    // The same twice in one process: nothing learnt from the first run leaks into the second.
    expect(kinds(detectConflicts([expert('e', { name: 'Li Na', orcid })], [withOrcid, namesake], RULES))).toEqual([
      'e/p1:own_proposal',
    ]);
  });
});
