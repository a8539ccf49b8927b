import { useId, useState } from 'react';
import { formatInZone, viewerTimeZone } from '../../clock.js';
import { label } from '../../format.js';
import { type Board, type Conflict, reviewApi } from '../../review-api.js';
import { messageOf, ScrollTable } from './common.js';

/** Conflicts of interest with their evidence; run the detection, pin a conflict, or waive it in writing. */
export function ConflictsSection({ board, onChanged }: { board: Board; onChanged: () => void }) {
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const expertName = new Map(board.experts.map((e) => [e.id, e.name]));
  const proposalTitle = new Map(board.proposals.map((p) => [p.id, p.title]));
  const detect = async () => {
    setBusy(true);
    try {
      const r = await reviewApi.detect(board.round.id);
      setStatus(
        `${r.found} conflicts found: ${r.added} new, ${r.removed} no longer apply, ${r.assignmentsReleased} assignments released.`,
      );
      onChanged();
    } catch (e) {
      setStatus(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section id="conflicts" className="panel" aria-labelledby="conflicts-heading" data-testid="conflicts-section">
      <h2 id="conflicts-heading">Conflicts</h2>
      <p>
        <button type="button" className="button" onClick={() => void detect()} disabled={busy} data-testid="detect-conflicts">
          Run conflict detection
        </button>
      </p>
      <p role="status" data-testid="detect-status">
        {status}
      </p>
      {board.conflicts.length === 0 ? (
        <p className="muted">No conflict recorded.</p>
      ) : (
        <ScrollTable label="Conflicts of interest">
          <table className="table" data-testid="conflicts-table">
            <thead>
              <tr>
                <th scope="col">Expert</th>
                <th scope="col">Proposal</th>
                <th scope="col">Evidence</th>
                <th scope="col">Source</th>
                <th scope="col">Pinned</th>
                <th scope="col">Waived</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {board.conflicts.map((c) => (
                <ConflictRow
                  key={c.id}
                  conflict={c}
                  expert={expertName.get(c.expertId) ?? '—'}
                  proposal={proposalTitle.get(c.applicationId) ?? '—'}
                  onChanged={onChanged}
                />
              ))}
            </tbody>
          </table>
        </ScrollTable>
      )}
    </section>
  );
}

function ConflictRow({
  conflict: c,
  expert,
  proposal,
  onChanged,
}: {
  conflict: Conflict;
  expert: string;
  proposal: string;
  onChanged: () => void;
}) {
  const id = useId();
  const [waiving, setWaiving] = useState(false);
  const [justification, setJustification] = useState('');
  const [error, setError] = useState<string | null>(null);
  const act = async (action: () => Promise<unknown>) => {
    setError(null);
    try {
      await action();
      onChanged();
    } catch (e) {
      setError(messageOf(e));
    }
  };
  return (
    <tr data-testid="conflict-row" data-waived={c.waivedAt ? 'yes' : 'no'}>
      <td>{expert}</td>
      <td>{proposal}</td>
      <td>
        <ul className="evidence" data-testid="conflict-evidence">
          {c.evidence.map((e) => (
            <li key={`${e.kind}:${e.text}`}>
              <strong>{label(e.kind)}:</strong> {e.text}
            </li>
          ))}
          {c.reason ? <li>Declared reason: {c.reason}</li> : null}
        </ul>
      </td>
      <td>{label(c.source)}</td>
      <td>{c.pinned ? 'Pinned' : 'No'}</td>
      <td data-testid="conflict-waived">
        {c.waivedAt ? `Waived ${formatInZone(c.waivedAt, viewerTimeZone())}: ${c.waiverReason ?? ''}` : 'No'}
      </td>
      <td>
        {c.pinned ? null : (
          <button type="button" className="button button--quiet" onClick={() => void act(() => reviewApi.pin(c.id))}>
            Pin
          </button>
        )}
        {c.waivedAt ? null : waiving ? (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void act(() => reviewApi.waive(c.id, justification));
            }}
            aria-label={`Waive the conflict of ${expert} with ${proposal}`}
          >
            <label htmlFor={`${id}-why`} className="field__label">
              Justification
            </label>
            <textarea
              id={`${id}-why`}
              className="input"
              rows={3}
              value={justification}
              onChange={(e) => setJustification(e.target.value)}
              data-testid="waive-justification"
            />
            <button type="submit" className="button" data-testid="confirm-waive">
              Waive conflict
            </button>
          </form>
        ) : (
          <button type="button" className="button button--quiet" onClick={() => setWaiving(true)} data-testid="waive">
            Waive…
          </button>
        )}
        {error ? (
          <p role="alert" className="field__error">
            {error}
          </p>
        ) : null}
      </td>
    </tr>
  );
}
