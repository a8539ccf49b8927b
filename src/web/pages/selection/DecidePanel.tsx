import { useId, useState } from 'react';
import { useT } from '../../i18n/index.js';
import { type DecisionInput, type SelectionProposal, selectionApi } from '../../selection-api.js';
import { messageOf } from '../review/common.js';
import type { Draft } from './Board.js';
import { num } from './format.js';
import { namesOf } from './reason-text.js';
import type { WorkingCheck } from './working-set.js';

/**
 * The decision itself: the live check of the official's set (every rule, the merit it gives up
 * against the optimiser's set), each proposal's reason and conditions, and the freeze.
 */
export function DecidePanel({
  proposal: p,
  mayDecide,
  draft,
  check,
  onText,
  onDecided,
}: {
  proposal: SelectionProposal;
  mayDecide: boolean;
  draft: Draft;
  check: WorkingCheck;
  onText: (field: 'conditions' | 'reasons', id: string, text: string) => void;
  onDecided: () => void;
}) {
  const { t } = useT('selection');
  const id = useId();
  const names = namesOf(p, t);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const ranked = [...p.proposals].sort((a, b) => b.merit - a.merit || (a.id < b.id ? -1 : 1));
  const missing = ranked.filter(
    (q) =>
      !(draft.reasons[q.id] ?? '').trim() || (draft.outcomes[q.id] === 'conditional' && !(draft.conditions[q.id] ?? '').trim()),
  );
  const ready = check.broken.length === 0 && missing.length === 0 && ranked.length > 0;
  const decide = async () => {
    setBusy(true);
    setError(null);
    const decisions: DecisionInput[] = ranked.map((q) => {
      const outcome = draft.outcomes[q.id] ?? 'rejected';
      return {
        applicationId: q.id,
        outcome,
        reason: (draft.reasons[q.id] ?? '').trim(),
        ...(outcome === 'conditional' ? { conditions: (draft.conditions[q.id] ?? '').trim() } : {}),
      };
    });
    try {
      await selectionApi.decide(p.callId, decisions);
      onDecided();
    } catch (e) {
      setError(messageOf(e));
      setConfirming(false);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="panel" aria-labelledby={`${id}-heading`} data-testid="decide-panel">
      <h2 id={`${id}-heading`}>{t('decide.heading')}</h2>
      <div role="status" aria-live="polite" data-testid="override-check">
        <p data-testid="merit-lost">
          {t('decide.merit', {
            merit: num(check.merit),
            optimum: p.objective === null ? '—' : num(p.objective),
            lost: num(check.meritLost),
          })}
        </p>
        {check.broken.length > 0 ? (
          <div className="callout callout--warn" data-testid="broken-rules">
            <p>{t('decide.broken')}</p>
            <ul>
              {check.broken.map((r) => (
                <li key={r}>{names.rule(r)}</li>
              ))}
            </ul>
          </div>
        ) : (
          <p data-testid="rules-hold">{t('decide.rulesHold')}</p>
        )}
      </div>
      <ol className="selection-decisions">
        {ranked.map((q) => {
          const outcome = draft.outcomes[q.id] ?? 'rejected';
          return (
            <li key={q.id} data-testid="decision-item" data-id={q.id}>
              <fieldset className="fieldset">
                <legend>
                  {q.title} — <strong>{t(`outcome.${outcome}`)}</strong>
                </legend>
                {outcome === 'conditional' ? (
                  <label className="field">
                    <span className="field__label">{t('decide.conditions')}</span>
                    <textarea
                      className="input textarea"
                      rows={2}
                      value={draft.conditions[q.id] ?? ''}
                      onChange={(e) => onText('conditions', q.id, e.target.value)}
                      data-testid="decision-conditions"
                    />
                  </label>
                ) : null}
                <label className="field">
                  <span className="field__label">{t('decide.reason')}</span>
                  <textarea
                    className="input textarea"
                    rows={2}
                    value={draft.reasons[q.id] ?? ''}
                    onChange={(e) => onText('reasons', q.id, e.target.value)}
                    data-testid="decision-reason"
                  />
                </label>
              </fieldset>
            </li>
          );
        })}
      </ol>
      {missing.length > 0 ? <p className="field__error">{t('decide.missing', { count: missing.length })}</p> : null}
      {error ? (
        <p className="form-error" role="alert" data-testid="decide-error">
          {error}
        </p>
      ) : null}
      {!mayDecide ? (
        <p className="muted" data-testid="read-only">
          {t('decide.readOnly')}
        </p>
      ) : confirming ? (
        <div className="confirm" data-testid="freeze-confirm">
          <p>{t('decide.confirmText', { count: ranked.length })}</p>
          <button
            type="button"
            className="button button--danger"
            disabled={busy}
            onClick={decide}
            data-testid="freeze-confirm-button"
          >
            {t('decide.confirm')}
          </button>{' '}
          <button type="button" className="button button--quiet" onClick={() => setConfirming(false)}>
            {t('decide.cancel')}
          </button>
        </div>
      ) : (
        <button type="button" className="button" disabled={!ready} onClick={() => setConfirming(true)} data-testid="freeze">
          {t('decide.freeze')}
        </button>
      )}
    </section>
  );
}
