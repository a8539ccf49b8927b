import { useId, useState } from 'react';
import { currentLocale, useT } from '../../i18n/index.js';
import { type Board, notAvailableYet, type Proposal, reviewApi } from '../../review-api.js';
import { messageOf, NotYet, ScrollTable, score } from './common.js';

// The solver's proposal: the officer picks a mode, previews the added pairs with their affinity and
// each expert's resulting load, unticks pairs to leave out, checks the edited changeset with a dry
// run, then applies it through the same path as a manual assignment.

type State = { kind: 'idle' } | { kind: 'missing' } | { kind: 'ready'; proposal: Proposal };

export function ProposalPreview({ board, onApplied }: { board: Board; onApplied: () => void }) {
  const { t } = useT('review');
  const n = new Intl.NumberFormat(currentLocale());
  const affinity = new Intl.NumberFormat(currentLocale(), { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const bidOf = new Map(board.bids.map((b) => [`${b.expertId}/${b.applicationId}`, b.bid]));
  const id = useId();
  const [mode, setMode] = useState<'total' | 'fair'>('total');
  const [keep, setKeep] = useState(true);
  const [state, setState] = useState<State>({ kind: 'idle' });
  const [dropped, setDropped] = useState<Set<number>>(new Set());
  const [message, setMessage] = useState<string | null>(null);
  const expertName = new Map(board.experts.map((e) => [e.id, e.name]));
  const proposalTitle = new Map(board.proposals.map((p) => [p.id, p.title]));

  const propose = async () => {
    setMessage(null);
    try {
      const proposal = await reviewApi.propose(board.round.id, mode, !keep);
      setDropped(new Set());
      setState({ kind: 'ready', proposal });
    } catch (e) {
      if (notAvailableYet(e)) setState({ kind: 'missing' });
      else setMessage(messageOf(e));
    }
  };
  const changeset = (p: Proposal) => ({
    add: p.changeset.add.filter((_, i) => !dropped.has(i)).map(({ expertId, applicationId }) => ({ expertId, applicationId })),
    remove: p.changeset.remove,
  });
  const apply = async (p: Proposal, dryRun: boolean) => {
    try {
      const r = await reviewApi.applyChanges(board.round.id, { ...changeset(p), dryRun, source: 'solver' });
      setMessage(t(dryRun ? 'proposal.dryRunResult' : 'proposal.appliedResult', { added: r.added, removed: r.removed }));
      if (!dryRun) {
        setState({ kind: 'idle' });
        onApplied();
      }
    } catch (e) {
      setMessage(messageOf(e));
    }
  };

  return (
    <div data-testid="proposal-preview">
      <h3>{t('proposal.heading')}</h3>
      <div className="field">
        <label htmlFor={`${id}-mode`} className="field__label">
          {t('proposal.objective')}
        </label>
        <select id={`${id}-mode`} className="input" value={mode} onChange={(e) => setMode(e.target.value as 'total' | 'fair')}>
          <option value="total">{t('proposal.total')}</option>
          <option value="fair">{t('proposal.fair')}</option>
        </select>
      </div>
      <div className="field">
        <label>
          <input type="checkbox" checked={keep} onChange={(e) => setKeep(e.target.checked)} /> {t('proposal.keep')}
        </label>
      </div>
      <button type="button" className="button" onClick={() => void propose()} data-testid="propose">
        {t('proposal.propose')}
      </button>
      {state.kind === 'missing' ? <NotYet what={t('proposal.solver')} /> : null}
      <p role="status" data-testid="proposal-status">
        {message}
      </p>
      {state.kind === 'ready' ? (
        <div data-testid="proposal-result" data-status={state.proposal.status}>
          <p>
            {t(`proposal.status.${state.proposal.status}`)}
            {state.proposal.status !== 'infeasible'
              ? ` · ${t('proposal.figures', {
                  total: score(state.proposal.totalAffinity),
                  worst: score(state.proposal.worstAffinity),
                  kept: n.format(state.proposal.kept),
                })}`
              : ''}
          </p>
          {state.proposal.reasons.length > 0 ? (
            <ul data-testid="infeasibility-reasons">
              {state.proposal.reasons.map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
          ) : null}
          {state.proposal.changeset.add.length > 0 ? (
            <ScrollTable label={t('proposal.pairs')}>
              <table className="table" data-testid="proposed-pairs">
                <thead>
                  <tr>
                    <th scope="col">{t('proposal.include')}</th>
                    <th scope="col">{t('common.expert')}</th>
                    <th scope="col">{t('common.proposal')}</th>
                    <th scope="col">{t('proposal.affinity')}</th>
                    <th scope="col">{t('proposal.bid')}</th>
                  </tr>
                </thead>
                <tbody>
                  {state.proposal.changeset.add.map((pair, i) => {
                    const name = `${expertName.get(pair.expertId)} – ${proposalTitle.get(pair.applicationId)}`;
                    return (
                      <tr key={`${pair.expertId}:${pair.applicationId}`}>
                        <td>
                          <input
                            type="checkbox"
                            aria-label={t('proposal.includePair', { pair: name })}
                            checked={!dropped.has(i)}
                            onChange={(e) =>
                              setDropped((d) => {
                                const next = new Set(d);
                                if (e.target.checked) next.delete(i);
                                else next.add(i);
                                return next;
                              })
                            }
                          />
                        </td>
                        <td>{expertName.get(pair.expertId)}</td>
                        <td>{proposalTitle.get(pair.applicationId)}</td>
                        <td className="num">{affinity.format(pair.affinity)}</td>
                        <td data-testid="proposed-bid">
                          {(() => {
                            const bid = bidOf.get(`${pair.expertId}/${pair.applicationId}`);
                            return bid ? t(`bid.${bid}`) : '–';
                          })()}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </ScrollTable>
          ) : null}
          {state.proposal.changeset.remove.length > 0 ? (
            <p>{t('proposal.wouldRemove', { count: state.proposal.changeset.remove.length })}</p>
          ) : null}
          <h4>{t('proposal.loads')}</h4>
          <ul className="bars" aria-label={t('proposal.loadPerExpert')}>
            {state.proposal.loads.map((l) => (
              <li key={l.expertId}>
                {t('proposal.loadOf', { expert: expertName.get(l.expertId), load: n.format(l.load), max: n.format(l.maxLoad) })}
                <meter
                  min={0}
                  max={Math.max(1, l.maxLoad)}
                  value={l.load}
                  aria-label={t('proposal.loadAria', { expert: expertName.get(l.expertId) })}
                />
              </li>
            ))}
          </ul>
          {state.proposal.status !== 'infeasible' ? (
            <p>
              <button type="button" className="button button--quiet" onClick={() => void apply(state.proposal, true)}>
                {t('proposal.dryRun')}
              </button>{' '}
              <button
                type="button"
                className="button"
                onClick={() => void apply(state.proposal, false)}
                data-testid="apply-proposal"
              >
                {t('proposal.apply')}
              </button>
            </p>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
