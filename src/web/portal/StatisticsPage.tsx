import { useEffect, useState } from 'react';
import type { CountryList, PortalStatistics, ProgramList } from '../../contracts/portal.js';
import { portalApi, request } from '../api.js';
import { BarChart } from '../components/BarChart.js';
import { Loaded } from '../components/PageState.js';
import { CountryLink } from '../components/PartnerLinks.js';
import { useLoad } from '../use-load.js';
import { useTitle } from '../use-title.js';
import { countryName, formatNumber, plainName, usePortalT } from './localise.js';
import { type Column, SortableTable } from './SortableTable.js';
import { type CountryShape, MAP_HEIGHT, MAP_WIDTH, worldShapes } from './world-map.js';

type Data = { partners: CountryList; programs: ProgramList; stats: PortalStatistics };

/** /statistics: the partner map (with its table), partners by program, applications and selections. */
export function StatisticsPage() {
  const { t } = usePortalT();
  useTitle(t('stats.title'));
  const load = useLoad(async (signal): Promise<Data> => {
    const [partners, programs, stats] = await Promise.all([
      portalApi.countries(signal),
      portalApi.programs(signal),
      request<PortalStatistics>('GET', '/api/portal/statistics', undefined, signal),
    ]);
    return { partners, programs, stats };
  }, 'statistics');
  return (
    <Loaded load={load} what={t('notFound.page')}>
      {(data) => <Statistics data={data} />}
    </Loaded>
  );
}

/** Involvement = projects + programs; the colour steps. */
const STEPS = [1, 2, 4, 8];
const stepOf = (n: number) => STEPS.filter((s) => n >= s).length; // 0 … 4

function Statistics({ data }: { data: Data }) {
  const { t } = usePortalT();
  const involvement = new Map(data.partners.countries.map((c) => [c.code, c.projects + c.programs]));
  const partnerColumns: Column<CountryList['countries'][number]>[] = [
    {
      key: 'name',
      header: t('countries.countryOrRegion'),
      sortValue: (c) => countryName(c).name,
      cell: (c) => <CountryLink country={c} />,
    },
    {
      key: 'institutions',
      header: t('common.institutions'),
      numeric: true,
      sortValue: (c) => c.institutions,
      cell: (c) => formatNumber(c.institutions),
    },
    {
      key: 'projects',
      header: t('common.projects'),
      numeric: true,
      sortValue: (c) => c.projects,
      cell: (c) => formatNumber(c.projects),
    },
    {
      key: 'programs',
      header: t('common.programs'),
      numeric: true,
      sortValue: (c) => c.programs,
      cell: (c) => formatNumber(c.programs),
    },
  ];
  const rounds = data.stats.rounds;
  return (
    <article data-testid="statistics-page">
      <h1>{t('stats.title')}</h1>
      <section aria-labelledby="map-heading">
        <h2 id="map-heading">{t('stats.map')}</h2>
        <PartnerMap involvement={involvement} />
        <p className="muted">{t('stats.mapTable')}</p>
        <SortableTable
          rows={data.partners.countries}
          columns={partnerColumns}
          rowKey={(c) => c.code}
          label={t('stats.mapTableLabel')}
          initial={{ key: 'projects', direction: 'descending' }}
          testId="map-table"
        />
      </section>
      <section aria-labelledby="by-program-heading">
        <h2 id="by-program-heading">{t('stats.byProgram')}</h2>
        <BarChart
          label={t('stats.byProgram')}
          testId="chart-programs"
          bars={data.programs.items.map((p) => ({
            key: p.slug,
            label: plainName(p),
            value: p.counts.countriesAndRegions + p.counts.organisations,
            text: t('stats.partnersText', {
              countries: formatNumber(p.counts.countriesAndRegions),
              organisations: formatNumber(p.counts.organisations),
              institutions: formatNumber(p.counts.institutions),
            }),
          }))}
        />
      </section>
      <section aria-labelledby="rounds-heading">
        <h2 id="rounds-heading">{t('stats.rounds')}</h2>
        {rounds.length === 0 ? (
          <p className="muted">{t('stats.noRounds')}</p>
        ) : (
          <BarChart
            label={t('stats.rounds')}
            testId="chart-rounds"
            bars={rounds.map((r) => ({
              key: r.slug,
              label: `${r.year} · ${r.title}`,
              value: r.applications,
              text:
                r.selected == null
                  ? t('stats.roundOpen', { applications: formatNumber(r.applications), countries: formatNumber(r.countries) })
                  : t('stats.roundDecided', {
                      applications: formatNumber(r.applications),
                      countries: formatNumber(r.countries),
                      selected: formatNumber(r.selected),
                    }),
            }))}
          />
        )}
      </section>
      <section aria-labelledby="by-country-heading">
        <h2 id="by-country-heading">{t('stats.byCountry')}</h2>
        {data.stats.countries.length === 0 ? (
          <p className="muted">{t('stats.noRounds')}</p>
        ) : (
          <BarChart
            label={t('stats.byCountry')}
            testId="chart-countries"
            bars={data.stats.countries.map((c) => ({
              key: c.code,
              label: countryName(c).name,
              value: c.applications,
              text: t('stats.countryText', { applications: formatNumber(c.applications), selected: formatNumber(c.selected) }),
            }))}
          />
        )}
      </section>
    </article>
  );
}

/** The world map: an SVG image whose text alternative is the table below it. */
function PartnerMap({ involvement }: { involvement: Map<string, number> }) {
  const { t } = usePortalT();
  const [shapes, setShapes] = useState<CountryShape[] | null>(null);
  useEffect(() => {
    let live = true;
    void worldShapes().then((s) => {
      if (live) setShapes(s);
    });
    return () => {
      live = false;
    };
  }, []);
  const coloured = shapes?.filter((s) => s.code && (involvement.get(s.code) ?? 0) > 0).length ?? 0;
  return (
    <figure className="partner-map" data-testid="partner-map">
      <svg viewBox={`0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`} role="img" aria-labelledby="map-title map-desc">
        <title id="map-title">{t('stats.map')}</title>
        <desc id="map-desc">{t('stats.mapDesc', { count: coloured })}</desc>
        {shapes?.map((s, i) => (
          <path
            // biome-ignore lint/suspicious/noArrayIndexKey: the atlas's features, in its fixed order
            key={i}
            d={s.d}
            className={`map-country map-step-${stepOf(s.code ? (involvement.get(s.code) ?? 0) : 0)}`}
            data-code={s.code}
          />
        ))}
      </svg>
      <figcaption>
        <ul className="map-legend" aria-label={t('stats.legend')}>
          {[0, 1, 2, 3, 4].map((step) => (
            <li key={step}>
              <span className={`map-swatch map-step-${step}`} aria-hidden="true" /> {t(`stats.step${step}`)}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
