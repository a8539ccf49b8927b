import type { CountryRef, OrganisationRef, PartnerCounts, PortalPartnership, PortalProject } from '../../contracts/portal.js';

/**
 * The counting rule the agency uses when it reports a selection ("10 projects from 11 countries and
 * regions and 1 international organisation"): each participating institution counts toward its
 * country or region when it has one, and toward its international organisation when it has one.
 */
export function countPartners(projects: PortalProject[]): {
  counts: PartnerCounts;
  countries: CountryRef[];
  organisations: OrganisationRef[];
} {
  const countries = new Map<string, CountryRef>();
  const organisations = new Map<string, OrganisationRef>();
  const institutions = new Set<string>();
  for (const project of projects) {
    for (const { institution } of project.participants) {
      institutions.add(institution.id);
      if (institution.country) countries.set(institution.country.code, institution.country);
      if (institution.organisation) organisations.set(institution.organisation.id, institution.organisation);
    }
  }
  const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name);
  const countryList = [...countries.values()].sort(byName);
  return {
    counts: {
      projects: projects.length,
      countriesAndRegions: countryList.length,
      regions: countryList.filter((c) => c.kind === 'region').length,
      organisations: organisations.size,
      institutions: institutions.size,
    },
    countries: countryList,
    organisations: [...organisations.values()].sort(byName),
  };
}

/** Partners of a program by kind; a partner institution counts toward its country or organisation. */
export function countPartnerships(partnerships: PortalPartnership[]) {
  const countries = new Set<string>();
  const organisations = new Set<string>();
  let institutions = 0;
  for (const p of partnerships) {
    const country = p.country ?? p.institution?.country;
    const organisation = p.organisation ?? p.institution?.organisation;
    if (country) countries.add(country.code);
    if (organisation) organisations.add(organisation.id);
    if (p.institution) institutions += 1;
  }
  return { total: partnerships.length, countriesAndRegions: countries.size, organisations: organisations.size, institutions };
}
