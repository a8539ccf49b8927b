import { useState } from 'react';
import { type ApplicationDetail, applicationsApi } from '../../calls-api.js';
import { formatClockTime, formatInZone, viewerTimeZone } from '../../clock.js';
import { FormError } from '../../components/Form.js';
import { label } from '../../format.js';
import { useT } from '../../i18n/index.js';
import { FullProposalAction } from './FullProposalAction.js';
import type { SaveStatus } from './use-autosave.js';

// The application page's status lines: the autosave state while editing, and the panel of a
// submitted (or withdrawn, or shortlisted) application with what its owner may do next.

export function SaveStatusLine({ status }: { status: SaveStatus }) {
  const { t } = useT('applications');
  let text: string;
  switch (status.kind) {
    case 'saved':
      text = status.at ? t('save.savedAt', { time: formatClockTime(status.at) }) : t('save.allSaved');
      break;
    case 'pending':
      text = t('save.pending');
      break;
    case 'saving':
      text = t('save.saving');
      break;
    case 'retrying':
      text = t('save.retrying', { message: status.message });
      break;
    case 'conflict':
      text = status.refused ? t('save.refused', { reason: status.refused }) : t('save.conflict');
      break;
  }
  return (
    <div className={`save-status save-status--${status.kind}`} data-testid="save-status" data-state={status.kind}>
      <span role="status" aria-live="polite">
        {text}
      </span>
      {status.kind === 'conflict' ? (
        <button type="button" className="link-button" onClick={() => window.location.reload()} data-testid="reload">
          {t('save.reload')}
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
  const { t } = useT('applications');
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
      <h2 id="status-heading">{label(app.status)}</h2>
      {app.submittedVersion != null && app.submittedAt ? (
        <p data-testid="submitted-version">
          {t('status.versionSubmitted', {
            version: app.submittedVersion,
            at: formatInZone(app.submittedAt, viewerTimeZone()),
          })}
          {app.status === 'submitted' ? ` ${t('status.receiptSent')}` : ''}
        </p>
      ) : null}
      {app.versions.length > 1 ? (
        <details>
          <summary>{t('status.allVersions', { count: app.versions.length })}</summary>
          <ul>
            {app.versions.map((v) => (
              <li key={v.version}>
                {t('status.versionLine', { version: v.version, at: formatInZone(v.submittedAt, viewerTimeZone()) })}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {app.fullProposal ? (
        <p data-testid="full-proposal-step">
          {t('status.shortlisted')} <FullProposalAction app={app} />
        </p>
      ) : null}
      <FormError message={error} />
      {app.status === 'submitted' && !past && app.shownVersion === null ? (
        <div className="form__actions">
          {!amending ? (
            <button type="button" className="button" onClick={onAmend} data-testid="amend">
              {t('status.amend')}
            </button>
          ) : null}
          {!confirming ? (
            <button type="button" className="button button--quiet" onClick={() => setConfirming(true)} data-testid="withdraw">
              {t('status.withdraw')}
            </button>
          ) : (
            <span className="confirm">
              <span>{t('status.withdrawConfirm')}</span>{' '}
              <button
                type="button"
                className="button button--danger"
                onClick={() => void withdraw()}
                disabled={busy}
                data-testid="withdraw-confirm"
              >
                {busy ? t('form.pleaseWait', { ns: 'common' }) : t('status.yesWithdraw')}
              </button>{' '}
              <button type="button" className="button button--quiet" onClick={() => setConfirming(false)}>
                {t('status.keep')}
              </button>
            </span>
          )}
        </div>
      ) : app.status === 'submitted' ? (
        <p className="muted">{t('status.final')}</p>
      ) : null}
    </section>
  );
}
