import { useState } from 'react';
import { type ApplicationSummary, callsApi } from '../../calls-api.js';
import { formatInZone, viewerTimeZone } from '../../clock.js';
import { FormError } from '../../components/Form.js';
import { useT } from '../../i18n/index.js';
import { Link, navigate } from '../../router.js';

/**
 * After a shortlisted letter of intent: start the full proposal (POST /api/calls/:id/applications with
 * stage full_proposal), continue it once started, or read why it cannot be started — as the server says.
 */
export function FullProposalAction({ app }: { app: Pick<ApplicationSummary, 'callId' | 'fullProposal'> }) {
  const { t } = useT('applications');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const step = app.fullProposal;
  if (!step) return null;
  if (step.applicationId)
    return (
      <Link to={`/applications/${step.applicationId}`} className="button button--small" data-testid="continue-full-proposal">
        {t('full.continue')}
      </Link>
    );
  if (!step.canStart)
    return (
      <span className="muted" data-testid="full-proposal-closed">
        {step.reason ?? t('full.cannotStart')}
      </span>
    );
  const start = async () => {
    setBusy(true);
    setError(null);
    try {
      const created = await callsApi.start(app.callId, 'full_proposal');
      navigate(`/applications/${created.id}`);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      setBusy(false);
    }
  };
  return (
    <span className="full-proposal">
      <FormError message={error} />
      <button
        type="button"
        className="button button--small"
        onClick={() => void start()}
        disabled={busy}
        data-testid="start-full-proposal"
      >
        {busy ? t('form.pleaseWait', { ns: 'common' }) : t('full.start')}
      </button>{' '}
      <span className="cell-note">{t('full.due', { at: formatInZone(step.closesAt, viewerTimeZone()) })}</span>
    </span>
  );
}
