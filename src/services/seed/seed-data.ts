import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { Name, opt, Slug } from '../../contracts/common.js';
import {
  CountryInput,
  HostModuleInput,
  InstitutionInput,
  MissionInput,
  OrganisationInput,
  PartnershipInput,
  ProgramInput,
  ProjectInput,
  SampleCollectionInput,
} from '../../contracts/registry.js';
import { AppError, type FieldIssue } from '../../domain/errors.js';
import { PARTICIPANT_ROLES } from '../../domain/registry/vocabulary.js';

/**
 * The shape of the versioned demo data file (src/db/seed/registry.v1.json). Records are the API's
 * input shapes with references written as slugs (`"country": "FR"`, `"program": "ilrs"`) instead of
 * uuids; the planner resolves them. Unknown keys are refused so a typo in the file cannot vanish.
 */
const CountryRef = z.string().regex(/^[A-Z]{2}$/, 'an upper-case ISO 3166-1 alpha-2 code');
const HostModuleRef = z.object({ mission: Slug, name: Name }).strict();

export const SeedCountry = CountryInput.extend({ name: Name.optional() }).strict();
export const SeedOrganisation = OrganisationInput.strict();
export const SeedInstitution = InstitutionInput.omit({ countryCode: true, organisationId: true })
  .extend({ country: opt(CountryRef), organisation: opt(Slug) })
  .strict();
export const SeedMission = MissionInput.omit({ agencyId: true })
  .extend({ agency: opt(Slug) })
  .strict();
export const SeedHostModule = HostModuleInput.omit({ missionId: true }).extend({ mission: Slug }).strict();
export const SeedSampleCollection = SampleCollectionInput.omit({ missionId: true }).extend({ mission: Slug }).strict();
export const SeedProgram = ProgramInput.omit({ missionId: true, agencyId: true })
  .extend({ mission: opt(Slug), agency: opt(Slug) })
  .strict();
export const SeedPartnership = PartnershipInput.omit({
  programId: true,
  countryCode: true,
  organisationId: true,
  institutionId: true,
})
  .extend({ program: Slug, country: opt(CountryRef), organisation: opt(Slug), institution: opt(Slug) })
  .strict();
export const SeedProject = ProjectInput.omit({ programId: true, hostModuleId: true, participants: true })
  .extend({
    program: Slug,
    hostModule: HostModuleRef.nullable().optional(),
    participants: z.array(z.object({ institution: Slug, role: z.enum(PARTICIPANT_ROLES) }).strict()).max(100),
  })
  .strict();

export const SeedData = z
  .object({
    version: z.number().int().positive(),
    source: z.string().optional(),
    countries: z.array(SeedCountry).default([]),
    organisations: z.array(SeedOrganisation).default([]),
    institutions: z.array(SeedInstitution).default([]),
    missions: z.array(SeedMission).default([]),
    hostModules: z.array(SeedHostModule).default([]),
    sampleCollections: z.array(SeedSampleCollection).default([]),
    programs: z.array(SeedProgram).default([]),
    partnerships: z.array(SeedPartnership).default([]),
    projects: z.array(SeedProject).default([]),
  })
  .strict();
export type SeedData = z.infer<typeof SeedData>;

// src/services/seed and dist/services/seed are both three levels below the package root.
export const SEED_FILE = new URL('../../../src/db/seed/registry.v1.json', import.meta.url);

/** Formats a zod/record path the way a person reads the file: `projects[3].participants[0].institution`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`)).join('');
}

/** One AppError listing every problem of the data file, each on its own line. */
export function seedDataError(issues: FieldIssue[]): AppError {
  const lines = issues.map((i) => `  ${i.field}: ${i.message}`);
  const noun = issues.length === 1 ? 'problem' : 'problems';
  return new AppError('VALIDATION_FAILED', `The demo data has ${issues.length} ${noun}:\n${lines.join('\n')}`, issues);
}

/** Checks the shape of the data (not yet its references); throws an AppError naming every bad field. */
export function parseSeedData(raw: unknown): SeedData {
  const parsed = SeedData.safeParse(raw);
  if (parsed.success) return parsed.data;
  throw seedDataError(
    parsed.error.issues.map((issue) => ({
      field: formatPath(issue.path) || '(file)',
      code: 'VALIDATION_FAILED',
      message: issue.message,
    })),
  );
}

export function readSeedFile(file: URL | string = SEED_FILE): SeedData {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new AppError('VALIDATION_FAILED', `Cannot read the demo data ${String(file)}: ${(error as Error).message}`);
  }
  return parseSeedData(raw);
}
