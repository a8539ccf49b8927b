import type {
  CountryInput,
  HostModuleInput,
  InstitutionInput,
  MissionInput,
  PartnershipInput,
  PersonInput,
  ProjectInput,
} from '../../contracts/registry.js';
import { IssueList } from '../errors.js';
import { isIsoAlpha2, normaliseOrcid, normaliseRor } from '../partners/identifiers.js';

// Each rule takes the record as it would be after the write (the stored record merged with the
// change) and returns the values to store, normalised, or throws one AppError listing every issue.

type Merged<T> = { [K in keyof T]?: T[K] | null };

function checkIso(issues: IssueList, field: string, code: string | null | undefined): string | null | undefined {
  if (code == null) return code;
  const upper = code.toUpperCase();
  if (!isIsoAlpha2(upper)) {
    issues.add(field, 'INVALID_ISO_CODE', `"${code}" is not an assigned ISO 3166-1 alpha-2 code (such as "FR" or "HK").`);
  }
  return upper;
}

export function checkCountry<T extends Merged<CountryInput>>(input: T): T {
  const issues = new IssueList();
  const code = checkIso(issues, 'code', input.code);
  const sovereignCode = checkIso(issues, 'sovereignCode', input.sovereignCode);
  if (sovereignCode && sovereignCode === code)
    issues.add('sovereignCode', 'VALIDATION_FAILED', 'A region cannot be its own sovereign.');
  issues.throwIfAny();
  return { ...input, code, sovereignCode };
}

export function checkInstitution<T extends Merged<InstitutionInput>>(input: T): T {
  const issues = new IssueList();
  const countryCode = checkIso(issues, 'countryCode', input.countryCode);
  if ((countryCode == null) === (input.organisationId == null)) {
    issues.add(
      'countryCode',
      'VALIDATION_FAILED',
      'Give either countryCode (the home country or region) or organisationId (the home international organisation), not both.',
    );
  }
  let rorId = input.rorId;
  if (rorId != null) {
    rorId = normaliseRor(rorId);
    if (rorId === null)
      issues.add(
        'rorId',
        'INVALID_ROR',
        `"${input.rorId}" is not a valid ROR id: 0, six base-32 characters and a two-digit checksum.`,
      );
  }
  issues.throwIfAny();
  return { ...input, countryCode, rorId };
}

export function checkPerson<T extends Merged<PersonInput>>(input: T): T {
  const issues = new IssueList();
  let orcid = input.orcid;
  if (orcid != null) {
    orcid = normaliseOrcid(orcid);
    if (orcid === null) {
      issues.add(
        'orcid',
        'INVALID_ORCID',
        `"${input.orcid}" is not a valid ORCID iD: four groups of four digits whose last character is the ISO 7064 check digit.`,
      );
    }
  }
  issues.throwIfAny();
  return { ...input, orcid, email: input.email?.trim().toLowerCase() };
}

export function checkMission<T extends Merged<MissionInput>>(input: T): T {
  const issues = new IssueList();
  let launchYear = input.launchYear;
  if (input.launchDate != null) {
    const dateYear = Number(input.launchDate.slice(0, 4));
    if (launchYear != null && launchYear !== dateYear) {
      issues.add('launchYear', 'VALIDATION_FAILED', `launchYear ${launchYear} does not match launchDate ${input.launchDate}.`);
    }
    launchYear = dateYear;
  }
  issues.throwIfAny();
  return { ...input, launchYear };
}

export function checkHostModule<T extends Merged<HostModuleInput>>(input: T): T {
  const issues = new IssueList();
  if (input.itemMaxAvgPowerMw != null && input.itemMaxPeakPowerMw != null && input.itemMaxPeakPowerMw < input.itemMaxAvgPowerMw) {
    issues.add('itemMaxPeakPowerMw', 'VALIDATION_FAILED', 'Peak power per item cannot be below the average power per item.');
  }
  if (input.itemMinTempC != null && input.itemMaxTempC != null && input.itemMinTempC > input.itemMaxTempC) {
    issues.add('itemMinTempC', 'VALIDATION_FAILED', 'The lowest operating temperature is above the highest.');
  }
  if (input.itemMaxMassG != null && input.poolMassG != null && input.itemMaxMassG > input.poolMassG) {
    issues.add('itemMaxMassG', 'VALIDATION_FAILED', 'The per-item mass limit exceeds the mass the module offers in all.');
  }
  issues.throwIfAny();
  return input;
}

export function checkPartnership<T extends Merged<PartnershipInput>>(input: T): T {
  const issues = new IssueList();
  const countryCode = checkIso(issues, 'countryCode', input.countryCode);
  const given = [countryCode, input.organisationId, input.institutionId].filter((v) => v != null).length;
  if (given !== 1) {
    issues.add('countryCode', 'VALIDATION_FAILED', 'A partner is exactly one of: countryCode, organisationId or institutionId.');
  }
  issues.throwIfAny();
  return { ...input, countryCode };
}

export function checkProject<T extends Merged<ProjectInput>>(input: T): T {
  const issues = new IssueList();
  const participants = input.participants ?? [];
  const seen = new Set<string>();
  participants.forEach((p, i) => {
    if (seen.has(p.institutionId))
      issues.add(`participants.${i}.institutionId`, 'VALIDATION_FAILED', 'This institution is listed twice.');
    seen.add(p.institutionId);
  });
  const leads = participants.filter((p) => p.role === 'lead').length;
  if (participants.length > 0 && leads !== 1) {
    issues.add('participants', 'VALIDATION_FAILED', `A project has exactly one lead institution; ${leads} were given.`);
  }
  issues.throwIfAny();
  return input;
}

export function checkSampleTypes<T extends { sampleTypes?: string[] | null }>(input: T): T {
  return input.sampleTypes ? { ...input, sampleTypes: [...new Set(input.sampleTypes)] } : input;
}
