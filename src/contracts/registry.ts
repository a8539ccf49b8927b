import { z } from 'zod';
import {
  CONFIDENCES,
  COUNTRY_KINDS,
  HOST_MODULE_KINDS,
  INSTITUTION_KINDS,
  MISSION_STATUSES,
  MOUNTINGS,
  ORGANISATION_KINDS,
  PARTICIPANT_ROLES,
  PARTNERSHIP_KINDS,
  PROGRAM_KINDS,
  PROGRAM_STATUSES,
  PROJECT_LEVELS,
  PROJECT_STATUSES,
  TARGET_BODIES,
} from '../domain/registry/vocabulary.js';
import { IsoDate, LongText, Name, opt, Slug, Stamps, Uuid } from './common.js';

// Shapes only: the rules (ISO codes assigned, ORCID and ROR checksums, launch year consistent with the
// date, …) live in the domain layer, so the CLI import and the seed obey them too.
const CountryCode = z.string().describe('ISO 3166-1 alpha-2 code, e.g. "FR" or "HK".');
const Grams = z.number().int().min(0).describe('Grams.');
const Milliwatts = z.number().int().min(0).describe('Milliwatts.');
const Millimetres = z.number().int().min(0).describe('Millimetres.');
const confidenceFields = {
  confidence: z.enum(CONFIDENCES).optional(),
  confidenceNote: opt(LongText),
};

export const CountryInput = z.object({
  code: CountryCode,
  name: Name,
  nativeName: opt(Name),
  kind: z.enum(COUNTRY_KINDS).optional().describe('"region" for e.g. Hong Kong, counted apart as the agency reports.'),
  sovereignCode: opt(CountryCode),
});
export const Country = CountryInput.extend({
  nativeName: Name.nullable(),
  kind: z.enum(COUNTRY_KINDS),
  sovereignCode: CountryCode.nullable(),
  ...Stamps,
});

export const OrganisationInput = z.object({
  slug: Slug,
  acronym: z.string().trim().min(1).max(40),
  name: Name,
  nativeName: opt(Name),
  kind: z.enum(ORGANISATION_KINDS),
  website: opt(z.url()),
  note: opt(LongText),
});
export const Organisation = OrganisationInput.extend({
  id: Uuid,
  nativeName: Name.nullable(),
  website: z.string().nullable(),
  note: z.string().nullable(),
  ...Stamps,
});

export const InstitutionInput = z.object({
  slug: Slug,
  name: Name,
  nativeName: opt(Name).describe('Name in its own script, e.g. 大阪大学.'),
  acronym: opt(z.string().max(40)),
  kind: z.enum(INSTITUTION_KINDS),
  countryCode: opt(CountryCode).describe('Home country or region; or give organisationId instead.'),
  organisationId: opt(Uuid).describe('Home international organisation; or give countryCode instead.'),
  rorId: opt(z.string()).describe('ROR id such as 00rcxh774 or https://ror.org/00rcxh774; checked by checksum.'),
  website: opt(z.url()),
});
export const Institution = InstitutionInput.extend({
  id: Uuid,
  nativeName: Name.nullable(),
  acronym: z.string().nullable(),
  countryCode: CountryCode.nullable(),
  organisationId: Uuid.nullable(),
  rorId: z.string().nullable(),
  website: z.string().nullable(),
  ...Stamps,
});

export const PersonInput = z.object({
  name: Name,
  nativeName: opt(Name),
  orcid: opt(z.string()).describe('ORCID iD such as 0000-0002-1825-0097; checked by its check digit.'),
  email: z.email(),
  institutionId: opt(Uuid),
});
export const Person = PersonInput.extend({
  id: Uuid,
  nativeName: Name.nullable(),
  orcid: z.string().nullable(),
  institutionId: Uuid.nullable(),
  ...Stamps,
});

export const MissionInput = z.object({
  slug: Slug,
  name: Name,
  nativeName: opt(Name),
  agencyId: opt(Uuid),
  targetBody: z.enum(TARGET_BODIES),
  launchDate: opt(IsoDate),
  launchYear: opt(z.number().int().min(1957).max(2100)).describe('Given alone when only the year is known.'),
  status: z.enum(MISSION_STATUSES),
  summary: opt(LongText),
  ...confidenceFields,
});
export const Mission = MissionInput.extend({
  id: Uuid,
  nativeName: Name.nullable(),
  agencyId: Uuid.nullable(),
  launchDate: z.string().nullable(),
  launchYear: z.number().int().nullable(),
  summary: z.string().nullable(),
  confidence: z.enum(CONFIDENCES),
  confidenceNote: z.string().nullable(),
  ...Stamps,
});

export const HostModuleInput = z.object({
  missionId: Uuid,
  kind: z.enum(HOST_MODULE_KINDS),
  name: Name,
  poolMassG: opt(Grams).describe('Mass offered to partners on this module, grams.'),
  poolPowerMw: opt(Milliwatts),
  poolDataMbPerDay: opt(z.number().int().min(0)).describe('Data volume per day, megabytes.'),
  itemMaxMassG: opt(Grams),
  itemMaxAvgPowerMw: opt(Milliwatts),
  itemMaxPeakPowerMw: opt(Milliwatts),
  itemMaxLengthMm: opt(Millimetres),
  itemMaxWidthMm: opt(Millimetres),
  itemMaxHeightMm: opt(Millimetres),
  itemMinTempC: opt(z.number().int().min(-273)),
  itemMaxTempC: opt(z.number().int().max(1000)),
  mounting: z.enum(MOUNTINGS).optional(),
  note: opt(LongText),
  ...confidenceFields,
});
const nullableNumbers = Object.fromEntries(
  [
    'poolMassG',
    'poolPowerMw',
    'poolDataMbPerDay',
    'itemMaxMassG',
    'itemMaxAvgPowerMw',
    'itemMaxPeakPowerMw',
    'itemMaxLengthMm',
    'itemMaxWidthMm',
    'itemMaxHeightMm',
    'itemMinTempC',
    'itemMaxTempC',
  ].map((k) => [k, z.number().int().nullable()]),
) as Record<string, z.ZodNullable<z.ZodNumber>>;
export const HostModule = HostModuleInput.extend({
  id: Uuid,
  ...nullableNumbers,
  mounting: z.enum(MOUNTINGS),
  note: z.string().nullable(),
  confidence: z.enum(CONFIDENCES),
  confidenceNote: z.string().nullable(),
  ...Stamps,
});

export const SampleCollectionInput = z.object({
  slug: Slug,
  missionId: Uuid,
  name: Name,
  returnedMassMg: z.number().int().positive().describe('Mass returned to Earth, milligrams.'),
  returnedOn: opt(IsoDate),
  sampleTypes: z.array(z.string().trim().min(1).max(80)).max(50).optional(),
  note: opt(LongText),
  ...confidenceFields,
});
export const SampleCollection = SampleCollectionInput.extend({
  id: Uuid,
  returnedOn: z.string().nullable(),
  sampleTypes: z.array(z.string()),
  note: z.string().nullable(),
  confidence: z.enum(CONFIDENCES),
  confidenceNote: z.string().nullable(),
  ...Stamps,
});

// Keys in jsonb's own order (shorter keys first), so a record read back compares equal to its input.
export const ReportedFigure = z
  .object({
    noun: z.string().min(1).max(100).describe('What it counts, e.g. "countries".'),
    value: z.number().int().min(0).describe('The figure as the agency reports it, e.g. 17.'),
    countedAs: z.string().min(1).max(500).describe('How the agency counts it, in one sentence.'),
  })
  .strict();

export const ProgramInput = z.object({
  slug: Slug,
  name: Name,
  nativeName: opt(Name),
  kind: z.enum(PROGRAM_KINDS),
  status: z.enum(PROGRAM_STATUSES).optional(),
  missionId: opt(Uuid),
  agencyId: opt(Uuid),
  startedOn: opt(IsoDate),
  summary: opt(LongText),
  budgetSummary: opt(LongText).describe('What partners get, in words, e.g. "200 kg on the lander".'),
  reportedFigures: z
    .array(ReportedFigure)
    .max(8)
    .optional()
    .describe('The headline figures the agency reports (the portal shows them first, beside what the registry records).'),
  ...confidenceFields,
});
export const Program = ProgramInput.extend({
  id: Uuid,
  nativeName: Name.nullable(),
  status: z.enum(PROGRAM_STATUSES),
  missionId: Uuid.nullable(),
  agencyId: Uuid.nullable(),
  startedOn: z.string().nullable(),
  summary: z.string().nullable(),
  budgetSummary: z.string().nullable(),
  reportedFigures: z.array(ReportedFigure),
  confidence: z.enum(CONFIDENCES),
  confidenceNote: z.string().nullable(),
  ...Stamps,
});

export const PartnershipInput = z.object({
  programId: Uuid,
  countryCode: opt(CountryCode),
  organisationId: opt(Uuid),
  institutionId: opt(Uuid),
  kind: z.enum(PARTNERSHIP_KINDS),
  joinedOn: opt(IsoDate),
  note: opt(LongText),
  ...confidenceFields,
});
export const Partnership = PartnershipInput.extend({
  id: Uuid,
  countryCode: CountryCode.nullable(),
  organisationId: Uuid.nullable(),
  institutionId: Uuid.nullable(),
  joinedOn: z.string().nullable(),
  note: z.string().nullable(),
  confidence: z.enum(CONFIDENCES),
  confidenceNote: z.string().nullable(),
  ...Stamps,
});

export const Participant = z.object({ institutionId: Uuid, role: z.enum(PARTICIPANT_ROLES) });
export const ProjectInput = z.object({
  programId: Uuid,
  title: Name,
  level: z.enum(PROJECT_LEVELS),
  status: z.enum(PROJECT_STATUSES),
  hostModuleId: opt(Uuid),
  massG: opt(Grams),
  announcedOn: opt(IsoDate),
  summary: opt(LongText),
  participants: z.array(Participant).max(100).optional().describe('Institutions in the project; exactly one lead.'),
  ...confidenceFields,
});
export const Project = ProjectInput.extend({
  id: Uuid,
  hostModuleId: Uuid.nullable(),
  massG: z.number().int().nullable(),
  announcedOn: z.string().nullable(),
  summary: z.string().nullable(),
  participants: z.array(Participant),
  confidence: z.enum(CONFIDENCES),
  confidenceNote: z.string().nullable(),
  ...Stamps,
});

export type CountryInput = z.infer<typeof CountryInput>;
export type InstitutionInput = z.infer<typeof InstitutionInput>;
export type PersonInput = z.infer<typeof PersonInput>;
export type MissionInput = z.infer<typeof MissionInput>;
export type HostModuleInput = z.infer<typeof HostModuleInput>;
export type ProjectInput = z.infer<typeof ProjectInput>;
export type PartnershipInput = z.infer<typeof PartnershipInput>;
