import { useT } from '../i18n/index.js';
import { Link } from '../router.js';
import { resultsApi } from './results-api.js';

/** On a call's page: subscribe to its dates, and its results once decided. */
export function CallLinks({ slug, status }: { slug: string; status: string }) {
  const { t } = useT('results');
  return (
    <p data-testid="call-links">
      <a href={resultsApi.callCalendarUrl(slug)} data-testid="call-calendar">
        {t('calendar')}
      </a>
      {status === 'decided' ? (
        <>
          {' · '}
          <Link to={`/results/${encodeURIComponent(slug)}`} data-testid="call-results-link">
            {t('title')}
          </Link>
        </>
      ) : null}
    </p>
  );
}
