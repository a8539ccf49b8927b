import { useT } from '../i18n/index.js';
import { Link } from '../router.js';
import { useLoad } from '../use-load.js';
import { formatDate, headlineIn } from './format.js';
import { resultsApi } from './results-api.js';

/** On a program page: its public calls, each with its phase and, once decided, a link to its results. */
export function ProgramCallsSection({ programSlug }: { programSlug: string }) {
  const { t } = useT('results');
  const load = useLoad((signal) => resultsApi.list(programSlug, signal), `program-calls-${programSlug}`);
  if (load.state !== 'ready' || load.data.length === 0) return null;
  return (
    <section aria-labelledby="program-calls-heading" data-testid="program-calls">
      <h2 id="program-calls-heading">{t('programSection')}</h2>
      <ul>
        {load.data.map((c) => (
          <li key={c.slug}>
            <Link to={`/calls/${encodeURIComponent(c.slug)}`}>{c.title}</Link> — {t(`phase.${c.phase}`)}
            {c.phase === 'decided' && c.headline ? (
              <>
                {': '}
                <Link to={`/results/${encodeURIComponent(c.slug)}`} data-testid={`program-results-${c.slug}`}>
                  {headlineIn(c.headline)}
                </Link>
              </>
            ) : (
              <span className="muted"> ({formatDate(c.closesAt, c.timeZone)})</span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
