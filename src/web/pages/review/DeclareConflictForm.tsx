import { useId, useState } from 'react';
import { useT } from '../../i18n/index.js';
import { reviewApi } from '../../review-api.js';
import { messageOf } from './common.js';

/** An expert names a proposal of the round they have a conflict with, and why. */
export function DeclareConflictForm({
  expertId,
  proposals,
  onDeclared,
}: {
  expertId: string;
  proposals: { id: string; title: string }[];
  onDeclared: () => void;
}) {
  const { t } = useT('review');
  const id = useId();
  const [applicationId, setApplicationId] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (proposals.length === 0) return null;
  const declare = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!applicationId) return setError(t('declare.chooseProposal'));
    setBusy(true);
    setError(null);
    try {
      await reviewApi.declareAsExpert(expertId, applicationId, reason);
      onDeclared();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={declare} className="inline-form" data-testid="declare-conflict-form" aria-label={t('declare.label')}>
      <div className="field">
        <label htmlFor={`${id}-proposal`} className="field__label">
          {t('declare.proposal')}
        </label>
        <select
          id={`${id}-proposal`}
          className="input"
          value={applicationId}
          onChange={(e) => setApplicationId(e.target.value)}
          data-testid="conflict-proposal"
        >
          <option value="">{t('assignment.chooseProposal')}</option>
          {proposals.map((p) => (
            <option key={p.id} value={p.id}>
              {p.title}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-reason`} className="field__label">
          {t('declare.reason')}
        </label>
        <textarea
          id={`${id}-reason`}
          className="input"
          rows={2}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          data-testid="conflict-reason"
        />
      </div>
      {error ? (
        <p role="alert" className="field__error">
          {error}
        </p>
      ) : null}
      <button type="submit" className="button" disabled={busy} data-testid="declare-conflict">
        {t('declare.submit')}
      </button>
    </form>
  );
}
