// The headline an agency publishes with a call's results ("7 institutions from 6 countries"; "10
// projects from 11 countries and regions and 1 international organisation"; "9 projects from 17
// countries, 3 conditional"), computed from the decided set. Pure: no I/O.

/** Where a participating institution belongs: a country, a region (Hong Kong, Macao, Taiwan), or an international organisation. */
export type Home = { kind: 'country'; code: string } | { kind: 'region'; code: string } | { kind: 'organisation'; id: string };

export interface ResultEntry {
  outcome: 'selected' | 'conditional';
  /** The lead institution first, then the partners. */
  institutions: { id: string; home: Home }[];
}

/**
 * Sample loans are announced by institution (the approved applicants, i.e. the leads); payload and
 * experiment calls by project, counting every participating institution's home.
 */
export type HeadlineUnit = 'institutions' | 'projects';

export interface HeadlineCounts {
  unit: HeadlineUnit;
  projects: number;
  institutions: number;
  countries: number;
  regions: number;
  organisations: number;
  conditional: number;
}

export function countResults(unit: HeadlineUnit, entries: readonly ResultEntry[]): HeadlineCounts {
  const counted = entries.flatMap((e) => (unit === 'institutions' ? e.institutions.slice(0, 1) : e.institutions));
  const institutions = new Set(counted.map((i) => i.id));
  const countries = new Set<string>();
  const regions = new Set<string>();
  const organisations = new Set<string>();
  for (const { home } of counted) {
    if (home.kind === 'country') countries.add(home.code);
    else if (home.kind === 'region') regions.add(home.code);
    else organisations.add(home.id);
  }
  return {
    unit,
    projects: entries.length,
    institutions: institutions.size,
    countries: countries.size,
    regions: regions.size,
    organisations: organisations.size,
    conditional: entries.filter((e) => e.outcome === 'conditional').length,
  };
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function englishHeadline(c: HeadlineCounts): string {
  const subject =
    c.unit === 'institutions' ? plural(c.institutions, 'institution', 'institutions') : plural(c.projects, 'project', 'projects');
  const places = c.countries + c.regions;
  const sources: string[] = [];
  if (places > 0)
    sources.push(
      c.regions > 0 ? plural(places, 'country or region', 'countries and regions') : plural(places, 'country', 'countries'),
    );
  if (c.organisations > 0) sources.push(plural(c.organisations, 'international organisation', 'international organisations'));
  const from = sources.length ? ` from ${sources.join(' and ')}` : '';
  const conditional = c.conditional > 0 ? `, ${c.conditional} conditional` : '';
  return `${subject}${from}${conditional}`;
}

function chineseHeadline(c: HeadlineCounts): string {
  const subject = c.unit === 'institutions' ? `${c.institutions}家机构` : `${c.projects}个项目`;
  const places = c.countries + c.regions;
  const sources: string[] = [];
  if (places > 0) sources.push(c.regions > 0 ? `${places}个国家和地区` : `${places}个国家`);
  if (c.organisations > 0) sources.push(`${c.organisations}个国际组织`);
  const from = sources.length ? `，来自${sources.join('及')}` : '';
  const conditional = c.conditional > 0 ? `，其中${c.conditional}个为有条件入选` : '';
  return `${subject}${from}${conditional}`;
}

export function headlineText(counts: HeadlineCounts, locale: 'en' | 'zh'): string {
  return locale === 'zh' ? chineseHeadline(counts) : englishHeadline(counts);
}
