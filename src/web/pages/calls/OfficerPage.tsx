import { useState } from 'react';
import { APPLICATION_STATUSES, CHECK_RESULTS } from '../../../domain/calls/vocabulary.js';
import { type CallDetail, type CallStats, callsApi } from '../../calls-api.js';
import { countryName, mass, mg } from '../../calls-format.js';
import { formatInZone, syncClock } from '../../clock.js';
import { BarChart, DemandChart } from '../../components/BarChart.js';
import { Loaded } from '../../components/PageState.js';
import { RequireAccount } from '../../components/RequireAccount.js';
import { label } from '../../format.js';
import { useT } from '../../i18n/index.js';
import { CallLettersSection } from '../../results/CallLettersSection.js';
import { Link } from '../../router.js';
import { useLoad, useLoadedState } from '../../use-load.js';
import { useTitle } from '../../use-title.js';
import { ApplicationsTable } from './OfficerTable.js';

/** Applications received by a call: for its program officers and selection officials, and administrators. */
export function OfficerPage({ slug }: { slug: string }) {
  return <RequireAccount>{() => <OfficerLoader slug={slug} />}</RequireAccount>;
}

function OfficerLoader({ slug }: { slug: string }) {
  const { t } = useT('calls');
  const load = useLoad(async (signal) => {
    const call = await callsApi.one(slug, signal);
    syncClock(call.serverNow);
    const stats = await callsApi.stats(call.id, signal);
    return { call, stats };
  }, slug);
  useTitle(load.state === 'ready' ? t('officer.titleOf', { call: load.data.call.title }) : t('officer.title'));
  return (
    <Loaded load={load} what={t('officer.what')}>
      {({ call, stats }) => <Officer call={call} stats={stats} />}
    </Loaded>
  );
}

function Officer({ call, stats }: { call: CallDetail; stats: CallStats }) {
  const { t } = useT('calls');
  const [filters, setFilters] = useState({ country: '', status: '', check: '' });
  const key = `${call.id}?${filters.country}&${filters.status}&${filters.check}`;
  const rows = useLoadedState((signal) => callsApi.applications(call.id, filters, signal), key);
  const countries = stats.byCountry.map((c) => c.countryCode).filter((c): c is string => !!c);
  const set = (name: keyof typeof filters) => (e: { target: { value: string } }) =>
    setFilters((f) => ({ ...f, [name]: e.target.value }));
  const demand = [
    ...stats.sampleOffers.map((o) => ({
      key: o.offerId,
      label: `${label(o.sampleType)} · ${o.collectionName}`,
      offered: o.offeredMg,
      reserve: o.reserveMg,
      requested: o.requestedMg,
      requests: o.requests,
      format: mg,
    })),
    ...stats.moduleOffers.map((o) => ({
      key: o.offerId,
      label: o.hostModuleName,
      offered: o.offeredMassG,
      reserve: 0,
      requested: o.requestedMassG,
      requests: o.requests,
      format: (g: number) => mass(g),
    })),
  ];
  const exportQuery = new URLSearchParams(Object.entries(filters).filter(([, v]) => v)).toString();
  const exportUrl = (format: 'csv' | 'json') => `${callsApi.exportUrl(call.id, format)}${exportQuery ? `&${exportQuery}` : ''}`;

  return (
    <article data-testid="officer-page">
      <nav aria-label={t('call.breadcrumb')} className="breadcrumb">
        <Link to="/staff/calls">{t('officer.myCalls')}</Link> / <Link to={`/calls/${call.slug}`}>{call.title}</Link> /
      </nav>
      <h1>{t('officer.received')}</h1>
      <p>
        <Link to={`/staff/calls/${call.id}/review`} data-testid="review-board-link">
          {t('officer.review')}
        </Link>{' '}
        ·{' '}
        <Link to={`/staff/calls/${call.id}/selection`} data-testid="selection-board-link">
          {t('officer.selection')}
        </Link>
      </p>
      <CallLettersSection callId={call.id} />
      <p className="lead">
        {t(stats.stage === 'letter_of_intent' ? 'officer.countedLoi' : 'officer.counted', { count: stats.applications })}{' '}
        {call.stages === 2 ? `${t('officer.bothStages')} ` : ''}
        {t('officer.deadline', { at: formatInZone(call.closesAt, call.timeZone) })}
      </p>

      <div className="officer-charts">
        <section aria-labelledby="countries-heading" className="panel">
          <h2 id="countries-heading">{t('officer.byCountry')}</h2>
          {stats.byCountry.length === 0 ? (
            <p className="muted">{t('officer.noneSubmitted')}</p>
          ) : (
            <BarChart
              label={t('officer.countryChart')}
              testId="country-chart"
              bars={stats.byCountry
                .slice()
                .sort((a, b) => b.applications - a.applications)
                .map((c) => ({
                  key: c.countryCode ?? 'intl',
                  label: c.countryCode ? countryName(c.countryCode) : t('officer.international'),
                  value: c.applications,
                  text: t('officer.led', { count: c.applications, leads: c.leads }),
                }))}
            />
          )}
        </section>
        <section aria-labelledby="demand-heading" className="panel">
          <h2 id="demand-heading">{t('officer.demand')}</h2>
          <p className="legend" aria-hidden="true">
            <span className="legend__key legend__key--requested" /> {t('officer.legendRequested')}{' '}
            <span className="legend__key legend__key--offered" /> {t('officer.legendOffered')}{' '}
            <span className="legend__key legend__key--reserve" /> {t('officer.legendReserve')}
          </p>
          {demand.length === 0 ? (
            <p className="muted">{t('officer.noOffers')}</p>
          ) : (
            <DemandChart rows={demand} testId="demand-chart" />
          )}
        </section>
      </div>

      <section aria-labelledby="table-heading">
        <div className="section-head">
          <h2 id="table-heading">{t('officer.applications')}</h2>
          <p className="export">
            {t('officer.export')}{' '}
            <a href={exportUrl('csv')} data-testid="export-csv">
              CSV
            </a>{' '}
            ·{' '}
            <a href={exportUrl('json')} data-testid="export-json">
              JSON
            </a>
          </p>
        </div>
        <fieldset className="filters">
          <legend className="visually-hidden">{t('officer.filters')}</legend>
          <label className="filter">
            <span className="field__label">{t('officer.leadCountry')}</span>
            <select className="input" value={filters.country} onChange={set('country')} data-testid="filter-country">
              <option value="">{t('officer.any')}</option>
              {countries.map((c) => (
                <option key={c} value={c}>
                  {countryName(c)}
                </option>
              ))}
            </select>
          </label>
          <label className="filter">
            <span className="field__label">{t('officer.status')}</span>
            <select className="input" value={filters.status} onChange={set('status')} data-testid="filter-status">
              <option value="">{t('officer.any')}</option>
              {APPLICATION_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {label(s)}
                </option>
              ))}
            </select>
          </label>
          <label className="filter">
            <span className="field__label">{t('officer.check')}</span>
            <select className="input" value={filters.check} onChange={set('check')} data-testid="filter-check">
              <option value="">{t('officer.any')}</option>
              {CHECK_RESULTS.map((s) => (
                <option key={s} value={s}>
                  {label(s)}
                </option>
              ))}
            </select>
          </label>
        </fieldset>
        <Loaded load={rows.load} what={t('officer.what')}>
          {(list) => (
            <ApplicationsTable
              rows={list}
              call={call}
              onDecided={(id, status) =>
                rows.update((all) => all.map((r) => (r.id === id ? { ...r, status, can: { shortlist: false } } : r)))
              }
            />
          )}
        </Loaded>
      </section>
    </article>
  );
}
