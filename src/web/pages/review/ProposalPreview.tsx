import { useId, useState } from 'react';
import { type Board, notAvailableYet, type Proposal, reviewApi } from '../../review-api.js';
import { messageOf, NotYet, ScrollTable, score } from './common.js';

// The solver's proposal: the officer picks a mode, previews the added pairs with their affinity and
// each expert's resulting load, unticks pairs to leave out, checks the edited changeset with a dry
// run, then applies it through the same path as a manual assignment.

type State = { kind: 'idle' } | { kind: 'missing' } | { kind: 'ready'; proposal: Proposal };

export function ProposalPreview({ board, onApplied }: { board: Board; onApplied: () => void }) {
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
      setMessage(
        `${dryRun ? 'Dry run: would add' : 'Applied: added'} ${r.added}, ${dryRun ? 'remove' : 'removed'} ${r.removed}.`,
      );
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
      <h3>Propose an assignment</h3>
      <div className="field">
        <label htmlFor={`${id}-mode`} className="field__label">
          Objective
        </label>
        <select id={`${id}-mode`} className="input" value={mode} onChange={(e) => setMode(e.target.value as 'total' | 'fair')}>
          <option value="total">Total affinity</option>
          <option value="fair">Fairness (worst-served proposal first)</option>
        </select>
      </div>
      <div className="field">
        <label>
          <input type="checkbox" checked={keep} onChange={(e) => setKeep(e.target.checked)} /> Keep existing assignments
        </label>
      </div>
      <button type="button" className="button" onClick={() => void propose()} data-testid="propose">
        Propose
      </button>
      {state.kind === 'missing' ? <NotYet what="The assignment solver" /> : null}
      <p role="status" data-testid="proposal-status">
        {message}
      </p>
      {state.kind === 'ready' ? (
        <div data-testid="proposal-result" data-status={state.proposal.status}>
          <p>
            {state.proposal.status === 'optimal'
              ? 'Optimal'
              : state.proposal.status === 'time_limit'
                ? 'Time limit reached'
                : 'Infeasible'}
            {state.proposal.status !== 'infeasible'
              ? ` · total affinity ${score(state.proposal.totalAffinity)} · worst proposal ${score(state.proposal.worstAffinity)} · ${state.proposal.kept} kept`
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
            <ScrollTable label="Proposed pairs">
              <table className="table" data-testid="proposed-pairs">
                <thead>
                  <tr>
                    <th scope="col">Include</th>
                    <th scope="col">Expert</th>
                    <th scope="col">Proposal</th>
                    <th scope="col">Affinity</th>
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
                            aria-label={`Include ${name}`}
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
                        <td className="num">{pair.affinity.toFixed(2)}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </ScrollTable>
          ) : null}
          {state.proposal.changeset.remove.length > 0 ? (
            <p>{state.proposal.changeset.remove.length} existing assignments would be removed.</p>
          ) : null}
          <h4>Loads</h4>
          <ul className="bars" aria-label="Load per expert">
            {state.proposal.loads.map((l) => (
              <li key={l.expertId}>
                {expertName.get(l.expertId)}: {l.load} of {l.maxLoad}
                <meter min={0} max={Math.max(1, l.maxLoad)} value={l.load} aria-label={`Load of ${expertName.get(l.expertId)}`} />
              </li>
            ))}
          </ul>
          {state.proposal.status !== 'infeasible' ? (
            <p>
              <button type="button" className="button button--quiet" onClick={() => void apply(state.proposal, true)}>
                Dry run
              </button>{' '}
              <button
                type="button"
                className="button"
                onClick={() => void apply(state.proposal, false)}
                data-testid="apply-proposal"
              >
                Apply
              </button>
            </p>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
