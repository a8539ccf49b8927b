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
import { Slug, Uuid } from './common.js';
import { ReportedFigure } from './registry.js';

// Read-only shapes of the public portal. Each page is one response: the record, its neighbours as
// small references (enough to render a link), and the counts the agency reports. Archived records
// never appear.

const NativeName = z.string().nullable().describe('The name in its own script (e.g. 大阪大学, Роскосмос), when known.');
const Note = z.string().nullable();
const IsoDay = z.string().nullable().describe('Calendar date, YYYY-MM-DD, when known.');
const Count = z.number().int().min(0);
const fact = {
  confidence: z.enum(CONFIDENCES).describe('"unconfirmed" marks a fact the sources disagree on.'),
  confidenceNote: Note.describe('Why the fact is unconfirmed, or its source.'),
};

export const CountryRef = z.object({
  code: z.string().describe('ISO 3166-1 alpha-2 code, e.g. "HK".'),
  name: z.string().describe('English name.'),
  nativeName: NativeName,
  kind: z.enum(COUNTRY_KINDS).describe('"region" for e.g. Hong Kong, which the agency counts on its own.'),
});

export const OrganisationRef = z.object({
  id: Uuid,
  slug: Slug,
  acronym: z.string().describe('Short name, e.g. "APSCO".'),
  name: z.string(),
  nativeName: NativeName,
  kind: z.enum(ORGANISATION_KINDS),
});

export const InstitutionRef = z.object({
  id: Uuid,
  slug: Slug,
  name: z.string().describe('English name.'),
  nativeName: NativeName,
  acronym: z.string().nullable(),
  kind: z.enum(INSTITUTION_KINDS),
  country: CountryRef.nullable().describe('Home country or region; null when the home is an international organisation.'),
  organisation: OrganisationRef.nullable().describe('Home international organisation; null when the home is a country.'),
});

export const MissionRef = z.object({
  id: Uuid,
  slug: Slug,
  name: z.string(),
  nativeName: NativeName,
  targetBody: z.enum(TARGET_BODIES),
  launchDate: IsoDay,
  launchYear: z.number().int().nullable().describe('Year of launch (planned or actual); null when not announced.'),
  status: z.enum(MISSION_STATUSES),
  ...fact,
});

export const ProgramRef = z.object({
  id: Uuid,
  slug: Slug,
  name: z.string(),
  nativeName: NativeName,
  kind: z.enum(PROGRAM_KINDS),
  status: z
    .enum(PROGRAM_STATUSES)
    .describe('"open" while one of its published calls is inside its window (derived from the calls, not stored).'),
  mission: z
    .object({ slug: Slug, name: z.string(), nativeName: NativeName })
    .nullable()
    .describe('The mission the program serves, if any.'),
  ...fact,
});

export const PartnerCounts = z
  .object({
    projects: Count.describe('Projects (archived ones left out).'),
    countriesAndRegions: Count.describe(
      'Distinct countries and regions of the participating institutions (an institution counts toward its countryCode).',
    ),
    regions: Count.describe('Of those, how many are regions (e.g. Hong Kong).'),
    organisations: Count.describe(
      'Distinct international organisations of the participating institutions (an institution counts toward its organisationId).',
    ),
    institutions: Count.describe('Distinct participating institutions.'),
  })
  .describe('The counts the agency reports, e.g. "10 projects from 11 countries and regions and 1 international organisation".');

export const Participant = z.object({
  role: z.enum(PARTICIPANT_ROLES),
  institution: InstitutionRef,
});

export const PortalProject = z.object({
  id: Uuid,
  title: z.string(),
  level: z.enum(PROJECT_LEVELS).describe('Mission, system (a separate rover or robot), instrument, experiment, sample loan…'),
  status: z.enum(PROJECT_STATUSES),
  massG: z.number().int().nullable().describe('Mass on the host, grams.'),
  announcedOn: IsoDay,
  summary: Note,
  hostModule: z.object({ id: Uuid, name: z.string(), kind: z.enum(HOST_MODULE_KINDS) }).nullable(),
  program: z.object({ slug: Slug, name: z.string(), nativeName: NativeName }),
  participants: z.array(Participant).describe('The lead first, then partners, by name.'),
  ...fact,
});

export const PortalPartnership = z
  .object({
    id: Uuid,
    kind: z.enum(PARTNERSHIP_KINDS),
    joinedOn: IsoDay,
    note: Note,
    program: z.object({ slug: Slug, name: z.string(), nativeName: NativeName }),
    country: CountryRef.nullable(),
    organisation: OrganisationRef.nullable(),
    institution: InstitutionRef.nullable(),
    ...fact,
  })
  .describe('A partner of a program: exactly one of country, organisation or institution is set.');

export const PartnershipCounts = z.object({
  total: Count.describe('Partnerships of the program, e.g. ILRS members and institutional MoUs.'),
  countriesAndRegions: Count.describe('Distinct countries and regions among the partners (directly or through an institution).'),
  organisations: Count.describe('Distinct international organisations among the partners (directly or through an institution).'),
  institutions: Count.describe('Partnerships signed by an institution.'),
});

// ---- Summary (home page) ----

export const PartnerCountry = CountryRef.extend({
  institutions: Count.describe('Institutions based there that take part in a project or partnership.'),
  projects: Count.describe('Projects with at least one participant institution from there.'),
  programs: Count.describe('Programs it takes part in, through projects or partnerships.'),
});

export const PartnerOrganisation = OrganisationRef.extend({
  institutions: Count.describe('Institutions of the organisation that take part in a project or partnership.'),
  projects: Count,
  programs: Count,
});

export const OpenOpportunity = ProgramRef.extend({
  summary: Note,
  budgetSummary: Note.describe('What partners get, in words, e.g. "20 kg for partner payloads".'),
});

export const PortalSummary = z.object({
  timeline: z
    .array(
      z.object({
        year: z.number().int().nullable().describe('Launch year; null for "not announced".'),
        missions: z.array(MissionRef),
      }),
    )
    .describe('Missions grouped by launch year, earliest first; missions without a year last.'),
  openOpportunities: z.array(OpenOpportunity).describe('Programs with a published call inside its window now.'),
  countries: z.array(PartnerCountry).describe('Partner countries and regions, by name.'),
  organisations: z.array(PartnerOrganisation).describe('Partner international organisations, by name.'),
  totals: z.object({
    missions: Count,
    programs: Count,
    openPrograms: Count,
    projects: Count,
    countriesAndRegions: Count.describe('Partner countries and regions (the length of `countries`).'),
    organisations: Count.describe('Partner international organisations.'),
    institutions: Count.describe('Institutions taking part in a project or partnership.'),
  }),
});

// ---- Lists ----

export const ProgramListItem = ProgramRef.extend({
  summary: Note,
  counts: PartnerCounts,
  partnerships: Count.describe('Number of partnerships (e.g. ILRS members).'),
});
export const ProgramList = z.object({ items: z.array(ProgramListItem) });

export const CountryList = z.object({
  countries: z.array(PartnerCountry),
  organisations: z.array(PartnerOrganisation),
});

// ---- Pages ----

export const PortalHostModule = z.object({
  id: Uuid,
  kind: z.enum(HOST_MODULE_KINDS),
  name: z.string(),
  poolMassG: z.number().int().nullable().describe('Mass the module offers partners in all, grams.'),
  poolPowerMw: z.number().int().nullable().describe('Power offered in all, milliwatts.'),
  poolDataMbPerDay: z.number().int().nullable().describe('Data volume per day, megabytes.'),
  itemMaxMassG: z.number().int().nullable().describe('Per-item mass limit, grams.'),
  itemMaxAvgPowerMw: z.number().int().nullable().describe('Per-item average power limit, milliwatts.'),
  itemMaxPeakPowerMw: z.number().int().nullable().describe('Per-item peak power limit, milliwatts.'),
  itemMaxLengthMm: z.number().int().nullable(),
  itemMaxWidthMm: z.number().int().nullable(),
  itemMaxHeightMm: z.number().int().nullable(),
  itemMinTempC: z.number().int().nullable().describe('Lowest operating temperature per item, °C.'),
  itemMaxTempC: z.number().int().nullable().describe('Highest operating temperature per item, °C.'),
  mounting: z.enum(MOUNTINGS),
  note: Note,
  ...fact,
});

export const PortalSampleCollection = z.object({
  id: Uuid,
  slug: Slug,
  name: z.string(),
  returnedMassMg: z.number().int().describe('Mass returned to Earth, milligrams.'),
  returnedOn: IsoDay,
  sampleTypes: z.array(z.string()),
  note: Note,
  ...fact,
});

export const MissionPage = z.object({
  mission: MissionRef.extend({ summary: Note, agency: InstitutionRef.nullable() }),
  hostModules: z.array(PortalHostModule).describe('Where partner payloads ride, with pools and per-item limits.'),
  sampleCollections: z.array(PortalSampleCollection),
  programs: z.array(ProgramRef.extend({ projects: Count })),
});

export const ProgramPage = z.object({
  program: ProgramRef.extend({
    startedOn: IsoDay,
    summary: Note,
    budgetSummary: Note,
    agency: InstitutionRef.nullable(),
    reportedFigures: z
      .array(ReportedFigure)
      .describe('The headline figures the agency reports, with how it counts them; counts below are what the registry records.'),
  }),
  counts: PartnerCounts,
  countries: z.array(CountryRef).describe('The countries and regions counted in counts.countriesAndRegions.'),
  organisations: z.array(OrganisationRef).describe('The international organisations counted in counts.organisations.'),
  projects: z.array(PortalProject),
  partnerships: z.array(PortalPartnership),
  partnershipCounts: PartnershipCounts,
});

export const InstitutionPage = z.object({
  institution: InstitutionRef.extend({ rorId: z.string().nullable(), website: z.string().nullable() }),
  projects: z.array(PortalProject),
  programs: z.array(ProgramRef).describe('Programs it takes part in, through projects or partnerships.'),
  partnerships: z.array(PortalPartnership),
});

export const CountryPage = z.object({
  country: CountryRef.extend({ sovereign: CountryRef.nullable().describe('For a region, the country it belongs to.') }),
  institutions: z.array(InstitutionRef.extend({ projects: Count })),
  projects: z.array(PortalProject).describe('Projects with a participant institution from this country or region.'),
  partnerships: z.array(PortalPartnership).describe('Partnerships of the country itself or of its institutions.'),
  programs: z.array(ProgramRef).describe('Programs it takes part in, through projects or partnerships.'),
});

export type CountryRef = z.infer<typeof CountryRef>;
export type OrganisationRef = z.infer<typeof OrganisationRef>;
export type InstitutionRef = z.infer<typeof InstitutionRef>;
export type MissionRef = z.infer<typeof MissionRef>;
export type ProgramRef = z.infer<typeof ProgramRef>;
export type PartnerCounts = z.infer<typeof PartnerCounts>;
export type PortalProject = z.infer<typeof PortalProject>;
export type PortalPartnership = z.infer<typeof PortalPartnership>;
export type PartnershipCounts = z.infer<typeof PartnershipCounts>;
export type PartnerCountry = z.infer<typeof PartnerCountry>;
export type PartnerOrganisation = z.infer<typeof PartnerOrganisation>;
export type OpenOpportunity = z.infer<typeof OpenOpportunity>;
export type PortalSummary = z.infer<typeof PortalSummary>;
export type ProgramListItem = z.infer<typeof ProgramListItem>;
export type ProgramList = z.infer<typeof ProgramList>;
export type CountryList = z.infer<typeof CountryList>;
export type PortalHostModule = z.infer<typeof PortalHostModule>;
export type PortalSampleCollection = z.infer<typeof PortalSampleCollection>;
export type MissionPage = z.infer<typeof MissionPage>;
export type ProgramPage = z.infer<typeof ProgramPage>;
export type InstitutionPage = z.infer<typeof InstitutionPage>;
export type CountryPage = z.infer<typeof CountryPage>;

// ---- Lists of missions and institutions (issue 11 item 3) ----

export const MissionListItem = MissionRef.extend({
  agency: z.object({ slug: Slug, name: z.string(), nativeName: NativeName }).nullable(),
  programs: Count.describe('Programs serving the mission.'),
  projects: Count.describe('Projects in those programs.'),
});
export const MissionList = z.object({ items: z.array(MissionListItem) });

export const InstitutionListItem = InstitutionRef.extend({
  projects: Count.describe('Projects it takes part in.'),
  partnerships: Count.describe('Partnerships it signed.'),
  programs: Count.describe('Programs it takes part in, through projects or partnerships.'),
});
export const InstitutionList = z.object({ items: z.array(InstitutionListItem) });

/** `?format=csv` answers a CSV file and `?format=json` the JSON as a download; without it, plain JSON. */
export const ListFormat = z.object({
  format: z
    .enum(['json', 'csv'])
    .optional()
    .describe('"csv": a CSV file (text/csv, UTF-8, one row per item); "json": the same JSON as a download.'),
});

export type MissionListItem = z.infer<typeof MissionListItem>;
export type MissionList = z.infer<typeof MissionList>;
export type InstitutionListItem = z.infer<typeof InstitutionListItem>;
export type InstitutionList = z.infer<typeof InstitutionList>;

// ---- Search across the registry, calls and results ----

export const SEARCH_KINDS = [
  'program',
  'mission',
  'institution',
  'country',
  'organisation',
  'project',
  'call',
  'result',
  'sample_collection',
] as const;
export const SearchQuery = ListFormat.extend({
  q: z.string().trim().min(1).max(100).describe('Words to look for in names, titles and summaries (any case).'),
});
export const SearchHit = z.object({
  kind: z.enum(SEARCH_KINDS).describe('"result": a decided call; "call": a published or closed one.'),
  title: z.string(),
  nativeTitle: NativeName,
  path: z.string().describe('Where the portal shows it, e.g. "/programs/ilrs".'),
  snippet: Note.describe('The summary it matched in, when the match is not in the title.'),
  score: z.number().int().describe('Higher first: the whole title, then its start, then a word in it, then the summary.'),
});
export const SearchResults = z.object({ query: z.string(), items: z.array(SearchHit).describe('At most 50, best first.') });
export type SearchHit = z.infer<typeof SearchHit>;
export type SearchResults = z.infer<typeof SearchResults>;

// ---- Statistics (partner map and charts) ----

export const RoundStatistics = z.object({
  slug: Slug,
  title: z.string(),
  year: z.number().int().describe('Year the call opened.'),
  program: z.object({ slug: Slug, name: z.string(), nativeName: NativeName }),
  applications: Count.describe('Applications submitted (drafts and withdrawn ones left out).'),
  countries: Count.describe('Distinct countries and regions of the lead applicants.'),
  selected: Count.nullable().describe(
    'Selected or conditionally selected; null until the call is decided (results are public then).',
  ),
});
export const CountryStatistics = CountryRef.extend({
  applications: Count,
  selected: Count.describe('Selections in decided calls only.'),
});
export const PortalStatistics = z.object({
  rounds: z.array(RoundStatistics).describe('Calls that have been published, oldest first.'),
  countries: z.array(CountryStatistics).describe('Countries and regions of lead applicants, most applications first.'),
});
export type RoundStatistics = z.infer<typeof RoundStatistics>;
export type CountryStatistics = z.infer<typeof CountryStatistics>;
export type PortalStatistics = z.infer<typeof PortalStatistics>;
