import { currentLocale, useT } from '../../i18n/index.js';
import type { Board } from '../../review-api.js';
import { Link } from '../../router.js';
import { RemindersList } from './BoardExpertPage.js';
import { ScrollTable } from './common.js';

/**
 * How far the round is: per proposal, reviews submitted against those needed; per expert, done of
 * assigned, the late ones (deadline passed, not submitted) and the reminders the duty sent them.
 */
export function ProgressSection({ board }: { board: Board }) {
  const { t } = useT('review');
  const n = new Intl.NumberFormat(currentLocale());
  const needed = board.round.reviewsPerProposal;
  const perProposal = board.proposals.map((p) => {
    const mine = board.assignments.filter((a) => a.applicationId === p.id);
    return { ...p, assigned: mine.length, submitted: mine.filter((a) => a.reviewStatus === 'submitted').length };
  });
  const perExpert = board.experts
    .filter((e) => e.status === 'accepted')
    .map((e) => {
      const mine = board.assignments.filter((a) => a.expertId === e.id);
      return {
        ...e,
        assigned: mine.length,
        submitted: mine.filter((a) => a.reviewStatus === 'submitted').length,
        late: mine.filter((a) => a.late).length,
        reminders: board.reminders.filter((r) => r.expertId === e.id),
      };
    });
  const titleOf = new Map(board.proposals.map((p) => [p.id, p.title]));
  const nameOf = new Map(board.experts.map((e) => [e.id, e.name]));
  const late = board.assignments.filter((a) => a.late);
  return (
    <section id="progress" className="panel" aria-labelledby="progress-heading" data-testid="progress-section">
      <h2 id="progress-heading">{t('progress.heading')}</h2>
      <p data-testid="progress-summary">
        {t('progress.summary', {
          submitted: n.format(board.progress.submitted),
          demand: n.format(board.progress.demand),
          assigned: n.format(board.progress.assignments),
          proposals: n.format(board.progress.proposals),
        })}
      </p>
      <h3>{t('progress.lateHeading')}</h3>
      {!board.progress.pastDeadline ? (
        <p className="muted" data-testid="late-reviews">
          {t('progress.notYetDue')}
        </p>
      ) : late.length === 0 ? (
        <p data-testid="late-reviews">{t('progress.noneLate')}</p>
      ) : (
        <ul data-testid="late-reviews">
          {late.map((a) => (
            <li key={a.id}>
              {t('progress.lateItem', {
                expert: nameOf.get(a.expertId) ?? a.expertId,
                proposal: titleOf.get(a.applicationId) ?? a.applicationId,
              })}
            </li>
          ))}
        </ul>
      )}
      <ScrollTable label={t('progress.perProposal')}>
        <table className="table" data-testid="progress-proposals">
          <thead>
            <tr>
              <th scope="col">{t('common.proposal')}</th>
              <th scope="col">{t('progress.assigned')}</th>
              <th scope="col">{t('progress.submittedOfNeeded')}</th>
            </tr>
          </thead>
          <tbody>
            {perProposal.map((p) => (
              <tr key={p.id}>
                <td>{p.title}</td>
                <td className="num">{n.format(p.assigned)}</td>
                <td className="num">
                  {n.format(p.submitted)} / {n.format(needed)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
      <ScrollTable label={t('progress.perExpert')}>
        <table className="table" data-testid="progress-experts">
          <thead>
            <tr>
              <th scope="col">{t('common.expert')}</th>
              <th scope="col">{t('progress.submittedOfAssigned')}</th>
              <th scope="col">{t('progress.late')}</th>
              <th scope="col">{t('reminders.heading')}</th>
            </tr>
          </thead>
          <tbody>
            {perExpert.map((e) => (
              <tr key={e.id} data-testid="progress-expert-row">
                <td>
                  <Link to={`/staff/review-rounds/${board.round.id}/experts/${e.id}`}>{e.name}</Link>
                </td>
                <td className="num">
                  {n.format(e.submitted)} / {n.format(e.assigned)}
                </td>
                <td className="num">{e.late ? n.format(e.late) : '–'}</td>
                <td>
                  <RemindersList reminders={e.reminders} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
    </section>
  );
}
