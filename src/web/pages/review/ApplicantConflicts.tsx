import { useEffect, useId, useState } from 'react';
import { useSession } from '../../api.js';
import { useT } from '../../i18n/index.js';
import { type ApplicantConflicts as Data, reviewApi } from '../../review-api.js';
import { messageOf, NotYet, type Remote, remoteFailure } from './common.js';

// On a submitted application: the call's expert pool by name, the applicant's own declarations, a
// form to declare a conflict with a reason, and withdraw (not once an officer pinned it).

/** Rendered for the application's owner only (staff read the same page). */
export function ApplicantConflicts({ applicationId, ownerAccountId }: { applicationId: string; ownerAccountId: string }) {
  const { account } = useSession();
  if (account?.id !== ownerAccountId) return null;
  return <OwnerConflicts applicationId={applicationId} />;
}

function OwnerConflicts({ applicationId }: { applicationId: string }) {
  const { t } = useT('review');
  const id = useId();
  const [state, setState] = useState<Remote<Data>>({ state: 'loading' });
  const [round, setRound] = useState(0);
  const [expertId, setExpertId] = useState('');
  const [reason, setReason] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `round` asks for a reload
  useEffect(() => {
    const controller = new AbortController();
    reviewApi.applicantConflicts(applicationId, controller.signal).then(
      (data) => setState({ state: 'ready', data }),
      (e) => !controller.signal.aborted && setState(remoteFailure(e)),
    );
    return () => controller.abort();
  }, [applicationId, round]);
  const act = async (action: () => Promise<unknown>, done: string) => {
    setMessage(null);
    try {
      await action();
      setMessage(done);
      setReason('');
      setExpertId('');
      setRound((r) => r + 1);
    } catch (e) {
      setMessage(messageOf(e));
    }
  };
  const nameOf = (expert: string) => (state.state === 'ready' ? state.data.pool.find((p) => p.expertId === expert)?.name : null);
  return (
    <section className="panel" aria-labelledby={`${id}-heading`} data-testid="applicant-conflicts">
      <h2 id={`${id}-heading`}>{t('applicantConflicts.heading')}</h2>
      {state.state === 'missing' ? <NotYet what={t('applicantConflicts.feature')} /> : null}
      {state.state === 'error' ? <p role="alert">{state.message}</p> : null}
      {state.state === 'ready' ? (
        <>
          <p className="muted">{t('applicantConflicts.intro')}</p>
          <ul data-testid="pool-names">
            {state.data.pool.map((p) => (
              <li key={p.expertId}>
                {p.institution ? t('applicantConflicts.withInstitution', { name: p.name, institution: p.institution }) : p.name}
              </li>
            ))}
          </ul>
          {state.data.declared.length > 0 ? (
            <ul data-testid="declared-conflicts">
              {state.data.declared.map((c) => (
                <li key={c.id}>
                  {t('applicantConflicts.declaration', {
                    expert: nameOf(c.expertId) ?? t('applicantConflicts.anExpert'),
                    reason: c.reason,
                  })}{' '}
                  {c.pinned ? (
                    <span className="muted">{t('applicantConflicts.pinned')}</span>
                  ) : (
                    <button
                      type="button"
                      className="button button--quiet"
                      onClick={() => void act(() => reviewApi.withdraw(c.id), t('applicantConflicts.withdrawn'))}
                    >
                      {t('applicantConflicts.withdraw')}
                    </button>
                  )}
                </li>
              ))}
            </ul>
          ) : null}
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (!expertId) return setMessage(t('applicantConflicts.chooseExpert'));
              void act(() => reviewApi.declareAsApplicant(applicationId, expertId, reason), t('applicantConflicts.declared'));
            }}
            aria-label={t('applicantConflicts.formLabel')}
            data-testid="applicant-declare-form"
          >
            <div className="field">
              <label htmlFor={`${id}-expert`} className="field__label">
                {t('applicantConflicts.expert')}
              </label>
              <select
                id={`${id}-expert`}
                className="input"
                value={expertId}
                onChange={(e) => setExpertId(e.target.value)}
                data-testid="applicant-conflict-expert"
              >
                <option value="">{t('applicantConflicts.chooseAnExpert')}</option>
                {state.data.pool.map((p) => (
                  <option key={p.expertId} value={p.expertId}>
                    {p.name}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${id}-reason`} className="field__label">
                {t('applicantConflicts.reason')}
              </label>
              <textarea
                id={`${id}-reason`}
                className="input"
                rows={2}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                data-testid="applicant-conflict-reason"
              />
            </div>
            <button type="submit" className="button" data-testid="applicant-declare">
              {t('applicantConflicts.submit')}
            </button>
          </form>
        </>
      ) : null}
      <p role="status" data-testid="applicant-conflict-status">
        {message}
      </p>
    </section>
  );
}
