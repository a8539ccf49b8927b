import { Loaded } from '../../components/PageState.js';
import { RequireAccount } from '../../components/RequireAccount.js';
import { currentLocale, useT } from '../../i18n/index.js';
import { type Board, reviewApi } from '../../review-api.js';
import { Link } from '../../router.js';
import { useLoadedState } from '../../use-load.js';
import { useTitle } from '../../use-title.js';
import { ScrollTable } from './common.js';
import { PublicationsPanel } from './PublicationsPanel.js';

// The officer's view of one expert of a round's pool, reached from the board: the profile the
// affinity and conflict detection read, this round's assignments (late ones marked), the
// conflicts with their evidence, the reminders sent and the publications.

export function BoardExpertPage({ roundId, expertId }: { roundId: string; expertId: string }) {
  const { t } = useT('review');
  useTitle(t('expert.pageTitle'));
  return <RequireAccount>{() => <ExpertLoader roundId={roundId} expertId={expertId} />}</RequireAccount>;
}

/** A date and time in the viewer's language and time zone. */
export const formatWhen = (iso: string) =>
  new Intl.DateTimeFormat(currentLocale(), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));

function ExpertLoader({ roundId, expertId }: { roundId: string; expertId: string }) {
  const { t } = useT('review');
  const { load } = useLoadedState((signal) => reviewApi.board(roundId, signal), roundId);
  return (
    <Loaded load={load} what={t('expert.what')}>
      {(board) => {
        const expert = board.experts.find((e) => e.id === expertId);
        if (!expert)
          return (
            <p role="alert" data-testid="board-expert-missing">
              {t('expert.notInPool')}
            </p>
          );
        return <ExpertView board={board} expert={expert} />;
      }}
    </Loaded>
  );
}

function ExpertView({ board, expert }: { board: Board; expert: Board['experts'][number] }) {
  const { t } = useT('review');
  const titleOf = new Map(board.proposals.map((p) => [p.id, p.title]));
  const assignments = board.assignments.filter((a) => a.expertId === expert.id);
  const conflicts = board.conflicts.filter((c) => c.expertId === expert.id);
  const reminders = board.reminders.filter((r) => r.expertId === expert.id);
  const number = new Intl.NumberFormat(currentLocale());
  return (
    <article data-testid="board-expert-page">
      <nav aria-label={t('common.breadcrumb')} className="breadcrumb">
        <Link to={`/staff/review-rounds/${board.round.id}`}>{board.round.title}</Link> /
      </nav>
      <h1>
        {expert.name}
        {expert.synthetic ? <span className="muted"> {t('pool.synthetic')}</span> : null}
      </h1>
      <section className="panel" aria-labelledby="expert-profile-heading">
        <h2 id="expert-profile-heading">{t('expert.profile')}</h2>
        <dl className="facts" data-testid="board-expert-profile">
          <dt>{t('expert.email')}</dt>
          <dd>{expert.email}</dd>
          <dt>{t('expert.status')}</dt>
          <dd>{t(`status.${expert.status}`, { defaultValue: expert.status })}</dd>
          <dt>{t('expert.country')}</dt>
          <dd>{expert.countryCode ?? '–'}</dd>
          <dt>ORCID</dt>
          <dd>{expert.orcid ?? '–'}</dd>
          <dt>{t('expert.load')}</dt>
          <dd data-testid="board-expert-load">
            {t('expert.loadOf', { load: number.format(expert.load), max: number.format(expert.maxLoad) })}
          </dd>
          <dt>{t('expert.keywords')}</dt>
          <dd>{expert.keywords.join(', ') || '–'}</dd>
          <dt>{t('expert.statement')}</dt>
          <dd>{expert.statement || '–'}</dd>
        </dl>
        {expert.synthetic ? <p className="muted">{expert.synthetic}</p> : null}
      </section>
      <section className="panel" aria-labelledby="expert-assignments-heading">
        <h2 id="expert-assignments-heading">{t('expert.assignments')}</h2>
        {assignments.length === 0 ? (
          <p className="muted">{t('expert.noAssignments')}</p>
        ) : (
          <ScrollTable label={t('expert.assignments')}>
            <table className="table" data-testid="board-expert-assignments">
              <thead>
                <tr>
                  <th scope="col">{t('common.proposal')}</th>
                  <th scope="col">{t('common.source')}</th>
                  <th scope="col">{t('common.review')}</th>
                </tr>
              </thead>
              <tbody>
                {assignments.map((a) => (
                  <tr key={a.id}>
                    <td>{titleOf.get(a.applicationId) ?? a.applicationId}</td>
                    <td>{t(`source.${a.source}`, { defaultValue: a.source })}</td>
                    <td>
                      {t(`reviewStatus.${a.reviewStatus}`, { defaultValue: a.reviewStatus })}
                      {a.late ? <strong className="badge badge--warn"> {t('progress.late')}</strong> : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollTable>
        )}
      </section>
      <section className="panel" aria-labelledby="expert-conflicts-heading">
        <h2 id="expert-conflicts-heading">{t('expert.conflicts')}</h2>
        {conflicts.length === 0 ? (
          <p className="muted">{t('expert.noConflicts')}</p>
        ) : (
          <ul data-testid="board-expert-conflicts">
            {conflicts.map((c) => (
              <li key={c.id}>
                <strong>{titleOf.get(c.applicationId) ?? c.applicationId}</strong>:{' '}
                {c.evidence.map((e) => e.text).join('; ') || c.reason}
                {c.waivedAt ? <span className="muted"> ({t('expert.waived')})</span> : null}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="panel" aria-labelledby="expert-reminders-heading">
        <h2 id="expert-reminders-heading">{t('reminders.heading')}</h2>
        <RemindersList reminders={reminders} />
      </section>
      <PublicationsPanel expertId={expert.id} />
    </article>
  );
}

export function RemindersList({ reminders }: { reminders: Board['reminders'] }) {
  const { t } = useT('review');
  if (reminders.length === 0) return <p className="muted">{t('reminders.none')}</p>;
  return (
    <ul data-testid="reminders-list">
      {reminders.map((r) => (
        <li key={`${r.expertId}/${r.thresholdHours}`}>
          {t('reminders.sent', { when: formatWhen(r.sentAt), hours: r.thresholdHours })}
        </li>
      ))}
    </ul>
  );
}
