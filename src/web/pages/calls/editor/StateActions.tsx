import { useState } from 'react';
import { type CallDetail, callsApi } from '../../../calls-api.js';
import { FormError } from '../../../components/Form.js';
import { useT } from '../../../i18n/index.js';

/** Each verb's words are `state.<verb>`, `state.<verb>Consequence` and `state.<verb>Confirm` in the catalogue. */
const ACTIONS = ['publish', 'close', 'cancel'] as const;

/** The state changes the server says this person may make now (call.can), each confirmed once. */
export function StateActions({ call, onChanged }: { call: CallDetail; onChanged: (call: CallDetail) => void }) {
  const { t } = useT('calls');
  const [confirming, setConfirming] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const offered = ACTIONS.filter((verb) => call.can[verb]);
  if (offered.length === 0) return null;
  const run = async (verb: (typeof ACTIONS)[number]) => {
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
      <h2 id="state-heading">{t('state.heading')}</h2>
      <FormError message={error} />
      <div className="form__actions">
        {offered.map((verb) =>
          confirming === verb ? (
            <span key={verb} className="confirm">
              <span>{t(`state.${verb}Consequence`)}</span>{' '}
              <button
                type="button"
                className={verb === 'cancel' ? 'button button--danger' : 'button'}
                disabled={busy}
                onClick={() => void run(verb)}
                data-testid={`confirm-${verb}`}
              >
                {busy ? t('form.pleaseWait', { ns: 'common' }) : t(`state.${verb}Confirm`)}
              </button>{' '}
              <button type="button" className="button button--quiet" onClick={() => setConfirming(null)}>
                {t('state.notNow')}
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
              {t(`state.${verb}`)}…
            </button>
          ),
        )}
      </div>
    </section>
  );
}
