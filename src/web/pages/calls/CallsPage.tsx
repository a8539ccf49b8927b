import { callsApi } from '../../calls-api.js';
import { syncClock, useServerNow } from '../../clock.js';
import { CallCards } from '../../components/CallCards.js';
import { Loaded } from '../../components/PageState.js';
import { Link } from '../../router.js';
import { useLoad } from '../../use-load.js';
import { useTitle } from '../../use-title.js';

/** Open calls: every published call, soonest deadline first. */
export function CallsPage() {
  useTitle('Open calls');
  const load = useLoad(async (signal) => {
    const list = await callsApi.list({ status: 'published' }, signal);
    syncClock(list.serverNow);
    return list.items.slice().sort((a, b) => Date.parse(a.closesAt) - Date.parse(b.closesAt));
  }, 'calls');
  const now = useServerNow(60_000);
  return (
    <section data-testid="calls-page">
      <h1>Open calls</h1>
      <p className="lead">
        Announcements of opportunity: sample loans and payload rides open for proposals. Deadlines are shown in each call’s time
        zone and count down on your clock.
      </p>
      <Loaded load={load} what="list of calls">
        {(calls) =>
          calls.length === 0 ? (
            <p className="muted" data-testid="no-calls">
              No call is open right now.
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
  const load = useLoad(async (signal) => {
    const list = await callsApi.list({ status: 'published' }, signal);
    syncClock(list.serverNow);
    return list.items.slice().sort((a, b) => Date.parse(a.closesAt) - Date.parse(b.closesAt));
  }, 'home-calls');
  const now = useServerNow(60_000);
  return (
    <section aria-labelledby="calls-heading" data-testid="home-calls">
      <h2 id="calls-heading">Open calls</h2>
      {load.state === 'ready' && load.data.length > 0 ? (
        <CallCards calls={load.data.slice(0, 3)} now={now} />
      ) : load.state === 'ready' ? (
        <p className="muted">No call is open right now.</p>
      ) : null}
      <p>
        <Link to="/calls" data-testid="home-calls-link">
          All open calls →
        </Link>
      </p>
    </section>
  );
}
