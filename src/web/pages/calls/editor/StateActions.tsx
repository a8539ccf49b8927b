import { useState } from 'react';
import { type CallDetail, callsApi } from '../../../calls-api.js';
import { FormError } from '../../../components/Form.js';

const ACTIONS = [
  ['publish', 'Publish', 'Applicants can see it and apply once it opens.'],
  ['close', 'Close to submissions', 'No more applications or amendments are accepted.'],
  ['cancel', 'Cancel the call', 'The call is withdrawn; this cannot be undone.'],
] as const;

/** The state changes the server says this person may make now (call.can), each confirmed once. */
export function StateActions({ call, onChanged }: { call: CallDetail; onChanged: (call: CallDetail) => void }) {
  const [confirming, setConfirming] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const offered = ACTIONS.filter(([verb]) => call.can[verb]);
  if (offered.length === 0) return null;
  const run = async (verb: (typeof ACTIONS)[number][0]) => {
    setBusy(true);
    setError(null);
    try {
      onChanged(await callsApi.transition(call.id, verb));
      setConfirming(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="state-heading" className="panel" data-testid="call-state-actions">
      <h2 id="state-heading">State</h2>
      <FormError message={error} />
      <div className="form__actions">
        {offered.map(([verb, name, consequence]) =>
          confirming === verb ? (
            <span key={verb} className="confirm">
              <span>{consequence}</span>{' '}
              <button
                type="button"
                className={verb === 'cancel' ? 'button button--danger' : 'button'}
                disabled={busy}
                onClick={() => void run(verb)}
                data-testid={`confirm-${verb}`}
              >
                {busy ? 'Please wait…' : `Yes, ${name.toLowerCase()}`}
              </button>{' '}
              <button type="button" className="button button--quiet" onClick={() => setConfirming(null)}>
                Not now
              </button>
            </span>
          ) : (
            <button
              key={verb}
              type="button"
              className={verb === 'publish' ? 'button' : 'button button--quiet'}
              onClick={() => setConfirming(verb)}
              data-testid={`call-${verb}`}
            >
              {name}…
            </button>
          ),
        )}
      </div>
    </section>
  );
}
