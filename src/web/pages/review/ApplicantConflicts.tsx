import { useEffect, useId, useState } from 'react';
import { useSession } from '../../api.js';
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
      <h2 id={`${id}-heading`}>Conflicts of interest</h2>
      {state.state === 'missing' ? <NotYet what="Declaring conflicts of interest" /> : null}
      {state.state === 'error' ? <p role="alert">{state.message}</p> : null}
      {state.state === 'ready' ? (
        <>
          <p className="muted">
            The experts of this call’s pool. Declare a conflict with any of them (a colleague, a close collaborator) and say why.
          </p>
          <ul data-testid="pool-names">
            {state.data.pool.map((p) => (
              <li key={p.expertId}>
                {p.name}
                {p.institution ? `, ${p.institution}` : ''}
              </li>
            ))}
          </ul>
          {state.data.declared.length > 0 ? (
            <ul data-testid="declared-conflicts">
              {state.data.declared.map((c) => (
                <li key={c.id}>
                  {nameOf(c.expertId) ?? 'An expert'}: {c.reason}{' '}
                  {c.pinned ? (
                    <span className="muted">(pinned by the officer)</span>
                  ) : (
                    <button
                      type="button"
                      className="button button--quiet"
                      onClick={() => void act(() => reviewApi.withdraw(c.id), 'Declaration withdrawn.')}
                    >
                      Withdraw
                    </button>
                  )}
                </li>
              ))}
            </ul>
          ) : null}
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (!expertId) return setMessage('Choose the expert.');
              void act(() => reviewApi.declareAsApplicant(applicationId, expertId, reason), 'Conflict declared.');
            }}
            aria-label="Declare a conflict of interest"
            data-testid="applicant-declare-form"
          >
            <div className="field">
              <label htmlFor={`${id}-expert`} className="field__label">
                Expert
              </label>
              <select
                id={`${id}-expert`}
                className="input"
                value={expertId}
                onChange={(e) => setExpertId(e.target.value)}
                data-testid="applicant-conflict-expert"
              >
                <option value="">Choose an expert</option>
                {state.data.pool.map((p) => (
                  <option key={p.expertId} value={p.expertId}>
                    {p.name}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${id}-reason`} className="field__label">
                Reason
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
              Declare conflict
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
