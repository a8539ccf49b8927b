import { useState } from 'react';
import { Loaded } from '../../components/PageState.js';
import { RequireAccount } from '../../components/RequireAccount.js';
import { useT } from '../../i18n/index.js';
import { Link } from '../../router.js';
import { useLoadedState } from '../../use-load.js';
import { useTitle } from '../../use-title.js';
import { agreementsApi } from './agreements-api.js';
import { formatDay } from './format.js';

const STATUSES = ['planned', 'in_progress', 'done', 'cancelled'] as const;

/** The milestones board of a payload agreement: due dates, owners, status; officers move them. */
export function MilestonesPage({ id }: { id: string }) {
  const { t } = useT('agreements');
  useTitle(t('milestones.title'));
  const { load, reload } = useLoadedState((signal) => agreementsApi.get(id, signal), `milestones-${id}`);
  const [error, setError] = useState<string | null>(null);
  const today = new Date().toISOString().slice(0, 10);
  return (
    <RequireAccount>
      {() => (
        <Loaded load={load} what={t('milestones.title')}>
          {(a) => (
            <article className="page" data-testid="milestones-page">
              <p>
                <Link to={`/agreements/${a.id}`}>{t('label.versioned', { reference: a.reference, version: a.version })}</Link>
              </p>
              <h1>{t('milestones.title')}</h1>
              <p>{a.title}</p>
              {error ? <p role="alert">{error}</p> : null}
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('milestones.milestone')}</th>
                    <th scope="col">{t('milestones.due')}</th>
                    <th scope="col">{t('milestones.owner')}</th>
                    <th scope="col">{t('field.status')}</th>
                  </tr>
                </thead>
                <tbody>
                  {a.milestones.map((m) => (
                    <tr
                      key={m.id}
                      data-late={m.status !== 'done' && m.status !== 'cancelled' && m.dueOn < today ? 'true' : undefined}
                    >
                      <td>
                        {t(`milestoneKind.${m.kind}`)} — {m.title}
                      </td>
                      <td>
                        {formatDay(m.dueOn)}
                        {m.status !== 'done' && m.status !== 'cancelled' && m.dueOn < today ? ` (${t('milestones.late')})` : ''}
                      </td>
                      <td>{m.owner}</td>
                      <td>
                        {a.canManage ? (
                          <select
                            aria-label={t('milestones.statusOf', { title: m.title })}
                            value={m.status}
                            onChange={(e) =>
                              void agreementsApi
                                .moveMilestone(a.id, m.id, e.target.value)
                                .then(reload, (err: Error) => setError(err.message))
                            }
                          >
                            {STATUSES.map((s) => (
                              <option key={s} value={s}>
                                {t(`milestoneStatus.${s}`)}
                              </option>
                            ))}
                          </select>
                        ) : (
                          t(`milestoneStatus.${m.status}`)
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </article>
          )}
        </Loaded>
      )}
    </RequireAccount>
  );
}
