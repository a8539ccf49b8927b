import { useId, useState } from 'react';
import { currentLocale, useT } from '../../i18n/index.js';
import { type Board, type Pair, reviewApi } from '../../review-api.js';
import { Link } from '../../router.js';
import { messageOf, ScrollTable } from './common.js';
import { ProposalPreview } from './ProposalPreview.js';

/** Assignments of the round: the solver's proposal to preview and apply, and manual add or remove. */
export function AssignmentSection({ board, onChanged }: { board: Board; onChanged: () => void }) {
  const { t } = useT('review');
  const expertName = new Map(board.experts.map((e) => [e.id, e.name]));
  const proposalTitle = new Map(board.proposals.map((p) => [p.id, p.title]));
  const [status, setStatus] = useState<string | null>(null);
  const remove = async (pair: Pair) => {
    try {
      await reviewApi.applyChanges(board.round.id, { add: [], remove: [pair], dryRun: false });
      setStatus(t('assignment.removed'));
      onChanged();
    } catch (e) {
      setStatus(messageOf(e));
    }
  };
  return (
    <section id="assignment" className="panel" aria-labelledby="assignment-heading" data-testid="assignment-section">
      <h2 id="assignment-heading">{t('assignment.heading')}</h2>
      <ProposalPreview board={board} onApplied={onChanged} />
      <ManualAdd board={board} onAdded={onChanged} />
      <p role="status">{status}</p>
      {board.assignments.length === 0 ? (
        <p className="muted">{t('assignment.none')}</p>
      ) : (
        <ScrollTable label={t('assignment.current')}>
          <table className="table" data-testid="assignments-table">
            <thead>
              <tr>
                <th scope="col">{t('common.expert')}</th>
                <th scope="col">{t('common.proposal')}</th>
                <th scope="col">{t('common.source')}</th>
                <th scope="col">{t('common.review')}</th>
                <th scope="col">{t('assignment.remove')}</th>
              </tr>
            </thead>
            <tbody>
              {board.assignments.map((a) => (
                <tr key={a.id} data-testid="assignment-row">
                  <td>
                    <Link to={`/staff/review-rounds/${board.round.id}/experts/${a.expertId}`}>{expertName.get(a.expertId)}</Link>
                  </td>
                  <td>{proposalTitle.get(a.applicationId)}</td>
                  <td>{t(`source.${a.source}`, { defaultValue: a.source })}</td>
                  <td>
                    {t(`reviewStatus.${a.reviewStatus}`, { defaultValue: a.reviewStatus })}
                    {a.late ? <strong className="badge badge--warn"> {t('progress.late')}</strong> : null}
                  </td>
                  <td>
                    <button type="button" className="button button--quiet" onClick={() => void remove(a)}>
                      {t('assignment.remove')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      )}
    </section>
  );
}

function ManualAdd({ board, onAdded }: { board: Board; onAdded: () => void }) {
  const { t } = useT('review');
  const n = new Intl.NumberFormat(currentLocale());
  const id = useId();
  const [expertId, setExpertId] = useState('');
  const [applicationId, setApplicationId] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const accepted = board.experts.filter((e) => e.status === 'accepted');
  const add = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!expertId || !applicationId) return setMessage(t('assignment.chooseBoth'));
    try {
      await reviewApi.applyChanges(board.round.id, { add: [{ expertId, applicationId }], remove: [], dryRun: false });
      setMessage(t('assignment.added'));
      onAdded();
    } catch (e) {
      setMessage(messageOf(e));
    }
  };
  return (
    <form onSubmit={add} data-testid="manual-assign-form" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('assignment.byHand')}</h3>
      <div className="field">
        <label htmlFor={`${id}-expert`} className="field__label">
          {t('common.expert')}
        </label>
        <select
          id={`${id}-expert`}
          className="input"
          value={expertId}
          onChange={(e) => setExpertId(e.target.value)}
          data-testid="assign-expert"
        >
          <option value="">{t('assignment.chooseExpert')}</option>
          {accepted.map((e) => (
            <option key={e.id} value={e.id}>
              {e.name} ({n.format(e.load)}/{n.format(e.maxLoad)})
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-proposal`} className="field__label">
          {t('common.proposal')}
        </label>
        <select
          id={`${id}-proposal`}
          className="input"
          value={applicationId}
          onChange={(e) => setApplicationId(e.target.value)}
          data-testid="assign-proposal"
        >
          <option value="">{t('assignment.chooseProposal')}</option>
          {board.proposals.map((p) => (
            <option key={p.id} value={p.id}>
              {p.title}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button" data-testid="assign-add">
        {t('assignment.add')}
      </button>
      <p role="status" data-testid="assign-status">
        {message}
      </p>
    </form>
  );
}
