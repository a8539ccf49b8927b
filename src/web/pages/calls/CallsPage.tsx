import { callsApi } from '../../calls-api.js';
import { syncClock, useServerNow } from '../../clock.js';
import { CallCards } from '../../components/CallCards.js';
import { Loaded } from '../../components/PageState.js';
import { useT } from '../../i18n/index.js';
import { Link } from '../../router.js';
import { useLoad } from '../../use-load.js';
import { useTitle } from '../../use-title.js';

/** Open calls: every published call, soonest deadline first. */
export function CallsPage() {
  const { t } = useT('calls');
  useTitle(t('list.title'));
  const load = useLoad(async (signal) => {
    const list = await callsApi.list({ status: 'published' }, signal);
    syncClock(list.serverNow);
    return list.items.slice().sort((a, b) => Date.parse(a.closesAt) - Date.parse(b.closesAt));
  }, 'calls');
  const now = useServerNow(60_000);
  return (
    <section data-testid="calls-page">
      <h1>{t('list.title')}</h1>
      <p className="lead">{t('list.lead')}</p>
      <Loaded load={load} what={t('list.what')}>
        {(calls) =>
          calls.length === 0 ? (
            <p className="muted" data-testid="no-calls">
              {t('list.none')}
            </p>
          ) : (
            <CallCards calls={calls} now={now} />
          )
        }
      </Loaded>
    </section>
  );
}

/** The home page's short list of open calls; says nothing when the list cannot load. */
export function OpenCallsSection() {
  const { t } = useT('calls');
  const load = useLoad(async (signal) => {
    const list = await callsApi.list({ status: 'published' }, signal);
    syncClock(list.serverNow);
    return list.items.slice().sort((a, b) => Date.parse(a.closesAt) - Date.parse(b.closesAt));
  }, 'home-calls');
  const now = useServerNow(60_000);
  return (
    <section aria-labelledby="calls-heading" data-testid="home-calls">
      <h2 id="calls-heading">{t('list.title')}</h2>
      {load.state === 'ready' && load.data.length > 0 ? (
        <CallCards calls={load.data.slice(0, 3)} now={now} />
      ) : load.state === 'ready' ? (
        <p className="muted">{t('list.none')}</p>
      ) : null}
      <p>
        <Link to="/calls" data-testid="home-calls-link">
          {t('list.all')}
        </Link>
      </p>
    </section>
  );
}
