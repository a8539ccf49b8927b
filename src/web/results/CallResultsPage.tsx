import { Loaded } from '../components/PageState.js';
import { TableScroll } from '../components/TableScroll.js';
import { useT } from '../i18n/index.js';
import { Link } from '../router.js';
import { useLoad } from '../use-load.js';
import { useTitle } from '../use-title.js';
import { formatDate, formatNumber, headlineIn, institutionName, placeName } from './format.js';
import { type CallResults, type ResultInstitution, resultsApi } from './results-api.js';

/** One call's results: the headline, the selected projects and institutions with their homes, downloads. */
export function CallResultsPage({ slug }: { slug: string }) {
  const { t } = useT('results');
  const load = useLoad((signal) => resultsApi.call(slug, signal), `results-${slug}`);
  return (
    <Loaded load={load} what={t('loading.call')}>
      {(data) => <CallResultsView data={data} />}
    </Loaded>
  );
}

function Home({ institution }: { institution: ResultInstitution }) {
  const { t } = useT('results');
  if (institution.homeKind === 'organisation') return <>{`${institution.organisation ?? ''} (${t('organisationSuffix')})`}</>;
  const name = placeName(institution.countryCode, institution.countryName);
  return <>{institution.homeKind === 'region' ? `${name} (${t('regionSuffix')})` : name}</>;
}

function CallResultsView({ data }: { data: CallResults }) {
  const { t } = useT('results');
  const { call, results } = data;
  useTitle(t('callHeading', { title: call.title }));
  return (
    <section data-testid="call-results-page">
      <h1>{t('callHeading', { title: call.title })}</h1>
      <p>
        <Link to={`/programs/${encodeURIComponent(call.program.slug)}`}>{t('programLink', { name: call.program.name })}</Link>
        {' · '}
        <Link to={`/calls/${encodeURIComponent(call.slug)}`}>{t('callPage')}</Link>
        {' · '}
        <a href={resultsApi.callCalendarUrl(call.slug)} data-testid="results-calendar">
          {t('calendar')}
        </a>
      </p>
      {!results ? (
        <p className="muted" data-testid="results-not-decided">
          {t('notDecided')}
        </p>
      ) : (
        <>
          <p className="lead" data-testid="results-headline">
            {headlineIn(results.headline)}
          </p>
          {results.decidedAt ? (
            <p className="muted">{t('decidedOn', { date: formatDate(results.decidedAt, call.timeZone) })}</p>
          ) : null}
          <p>
            <a href={resultsApi.csvUrl(call.slug)} download data-testid="results-csv">
              {t('downloadCsv')}
            </a>
            {' · '}
            <a href={resultsApi.jsonUrl(call.slug)} download data-testid="results-json">
              {t('downloadJson')}
            </a>
          </p>
          <TableScroll label={t('callHeading', { title: call.title })}>
            <table className="table" data-testid="results-table">
              <thead>
                <tr>
                  <th scope="col">{t('columns.project')}</th>
                  <th scope="col">{t('columns.outcome')}</th>
                  <th scope="col">{t('columns.institutions')}</th>
                  {results.unit === 'institutions' ? <th scope="col">{t('columns.samples')}</th> : null}
                </tr>
              </thead>
              <tbody>
                {results.projects.map((p) => (
                  <tr key={`${p.title}-${p.institutions[0]?.slug ?? ''}`}>
                    <td>{p.title}</td>
                    <td>{t(`outcome.${p.outcome}`)}</td>
                    <td>
                      <ul className="plain">
                        {p.institutions.map((i) => (
                          <li key={i.slug}>
                            <Link to={`/institutions/${encodeURIComponent(i.slug)}`}>{institutionName(i)}</Link> —{' '}
                            <Home institution={i} /> <span className="muted">({t(`role.${i.role}`)})</span>
                          </li>
                        ))}
                      </ul>
                    </td>
                    {results.unit === 'institutions' ? (
                      <td>
                        {p.allocations.map((a) => (
                          <div key={a.sampleType}>{t('mass', { type: a.sampleType, mass: formatNumber(a.massMg) })}</div>
                        ))}
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </>
      )}
    </section>
  );
}
