import type {
  CountryList,
  InstitutionListItem,
  MissionListItem,
  PartnerCountry,
  PartnerOrganisation,
  ProgramListItem,
  SearchHit,
} from '../../contracts/portal.js';
import type { CsvColumns } from '../present-list.js';

// The columns of the portal's CSV downloads: flat, with codes and slugs a script can join on, and
// the native-script names beside the English ones.

export const PROGRAM_COLUMNS: CsvColumns<ProgramListItem> = {
  slug: (p) => p.slug,
  name: (p) => p.name,
  native_name: (p) => p.nativeName,
  kind: (p) => p.kind,
  status: (p) => p.status,
  mission: (p) => p.mission?.slug,
  projects: (p) => p.counts.projects,
  countries_and_regions: (p) => p.counts.countriesAndRegions,
  organisations: (p) => p.counts.organisations,
  institutions: (p) => p.counts.institutions,
  partnerships: (p) => p.partnerships,
  confidence: (p) => p.confidence,
};

export const MISSION_COLUMNS: CsvColumns<MissionListItem> = {
  slug: (m) => m.slug,
  name: (m) => m.name,
  native_name: (m) => m.nativeName,
  target_body: (m) => m.targetBody,
  status: (m) => m.status,
  launch_date: (m) => m.launchDate,
  launch_year: (m) => m.launchYear,
  agency: (m) => m.agency?.slug,
  programs: (m) => m.programs,
  projects: (m) => m.projects,
  confidence: (m) => m.confidence,
};

export const INSTITUTION_COLUMNS: CsvColumns<InstitutionListItem> = {
  slug: (i) => i.slug,
  name: (i) => i.name,
  native_name: (i) => i.nativeName,
  acronym: (i) => i.acronym,
  kind: (i) => i.kind,
  country_code: (i) => i.country?.code,
  organisation: (i) => i.organisation?.acronym,
  projects: (i) => i.projects,
  partnerships: (i) => i.partnerships,
  programs: (i) => i.programs,
};

type PartnerRow = {
  partner: 'country' | 'region' | 'organisation';
  code: string;
  name: string;
  nativeName: string | null;
} & Pick<PartnerCountry | PartnerOrganisation, 'institutions' | 'projects' | 'programs'>;

export function partnerRows(list: CountryList): PartnerRow[] {
  return [
    ...list.countries.map((c) => ({ ...c, partner: c.kind })),
    ...list.organisations.map((o) => ({ ...o, code: o.acronym, partner: 'organisation' as const })),
  ];
}

export const PARTNER_COLUMNS: CsvColumns<PartnerRow> = {
  partner: (r) => r.partner,
  code: (r) => r.code,
  name: (r) => r.name,
  native_name: (r) => r.nativeName,
  institutions: (r) => r.institutions,
  projects: (r) => r.projects,
  programs: (r) => r.programs,
};

export const SEARCH_COLUMNS: CsvColumns<SearchHit> = {
  kind: (h) => h.kind,
  title: (h) => h.title,
  native_title: (h) => h.nativeTitle,
  path: (h) => h.path,
  score: (h) => h.score,
};
