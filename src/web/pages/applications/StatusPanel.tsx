import { useState } from 'react';
import { type ApplicationDetail, applicationsApi } from '../../calls-api.js';
import { formatClockTime, formatInZone, viewerTimeZone } from '../../clock.js';
import { FormError } from '../../components/Form.js';
import { label } from '../../format.js';
import { FullProposalAction } from './FullProposalAction.js';
import type { SaveStatus } from './use-autosave.js';

// The application page's status lines: the autosave state while editing, and the panel of a
// submitted (or withdrawn, or shortlisted) application with what its owner may do next.

export function SaveStatusLine({ status }: { status: SaveStatus }) {
  let text: string;
  switch (status.kind) {
    case 'saved':
      text = status.at ? `Saved ${formatClockTime(status.at)}` : 'All changes saved';
      break;
    case 'pending':
      text = 'Unsaved changes…';
      break;
    case 'saving':
      text = 'Saving…';
      break;
    case 'retrying':
      text = `Not saved — retrying (${status.message})`;
      break;
    case 'conflict':
      text = status.refused
        ? `Not saved: ${status.refused} Your text is kept in this browser.`
        : 'Changed elsewhere — reload to see the latest draft. Your text is kept in this browser.';
      break;
  }
  return (
    <div className={`save-status save-status--${status.kind}`} data-testid="save-status" data-state={status.kind}>
      <span role="status" aria-live="polite">
        {text}
      </span>
      {status.kind === 'conflict' ? (
        <button type="button" className="link-button" onClick={() => window.location.reload()} data-testid="reload">
          Reload
        </button>
      ) : null}
    </div>
  );
}

export function StatusPanel({
  app,
  past,
  amending,
  onAmend,
  onChanged,
}: {
  app: ApplicationDetail;
  past: boolean;
  amending: boolean;
  onAmend: () => void;
  onChanged: () => void;
}) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const withdraw = async () => {
    setBusy(true);
    setError(null);
    try {
      await applicationsApi.withdraw(app.id);
      onChanged();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="status-heading" className="panel status-panel" data-testid="status-panel">
      <h2 id="status-heading">
        {app.status === 'withdrawn' ? 'Withdrawn' : app.status === 'submitted' ? 'Submitted' : label(app.status)}
      </h2>
      {app.submittedVersion != null && app.submittedAt ? (
        <p data-testid="submitted-version">
          Version {app.submittedVersion}, submitted {formatInZone(app.submittedAt, viewerTimeZone())}.
          {app.status === 'submitted' ? ' A receipt was sent to your e-mail.' : ''}
        </p>
      ) : null}
      {app.versions.length > 1 ? (
        <details>
          <summary>All versions ({app.versions.length})</summary>
          <ul>
            {app.versions.map((v) => (
              <li key={v.version}>
                Version {v.version} — {formatInZone(v.submittedAt, viewerTimeZone())}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {app.fullProposal ? (
        <p data-testid="full-proposal-step">
          Your letter of intent was shortlisted: the full proposal is next. <FullProposalAction app={app} />
        </p>
      ) : null}
      <FormError message={error} />
      {app.status === 'submitted' && !past && app.shownVersion === null ? (
        <div className="form__actions">
          {!amending ? (
            <button type="button" className="button" onClick={onAmend} data-testid="amend">
              Amend
            </button>
          ) : null}
          {!confirming ? (
            <button type="button" className="button button--quiet" onClick={() => setConfirming(true)} data-testid="withdraw">
              Withdraw…
            </button>
          ) : (
            <span className="confirm">
              <span>Withdraw this application? It will not be reviewed.</span>{' '}
              <button
                type="button"
                className="button button--danger"
                onClick={() => void withdraw()}
                disabled={busy}
                data-testid="withdraw-confirm"
              >
                {busy ? 'Please wait…' : 'Yes, withdraw'}
              </button>{' '}
              <button type="button" className="button button--quiet" onClick={() => setConfirming(false)}>
                Keep it
              </button>
            </span>
          )}
        </div>
      ) : app.status === 'submitted' ? (
        <p className="muted">The deadline has passed; the submitted version is final.</p>
      ) : null}
    </section>
  );
}
