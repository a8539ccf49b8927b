import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkEligibility,
  checkEligibilityRules,
  type EligibilityRules,
  type EligibilityTeamMember,
} from '../../../src/domain/calls/eligibility.js';
import { allIsoAlpha2 } from '../../../src/domain/partners/identifiers.js';

const member = (
  institutionId: string,
  countryCode: string | null,
  role: 'lead' | 'partner' = 'partner',
): EligibilityTeamMember => ({
  institutionId,
  role,
  countryCode,
  organisationId: null,
});
const organisation = (institutionId: string, role: 'lead' | 'partner' = 'partner'): EligibilityTeamMember => ({
  institutionId,
  role,
  countryCode: null,
  organisationId: 'org-istvs',
});
const fields = (issues: { field: string; code: string }[]) => issues.map((i) => `${i.field}:${i.code}`);

// Chang'e-8 rover project: SUPARCO (PK) with ISTVS (an international organisation).
const CE8_ROVER = [member('suparco', 'PK', 'lead'), organisation('istvs')];

describe('checkEligibility', () => {
  it('accepts a team with exactly one lead and no rules', () => {
    expect(checkEligibility({}, CE8_ROVER)).toEqual([]);
  });

  it('asks for a team, and for exactly one lead', () => {
    expect(fields(checkEligibility({}, []))).toEqual(['team:VALIDATION_FAILED']);
    expect(fields(checkEligibility({}, [member('a', 'FR'), member('b', 'DE')]))).toEqual(['team:VALIDATION_FAILED']);
    expect(
      fields(checkEligibility({}, [member('a', 'FR', 'lead'), member('b', 'DE', 'lead'), member('c', 'IT', 'lead')])),
    ).toEqual(['team.1.role:VALIDATION_FAILED', 'team.2.role:VALIDATION_FAILED']);
  });

  it('refuses an institution listed twice, pointing at the repeat', () => {
    const issues = checkEligibility({}, [member('ipgp', 'FR', 'lead'), member('cologne', 'DE'), member('ipgp', 'FR')]);
    expect(fields(issues)).toEqual(['team.2.institutionId:VALIDATION_FAILED']);
  });

  it('names the excluded country', () => {
    const issues = checkEligibility({ excludedCountries: ['RU'] }, [member('infn', 'IT', 'lead'), member('iki', 'RU')]);
    expect(issues).toEqual([
      {
        field: 'team.1.institutionId',
        code: 'INELIGIBLE',
        message: 'Institutions in Russia (RU) may not take part in this call.',
      },
    ]);
  });

  it('names the allowed countries when a member is outside them (lower-case rules accepted)', () => {
    const [issue] = checkEligibility({ allowedCountries: ['th', 'CN'] }, [member('narit', 'TH', 'lead'), member('ipgp', 'FR')]);
    expect(issue?.field).toBe('team.1.institutionId');
    expect(issue?.message).toBe(
      'Institutions in France (FR) may not take part in this call; it is open to Thailand (TH) or China (CN).',
    );
  });

  it('requires the lead in leadCountries (a payload led by a Chinese institution)', () => {
    const rules = { leadCountries: ['CN'] };
    expect(checkEligibility(rules, [member('ihep', 'CN', 'lead'), member('geneva', 'CH')])).toEqual([]);
    const issues = checkEligibility(rules, [
      { ...member('geneva', 'CH', 'lead'), institutionName: 'University of Geneva' },
      member('ihep', 'CN'),
    ]);
    expect(issues).toEqual([
      {
        field: 'team.0.institutionId',
        code: 'INELIGIBLE',
        message: 'The lead institution must be in China (CN); University of Geneva is in Switzerland (CH).',
      },
    ]);
    expect(fields(checkEligibility(rules, [organisation('istvs', 'lead')]))).toEqual(['team.0.institutionId:INELIGIBLE']);
  });

  it('counts the institutions against maxEntities', () => {
    // The China Space Station POLAR-2 team: four institutions.
    const polar2 = [member('geneva', 'CH', 'lead'), member('ncbj', 'PL'), member('mpe', 'DE'), member('ihep', 'CN')];
    expect(checkEligibility({ maxEntities: 4 }, polar2)).toEqual([]);
    expect(checkEligibility({ maxEntities: 3 }, polar2)).toEqual([
      { field: 'team', code: 'INELIGIBLE', message: 'This call admits at most 3 institutions per team; this team has 4.' },
    ]);
  });

  it('lets international organisations take part under country lists unless the rules say otherwise', () => {
    expect(checkEligibility({ allowedCountries: ['PK'], excludedCountries: ['US'] }, CE8_ROVER)).toEqual([]);
    expect(fields(checkEligibility({ allowInternationalOrganisations: false }, CE8_ROVER))).toEqual([
      'team.1.institutionId:INELIGIBLE',
    ]);
  });

  it('flags a member whose home is unknown', () => {
    expect(fields(checkEligibility({}, [member('x', null, 'lead')]))).toEqual(['team.0.institutionId:VALIDATION_FAILED']);
  });

  it('reports every problem at once', () => {
    const issues = checkEligibility({ excludedCountries: ['RU'], maxEntities: 2, leadCountries: ['CN'] }, [
      member('a', 'FR'),
      member('b', 'RU'),
      member('b', 'RU'),
    ]);
    expect(fields(issues)).toEqual([
      'team:VALIDATION_FAILED',
      'team:INELIGIBLE',
      'team.1.institutionId:INELIGIBLE',
      'team.2.institutionId:VALIDATION_FAILED',
    ]);
  });

  // Properties ---------------------------------------------------------------------------------

  const codes = allIsoAlpha2();
  const country = fc.constantFrom(...codes);
  /** A valid team: distinct ids, the first member leads. */
  const team = fc
    .uniqueArray(fc.tuple(fc.uuid(), country), { minLength: 1, maxLength: 8, selector: ([id]) => id })
    .map((rows) => rows.map(([id, cc], i) => member(id, cc, i === 0 ? 'lead' : 'partner')));

  it('property: a team from allowed countries within maxEntities has no issue', () => {
    fc.assert(
      fc.property(team, (t) => {
        const rules: EligibilityRules = {
          allowedCountries: [...new Set(t.map((m) => m.countryCode!))],
          leadCountries: [t[0]!.countryCode!],
          maxEntities: t.length,
        };
        expect(checkEligibility(rules, t)).toEqual([]);
      }),
    );
  });

  it('property: adding a partner from an excluded country always yields an issue naming that member and the country', () => {
    fc.assert(
      fc.property(team, country, fc.uuid(), fc.nat(), (t, banned, id, at) => {
        fc.pre(!t.some((m) => m.institutionId === id));
        const rules: EligibilityRules = { excludedCountries: [banned] };
        const position = at % (t.length + 1);
        const withBanned = [...t.slice(0, position), member(id, banned), ...t.slice(position)];
        const issues = checkEligibility(rules, withBanned);
        const mine = issues.filter((i) => i.field === `team.${position}.institutionId`);
        expect(mine).toHaveLength(1);
        expect(mine[0]!.code).toBe('INELIGIBLE');
        expect(mine[0]!.message).toContain(`(${banned})`);
      }),
    );
  });

  it('property: issues always point into the team', () => {
    const anyTeam = fc.array(
      fc.record({
        institutionId: fc.constantFrom('a', 'b', 'c', 'd'),
        role: fc.constantFrom('lead' as const, 'partner' as const),
        countryCode: fc.option(fc.constantFrom('CN', 'RU', 'FR', 'PK'), { nil: null }),
        organisationId: fc.option(fc.constant('apsco'), { nil: null }),
      }),
      { maxLength: 6 },
    );
    fc.assert(
      fc.property(anyTeam, (t) => {
        for (const issue of checkEligibility({ excludedCountries: ['RU'], leadCountries: ['CN'], maxEntities: 3 }, t)) {
          expect(issue.field).toMatch(/^team(\.\d+\.(institutionId|role))?$/);
          const index = Number(issue.field.split('.')[1] ?? 0);
          expect(index).toBeLessThan(Math.max(t.length, 1));
        }
      }),
    );
  });
});

describe('checkEligibilityRules', () => {
  it('accepts the empty rules and sensible ones', () => {
    expect(checkEligibilityRules({})).toEqual([]);
    expect(checkEligibilityRules({ excludedCountries: ['US'], leadCountries: ['CN'], maxEntities: 10 })).toEqual([]);
  });

  it('refuses unassigned codes, contradictions and a team of none', () => {
    expect(
      fields(
        checkEligibilityRules({
          allowedCountries: ['FR', 'UK', 'DE', 'fr'],
          excludedCountries: ['DE'],
          leadCountries: ['CN'],
          maxEntities: 0,
        }),
      ),
    ).toEqual([
      'eligibility.allowedCountries.1:INVALID_ISO_CODE',
      'eligibility.allowedCountries.3:VALIDATION_FAILED',
      'eligibility.excludedCountries.0:VALIDATION_FAILED',
      'eligibility.leadCountries.0:VALIDATION_FAILED',
      'eligibility.maxEntities:VALIDATION_FAILED',
    ]);
    expect(fields(checkEligibilityRules({ allowedCountries: [] }, ''))).toEqual(['allowedCountries:VALIDATION_FAILED']);
    expect(fields(checkEligibilityRules({ maxEntities: 1.5 }))).toEqual(['eligibility.maxEntities:VALIDATION_FAILED']);
  });
});
