import { Loaded } from '../components/PageState.js';
import { TableScroll } from '../components/TableScroll.js';
import { useT } from '../i18n/index.js';
import { Link } from '../router.js';
import { useLoad } from '../use-load.js';
import { useTitle } from '../use-title.js';
import { formatDate, headlineIn } from './format.js';
import { type ResultsListItem, resultsApi } from './results-api.js';

/** Every decided call with its headline, beside the open calls and those awaiting a decision. */
export function ResultsPage() {
  const { t } = useT('results');
  useTitle(t('title'));
  const load = useLoad((signal) => resultsApi.list(undefined, signal), 'results');
  return (
    <section data-testid="results-page">
      <h1>{t('title')}</h1>
      <p className="lead">{t('lead')}</p>
      <Loaded load={load} what={t('loading.results')}>
        {(calls) => (
          <>
            <CallGroup id="decided" heading={t('decidedHeading')} calls={calls.filter((c) => c.phase === 'decided')} />
            <CallGroup id="open" heading={t('openHeading')} calls={calls.filter((c) => c.phase === 'open')} />
            <CallGroup id="past" heading={t('pastHeading')} calls={calls.filter((c) => c.phase === 'past')} />
          </>
        )}
      </Loaded>
    </section>
  );
}

function CallGroup({ id, heading, calls }: { id: string; heading: string; calls: ResultsListItem[] }) {
  const { t } = useT('results');
  return (
    <section aria-labelledby={`${id}-heading`} data-testid={`results-${id}`}>
      <h2 id={`${id}-heading`}>{heading}</h2>
      {calls.length === 0 ? (
        <p className="muted">{t('none')}</p>
      ) : (
        <TableScroll label={heading}>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('columns.call')}</th>
                <th scope="col">{t('columns.program')}</th>
                <th scope="col">{id === 'decided' ? t('columns.outcome') : t('columns.deadline')}</th>
              </tr>
            </thead>
            <tbody>
              {calls.map((c) => (
                <tr key={c.slug}>
                  <td>
                    {c.phase === 'decided' ? (
                      <Link to={`/results/${encodeURIComponent(c.slug)}`} data-testid={`results-link-${c.slug}`}>
                        {c.title}
                      </Link>
                    ) : (
                      <Link to={`/calls/${encodeURIComponent(c.slug)}`}>{c.title}</Link>
                    )}
                  </td>
                  <td>
                    <Link to={`/programs/${encodeURIComponent(c.program.slug)}`}>{c.program.name}</Link>
                  </td>
                  <td>
                    {c.phase === 'decided' && c.headline ? (
                      <>
                        <span data-testid={`headline-${c.slug}`}>{headlineIn(c.headline)}</span>
                        {c.decidedAt ? (
                          <span className="muted"> · {t('decidedOn', { date: formatDate(c.decidedAt, c.timeZone) })}</span>
                        ) : null}
                      </>
                    ) : (
                      formatDate(c.closesAt, c.timeZone)
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
