import { useState } from 'react';
import { APPLICATION_STATUSES, CHECK_RESULTS } from '../../../domain/calls/vocabulary.js';
import { applicationsApi, type CallDetail, type CallStats, callsApi, type OfficerRow } from '../../calls-api.js';
import { countryName, mass, mg } from '../../calls-format.js';
import { formatInZone, syncClock, viewerTimeZone } from '../../clock.js';
import { BarChart, DemandChart } from '../../components/BarChart.js';
import { Chip } from '../../components/Chip.js';
import { FormError } from '../../components/Form.js';
import { Loaded } from '../../components/PageState.js';
import { RequireAccount } from '../../components/RequireAccount.js';
import { label } from '../../format.js';
import { Link } from '../../router.js';
import { useLoad, useLoadedState } from '../../use-load.js';
import { useTitle } from '../../use-title.js';

/** Applications received by a call: for its program officers and selection officials, and administrators. */
export function OfficerPage({ slug }: { slug: string }) {
  return <RequireAccount>{() => <OfficerLoader slug={slug} />}</RequireAccount>;
}

function OfficerLoader({ slug }: { slug: string }) {
  const load = useLoad(async (signal) => {
    const call = await callsApi.one(slug, signal);
    syncClock(call.serverNow);
    const stats = await callsApi.stats(call.id, signal);
    return { call, stats };
  }, slug);
  useTitle(load.state === 'ready' ? `Applications · ${load.data.call.title}` : 'Applications');
  return (
    <Loaded load={load} what="list of applications">
      {({ call, stats }) => <Officer call={call} stats={stats} />}
    </Loaded>
  );
}

function Officer({ call, stats }: { call: CallDetail; stats: CallStats }) {
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
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/staff/calls">My calls</Link> / <Link to={`/calls/${call.slug}`}>{call.title}</Link> /
      </nav>
      <h1>Applications received</h1>
      <p className="lead">
        {stats.applications} submitted{' '}
        {stats.stage === 'letter_of_intent'
          ? stats.applications === 1
            ? 'letter of intent'
            : 'letters of intent'
          : stats.applications === 1
            ? 'application'
            : 'applications'}{' '}
        counted in the figures below (withdrawn ones left out{call.stages === 2 ? '; the table lists both stages' : ''}). Deadline{' '}
        {formatInZone(call.closesAt, call.timeZone)}.
      </p>

      <div className="officer-charts">
        <section aria-labelledby="countries-heading" className="panel">
          <h2 id="countries-heading">By country</h2>
          {stats.byCountry.length === 0 ? (
            <p className="muted">No submitted application yet.</p>
          ) : (
            <BarChart
              label="Applications with a team institution in each country or region"
              testId="country-chart"
              bars={stats.byCountry
                .slice()
                .sort((a, b) => b.applications - a.applications)
                .map((c) => ({
                  key: c.countryCode ?? 'intl',
                  label: c.countryCode ? countryName(c.countryCode) : 'International organisations',
                  value: c.applications,
                  text: `${c.applications} (${c.leads} led)`,
                }))}
            />
          )}
        </section>
        <section aria-labelledby="demand-heading" className="panel">
          <h2 id="demand-heading">Requested and offered</h2>
          <p className="legend" aria-hidden="true">
            <span className="legend__key legend__key--requested" /> requested{' '}
            <span className="legend__key legend__key--offered" /> offered <span className="legend__key legend__key--reserve" />{' '}
            reserve
          </p>
          {demand.length === 0 ? (
            <p className="muted">The call offers no samples or modules.</p>
          ) : (
            <DemandChart rows={demand} testId="demand-chart" />
          )}
        </section>
      </div>

      <section aria-labelledby="table-heading">
        <div className="section-head">
          <h2 id="table-heading">Applications</h2>
          <p className="export">
            Export:{' '}
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
          <legend className="visually-hidden">Filters</legend>
          <label className="filter">
            <span className="field__label">Lead country</span>
            <select className="input" value={filters.country} onChange={set('country')} data-testid="filter-country">
              <option value="">Any</option>
              {countries.map((c) => (
                <option key={c} value={c}>
                  {countryName(c)}
                </option>
              ))}
            </select>
          </label>
          <label className="filter">
            <span className="field__label">Status</span>
            <select className="input" value={filters.status} onChange={set('status')} data-testid="filter-status">
              <option value="">Any</option>
              {APPLICATION_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {label(s)}
                </option>
              ))}
            </select>
          </label>
          <label className="filter">
            <span className="field__label">Check</span>
            <select className="input" value={filters.check} onChange={set('check')} data-testid="filter-check">
              <option value="">Any</option>
              {CHECK_RESULTS.map((s) => (
                <option key={s} value={s}>
                  {label(s)}
                </option>
              ))}
            </select>
          </label>
        </fieldset>
        <Loaded load={rows.load} what="list of applications">
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

function ApplicationsTable({
  rows,
  call,
  onDecided,
}: {
  rows: OfficerRow[];
  call: CallDetail;
  onDecided: (id: string, status: OfficerRow['status']) => void;
}) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const zone = viewerTimeZone();
  const decide = async (row: OfficerRow, decision: 'shortlisted' | 'not_shortlisted') => {
    setBusy(row.id);
    setError(null);
    try {
      await applicationsApi.shortlist(row.id, decision);
      onDecided(row.id, decision);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(null);
    }
  };
  if (rows.length === 0)
    return (
      <p className="muted" data-testid="no-rows">
        No application matches.
      </p>
    );
  return (
    <>
      <FormError message={error} />
      <div className="table-wrap">
        <table className="table table--cards" data-testid="officer-table">
          <thead>
            <tr>
              <th scope="col">Title</th>
              <th scope="col">Lead</th>
              <th scope="col">Status</th>
              <th scope="col">Check</th>
              <th scope="col" className="num">
                Requested
              </th>
              <th scope="col">Submitted ({zone})</th>
              {call.stages === 2 ? <th scope="col">Shortlist</th> : null}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} data-testid="officer-row">
                <td>
                  <Link to={`/staff/applications/${r.id}`} data-testid="officer-row-link">
                    <strong>{r.title || 'Untitled'}</strong>
                  </Link>
                  <p className="cell-note">
                    {label(r.stage)}
                    {r.submittedVersion != null ? ` · version ${r.submittedVersion}` : ''}
                  </p>
                </td>
                <td data-label="Lead">
                  {r.leadInstitution?.name ?? '—'}
                  {r.leadCountry ? <p className="cell-note">{countryName(r.leadCountry)}</p> : null}
                </td>
                <td data-label="Status">
                  <Chip value={r.status} />
                </td>
                <td data-label="Check">
                  {r.checkResult ? <Chip value={`check-${r.checkResult}`} text={label(r.checkResult)} /> : '—'}
                </td>
                <td data-label="Requested" className="num">
                  {[r.requestedMassMg ? mg(r.requestedMassMg) : null, r.requestedMassG ? mass(r.requestedMassG) : null]
                    .filter(Boolean)
                    .join(' · ') || '—'}
                  <p className="cell-note">
                    {r.requests} {r.requests === 1 ? 'request' : 'requests'}
                  </p>
                </td>
                <td data-label={`Submitted (${zone})`}>{r.submittedAt ? formatInZone(r.submittedAt, zone) : '—'}</td>
                {call.stages === 2 ? (
                  <td data-label="Shortlist">
                    <ShortlistCell row={r} busy={busy === r.id} onDecide={(decision) => void decide(r, decision)} />
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

/**
 * The shortlist decision of a letter of intent: the buttons only where the server says this viewer may
 * decide this row now (an undecided letter, an officer of the call's program); elsewhere the decision.
 */
function ShortlistCell({
  row,
  busy,
  onDecide,
}: {
  row: OfficerRow;
  busy: boolean;
  onDecide: (decision: 'shortlisted' | 'not_shortlisted') => void;
}) {
  if (row.stage !== 'letter_of_intent') return <>—</>;
  if (row.status === 'shortlisted' || row.status === 'not_shortlisted')
    return (
      <span data-testid="shortlist-decision">
        <Chip value={row.status} />
      </span>
    );
  if (!row.can.shortlist)
    return (
      <span className="muted" data-testid="shortlist-pending">
        {row.status === 'submitted' ? 'Awaiting decision' : '—'}
      </span>
    );
  return (
    <span className="shortlist">
      <button
        type="button"
        className="button button--small"
        disabled={busy}
        onClick={() => onDecide('shortlisted')}
        data-testid="shortlist"
      >
        Shortlist<span className="visually-hidden"> “{row.title || 'Untitled'}”</span>
      </button>
      <button
        type="button"
        className="button button--quiet button--small"
        disabled={busy}
        onClick={() => onDecide('not_shortlisted')}
        data-testid="not-shortlist"
      >
        Not shortlisted<span className="visually-hidden"> “{row.title || 'Untitled'}”</span>
      </button>
    </span>
  );
}
