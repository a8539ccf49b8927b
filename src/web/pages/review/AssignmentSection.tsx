import { useId, useState } from 'react';
import { label } from '../../format.js';
import { type Board, type Pair, reviewApi } from '../../review-api.js';
import { messageOf, ScrollTable } from './common.js';
import { ProposalPreview } from './ProposalPreview.js';

/** Assignments of the round: the solver's proposal to preview and apply, and manual add or remove. */
export function AssignmentSection({ board, onChanged }: { board: Board; onChanged: () => void }) {
  const expertName = new Map(board.experts.map((e) => [e.id, e.name]));
  const proposalTitle = new Map(board.proposals.map((p) => [p.id, p.title]));
  const [status, setStatus] = useState<string | null>(null);
  const remove = async (pair: Pair) => {
    try {
      await reviewApi.applyChanges(board.round.id, { add: [], remove: [pair], dryRun: false });
      setStatus('Assignment removed.');
      onChanged();
    } catch (e) {
      setStatus(messageOf(e));
    }
  };
  return (
    <section id="assignment" className="panel" aria-labelledby="assignment-heading" data-testid="assignment-section">
      <h2 id="assignment-heading">Assignment</h2>
      <ProposalPreview board={board} onApplied={onChanged} />
      <ManualAdd board={board} onAdded={onChanged} />
      <p role="status">{status}</p>
      {board.assignments.length === 0 ? (
        <p className="muted">No assignment yet.</p>
      ) : (
        <ScrollTable label="Current assignments">
          <table className="table" data-testid="assignments-table">
            <thead>
              <tr>
                <th scope="col">Expert</th>
                <th scope="col">Proposal</th>
                <th scope="col">Source</th>
                <th scope="col">Review</th>
                <th scope="col">Remove</th>
              </tr>
            </thead>
            <tbody>
              {board.assignments.map((a) => (
                <tr key={a.id} data-testid="assignment-row">
                  <td>{expertName.get(a.expertId)}</td>
                  <td>{proposalTitle.get(a.applicationId)}</td>
                  <td>{label(a.source)}</td>
                  <td>{label(a.reviewStatus)}</td>
                  <td>
                    <button type="button" className="button button--quiet" onClick={() => void remove(a)}>
                      Remove
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
  const id = useId();
  const [expertId, setExpertId] = useState('');
  const [applicationId, setApplicationId] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const accepted = board.experts.filter((e) => e.status === 'accepted');
  const add = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!expertId || !applicationId) return setMessage('Choose an expert and a proposal.');
    try {
      await reviewApi.applyChanges(board.round.id, { add: [{ expertId, applicationId }], remove: [], dryRun: false });
      setMessage('Assignment added.');
      onAdded();
    } catch (e) {
      setMessage(messageOf(e));
    }
  };
  return (
    <form onSubmit={add} data-testid="manual-assign-form" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>Assign by hand</h3>
      <div className="field">
        <label htmlFor={`${id}-expert`} className="field__label">
          Expert
        </label>
        <select
          id={`${id}-expert`}
          className="input"
          value={expertId}
          onChange={(e) => setExpertId(e.target.value)}
          data-testid="assign-expert"
        >
          <option value="">Choose an expert</option>
          {accepted.map((e) => (
            <option key={e.id} value={e.id}>
              {e.name} ({e.load}/{e.maxLoad})
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-proposal`} className="field__label">
          Proposal
        </label>
        <select
          id={`${id}-proposal`}
          className="input"
          value={applicationId}
          onChange={(e) => setApplicationId(e.target.value)}
          data-testid="assign-proposal"
        >
          <option value="">Choose a proposal</option>
          {board.proposals.map((p) => (
            <option key={p.id} value={p.id}>
              {p.title}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button" data-testid="assign-add">
        Add assignment
      </button>
      <p role="status" data-testid="assign-status">
        {message}
      </p>
    </form>
  );
}
