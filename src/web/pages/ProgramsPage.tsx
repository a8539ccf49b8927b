import { portalApi } from '../api.js';
import { Meta } from '../components/Meta.js';
import { Name } from '../components/Name.js';
import { Loaded } from '../components/PageState.js';
import { Unconfirmed } from '../components/Unconfirmed.js';
import { counted, plainName, reportedCounts, usePortalT, ValueChip } from '../portal/localise.js';
import { Link } from '../router.js';
import { useLoad } from '../use-load.js';
import { useTitle } from '../use-title.js';

export function ProgramsPage() {
  const { t } = usePortalT();
  useTitle(t('programs.title'));
  const load = useLoad((signal) => portalApi.programs(signal), 'programs');
  return (
    <Loaded load={load} what={t('notFound.list')}>
      {({ items }) => (
        <section>
          <h1>{t('programs.title')}</h1>
          <p className="lead">{t('programs.lead')}</p>
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
                      <ValueChip value={p.kind} tone="level" /> <ValueChip value={p.status} />
                    </>,
                    p.mission && plainName(p.mission),
                  ]}
                />
                {p.summary ? <p className="card__text">{p.summary}</p> : null}
                <p className="card__counts">
                  {p.counts.projects > 0 ? reportedCounts(t, p.counts) : null}
                  {p.counts.projects > 0 && p.partnerships > 0 ? ' · ' : null}
                  {p.partnerships > 0 ? counted(t, 'partner', p.partnerships) : null}
                </p>
              </li>
            ))}
          </ul>
        </section>
      )}
    </Loaded>
  );
}
