import { portalApi } from '../api.js';
import { Chip } from '../components/Chip.js';
import { Meta } from '../components/Meta.js';
import { Name } from '../components/Name.js';
import { Loaded } from '../components/PageState.js';
import { Unconfirmed } from '../components/Unconfirmed.js';
import { plural, reportedCounts } from '../format.js';
import { Link } from '../router.js';
import { useLoad } from '../use-load.js';
import { useTitle } from '../use-title.js';

export function ProgramsPage() {
  useTitle('Programs');
  const load = useLoad((signal) => portalApi.programs(signal), 'programs');
  return (
    <Loaded load={load} what="list">
      {({ items }) => (
        <section>
          <h1>Programs</h1>
          <p className="lead">Calls for payloads, sample loans, station experiments and partnerships, open ones first.</p>
          <ul className="cards" data-testid="program-list">
            {items.map((p) => (
              <li key={p.id} className={`card${p.status === 'open' ? ' card--open' : ''}`} data-testid="program-card">
                <Link to={`/programs/${p.slug}`} className="card__title" data-testid="program-link">
                  <Name name={p.name} nativeName={p.nativeName} />
                </Link>{' '}
                <Unconfirmed fact={p} />
                <Meta
                  className="card__meta"
                  items={[
                    <>
                      <Chip value={p.kind} tone="level" /> <Chip value={p.status} />
                    </>,
                    p.mission?.name,
                  ]}
                />
                {p.summary ? <p className="card__text">{p.summary}</p> : null}
                <p className="card__counts">
                  {p.counts.projects > 0 ? reportedCounts(p.counts) : null}
                  {p.counts.projects > 0 && p.partnerships > 0 ? ' · ' : null}
                  {p.partnerships > 0 ? plural(p.partnerships, 'partner', 'partners') : null}
                </p>
              </li>
            ))}
          </ul>
        </section>
      )}
    </Loaded>
  );
}
