import type { FieldIssue } from '../errors.js';
import { isIsoAlpha2 } from '../partners/identifiers.js';

// Who may take part in a call, as data stored in calls.eligibility (jsonb).
//
// Country codes are ISO 3166-1 alpha-2 and compared upper-case. An institution belongs to either a
// country or region (countryCode) or an international organisation (organisationId, e.g. APSCO or
// ISTVS). International organisations have no country, so country lists do not reach them: they are
// eligible under allowedCountries and excludedCountries alike (Chang'e-8 selected one beside country
// partners) unless the rules set allowInternationalOrganisations: false. They can never satisfy
// leadCountries.
//
// Structural problems of the team (no lead, two leads, an institution twice, an unresolved country)
// are VALIDATION_FAILED; breaking a rule of the call is INELIGIBLE.

export interface EligibilityRules {
  /** When given, only institutions in these countries or regions may take part. */
  allowedCountries?: string[];
  /** Institutions in these countries or regions may not take part. */
  excludedCountries?: string[];
  /** When given, the lead institution must be in one of these (e.g. ['CN']). */
  leadCountries?: string[];
  /** At most this many institutions in the team. */
  maxEntities?: number;
  /** Default true: institutions of international organisations may take part. */
  allowInternationalOrganisations?: boolean;
}

/** A team member of the document with its home resolved from the registry. */
export interface EligibilityTeamMember {
  institutionId: string;
  role: 'lead' | 'partner';
  countryCode: string | null;
  organisationId: string | null;
  /** For messages, when known; otherwise the institution is named by its position. */
  institutionName?: string;
}

const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });

/** "Russia (RU)"; the bare code when the runtime does not know it. */
export function countryLabel(code: string): string {
  const upper = code.toUpperCase();
  let name: string | undefined;
  try {
    name = regionNames.of(upper);
  } catch {
    name = undefined;
  }
  return name && name !== upper ? `${name} (${upper})` : upper;
}

function listLabel(codes: string[]): string {
  const labels = codes.map(countryLabel);
  if (labels.length <= 1) return labels.join('');
  return `${labels.slice(0, -1).join(', ')} or ${labels.at(-1)}`;
}

const upperSet = (codes: string[] | undefined) => (codes ? new Set(codes.map((c) => String(c).toUpperCase())) : undefined);

function memberLabel(member: EligibilityTeamMember, index: number): string {
  return member.institutionName ? member.institutionName : `Team member ${index + 1}`;
}

/**
 * Every eligibility problem of a team at once. `team[i]` must be `document.team[i]` resolved, so
 * fields (`team.3.institutionId`) point into the document.
 */
export function checkEligibility(rules: EligibilityRules, team: EligibilityTeamMember[]): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const add = (field: string, code: FieldIssue['code'], message: string) => issues.push({ field, code, message });

  if (team.length === 0) {
    add('team', 'VALIDATION_FAILED', 'Name the institutions of the team; exactly one of them leads.');
    return issues;
  }

  const leads = team.map((m, i) => ({ m, i })).filter(({ m }) => m.role === 'lead');
  if (leads.length === 0) add('team', 'VALIDATION_FAILED', 'Choose the lead institution: exactly one team member leads.');
  for (const { m, i } of leads.slice(1)) {
    add(
      `team.${i}.role`,
      'VALIDATION_FAILED',
      `Only one institution may lead; ${memberLabel(m, i)} is a second lead (make it a partner).`,
    );
  }

  if (rules.maxEntities !== undefined && team.length > rules.maxEntities) {
    add(
      'team',
      'INELIGIBLE',
      `This call admits at most ${rules.maxEntities} institution${rules.maxEntities === 1 ? '' : 's'} per team; this team has ${team.length}.`,
    );
  }

  const allowed = upperSet(rules.allowedCountries);
  const excluded = upperSet(rules.excludedCountries);
  const leadCountries = upperSet(rules.leadCountries);
  const organisationsAllowed = rules.allowInternationalOrganisations !== false;
  const seen = new Map<string, number>();

  team.forEach((member, i) => {
    const field = `team.${i}.institutionId`;
    const first = seen.get(member.institutionId);
    if (first !== undefined) {
      add(field, 'VALIDATION_FAILED', `${memberLabel(member, i)} is already in the team (as member ${first + 1}); list it once.`);
      return;
    }
    seen.set(member.institutionId, i);

    const country = member.countryCode?.toUpperCase() ?? null;
    if (country) {
      if (excluded?.has(country)) {
        add(field, 'INELIGIBLE', `Institutions in ${countryLabel(country)} may not take part in this call.`);
      } else if (allowed && !allowed.has(country)) {
        add(
          field,
          'INELIGIBLE',
          `Institutions in ${countryLabel(country)} may not take part in this call; it is open to ${listLabel([...allowed])}.`,
        );
      }
    } else if (member.organisationId) {
      if (!organisationsAllowed) {
        add(field, 'INELIGIBLE', 'Institutions of international organisations may not take part in this call.');
      }
    } else {
      add(field, 'VALIDATION_FAILED', `${memberLabel(member, i)} has no country or international organisation in the registry.`);
    }

    if (member.role === 'lead' && leadCountries && leads[0]?.i === i) {
      if (!country || !leadCountries.has(country)) {
        const where = country ? `is in ${countryLabel(country)}` : 'belongs to an international organisation';
        add(
          field,
          'INELIGIBLE',
          `The lead institution must be in ${listLabel([...leadCountries])}; ${memberLabel(member, i)} ${where}.`,
        );
      }
    }
  });
  return issues;
}

/**
 * Problems of the rules themselves (when staff edit a call). Fields are prefixed with `path`
 * (default "eligibility"), e.g. `eligibility.excludedCountries.1`.
 */
export function checkEligibilityRules(rules: EligibilityRules, path = 'eligibility'): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const at = (field: string) => (path ? `${path}.${field}` : field);
  const lists = ['allowedCountries', 'excludedCountries', 'leadCountries'] as const;
  const clean: Partial<Record<(typeof lists)[number], Set<string>>> = {};

  for (const key of lists) {
    const list = rules[key];
    if (list === undefined) continue;
    if (!Array.isArray(list)) {
      issues.push({ field: at(key), code: 'VALIDATION_FAILED', message: 'Give a list of ISO 3166-1 alpha-2 codes.' });
      continue;
    }
    const set = new Set<string>();
    list.forEach((raw, i) => {
      const code = typeof raw === 'string' ? raw.toUpperCase() : '';
      if (!isIsoAlpha2(code)) {
        issues.push({
          field: at(`${key}.${i}`),
          code: 'INVALID_ISO_CODE',
          message: `"${String(raw)}" is not an assigned ISO 3166-1 alpha-2 code (such as "FR" or "HK").`,
        });
      } else if (set.has(code)) {
        issues.push({ field: at(`${key}.${i}`), code: 'VALIDATION_FAILED', message: `${code} is listed twice.` });
      } else {
        set.add(code);
      }
    });
    clean[key] = set;
  }

  if (rules.allowedCountries !== undefined && clean.allowedCountries?.size === 0) {
    issues.push({
      field: at('allowedCountries'),
      code: 'VALIDATION_FAILED',
      message: 'An empty list of allowed countries admits no country; remove the list to admit every country.',
    });
  }
  (rules.excludedCountries ?? []).forEach((raw, i) => {
    const code = typeof raw === 'string' ? raw.toUpperCase() : '';
    if (clean.allowedCountries?.has(code)) {
      issues.push({
        field: at(`excludedCountries.${i}`),
        code: 'VALIDATION_FAILED',
        message: `${countryLabel(code)} is both allowed and excluded.`,
      });
    }
  });
  (rules.leadCountries ?? []).forEach((raw, i) => {
    const code = typeof raw === 'string' ? raw.toUpperCase() : '';
    if (!isIsoAlpha2(code)) return;
    if (clean.excludedCountries?.has(code) || (clean.allowedCountries && !clean.allowedCountries.has(code))) {
      issues.push({
        field: at(`leadCountries.${i}`),
        code: 'VALIDATION_FAILED',
        message: `${countryLabel(code)} may lead but may not take part; allow it or remove it from the lead countries.`,
      });
    }
  });
  if (rules.maxEntities !== undefined && !(Number.isInteger(rules.maxEntities) && rules.maxEntities >= 1)) {
    issues.push({
      field: at('maxEntities'),
      code: 'VALIDATION_FAILED',
      message: 'The largest team must be a whole number of at least 1 institution.',
    });
  }
  if (rules.allowInternationalOrganisations !== undefined && typeof rules.allowInternationalOrganisations !== 'boolean') {
    issues.push({ field: at('allowInternationalOrganisations'), code: 'VALIDATION_FAILED', message: 'Give true or false.' });
  }
  return issues;
}
