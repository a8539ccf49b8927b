import { useState } from 'react';
import { useT } from '../../i18n/index.js';
import { type SelectionProposal, selectionApi } from '../../selection-api.js';
import { messageOf } from '../review/common.js';
import { countryLabel } from './format.js';

/**
 * Merits entered by the official, for calls run without the review panel (or to correct one):
 * whole numbers from 0 to 1,000,000; an entered merit takes precedence over the panel's.
 */
export function MeritsForm({ proposal: p, onSaved }: { proposal: SelectionProposal; onSaved: () => void }) {
  const { t } = useT('selection');
  const rows = [
    ...p.unscoredProposals.map((q) => ({ ...q, merit: null as number | null })),
    ...p.proposals.map((q) => ({ id: q.id, title: q.title, country: q.country, merit: q.merit as number | null })),
  ];
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(rows.map((r) => [r.id, r.merit === null ? '' : String(r.merit)])),
  );
  const [message, setMessage] = useState<string | null>(null);
  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    const changed = rows
      .filter((r) => values[r.id] !== '' && values[r.id] !== (r.merit === null ? '' : String(r.merit)))
      .map((r) => ({ applicationId: r.id, merit: Number(values[r.id]) }));
    if (changed.length === 0) return setMessage(t('merits.nothing'));
    if (changed.some((m) => !Number.isInteger(m.merit) || m.merit < 0 || m.merit > 1_000_000))
      return setMessage(t('merits.invalid'));
    try {
      await selectionApi.setMerits(p.callId, changed);
      setMessage(null);
      onSaved();
    } catch (e) {
      setMessage(messageOf(e));
    }
  };
  return (
    <details className="panel" open={p.unscored.length > 0} data-testid="merits-panel">
      <summary>
        <h2 className="selection-summary-heading">{t('merits.heading')}</h2>
      </summary>
      <p className="muted">{t('merits.hint')}</p>
      <form onSubmit={save} data-testid="merits-form">
        <ul className="selection-merits">
          {rows.map((r) => (
            <li key={r.id}>
              <label className="field">
                <span className="field__label">
                  {r.title} ({countryLabel(r.country, t('unknownCountry'))})
                </span>
                <input
                  className="input"
                  type="number"
                  min={0}
                  max={1_000_000}
                  step={1}
                  value={values[r.id] ?? ''}
                  onChange={(e) => setValues((v) => ({ ...v, [r.id]: e.target.value }))}
                  data-testid="merit-input"
                />
              </label>
            </li>
          ))}
        </ul>
        {message ? (
          <p className="form-error" role="alert">
            {message}
          </p>
        ) : null}
        <button type="submit" className="button" data-testid="save-merits">
          {t('merits.save')}
        </button>
      </form>
    </details>
  );
}
