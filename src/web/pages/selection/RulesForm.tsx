import { useState } from 'react';
import { useT } from '../../i18n/index.js';
import { type SelectionProposal, selectionApi } from '../../selection-api.js';
import { messageOf } from '../review/common.js';
import { OfficialList, PairList } from './RuleLists.js';

const count = (s: string) => (s.trim() === '' ? null : Number(s));

/**
 * The call's selection rules: at most N per country, at least K countries, exclusive and
 * required-together pairs, must-select / must-reject with the official's reason, partial sample
 * grants. Saved whole; the optimiser re-solves with them.
 */
export function RulesForm({ proposal: p, onSaved }: { proposal: SelectionProposal; onSaved: () => void }) {
  const { t } = useT('selection');
  const [cap, setCap] = useState(p.rules.countryCap?.toString() ?? '');
  const [min, setMin] = useState(p.rules.minCountries?.toString() ?? '');
  const [excludes, setExcludes] = useState(p.rules.excludes);
  const [requires, setRequires] = useState<[string, string][]>(p.rules.requires.map((r) => [r.proposal, r.needs]));
  const [mustSelect, setMustSelect] = useState(p.rules.mustSelect);
  const [mustReject, setMustReject] = useState(p.rules.mustReject);
  const [partial, setPartial] = useState(p.rules.allowPartialGrants);
  const [error, setError] = useState<string | null>(null);
  const options = p.proposals.map((q) => ({ id: q.id, title: q.title }));
  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    const [countryCap, minCountries] = [count(cap), count(min)];
    if ([countryCap, minCountries].some((n) => n !== null && (!Number.isInteger(n) || n < 1)))
      return setError(t('rules.invalidCount'));
    try {
      await selectionApi.setRules(p.callId, {
        countryCap,
        minCountries,
        excludes,
        requires: requires.map(([proposal, needs]) => ({ proposal, needs })),
        mustSelect,
        mustReject,
        allowPartialGrants: partial,
      });
      setError(null);
      onSaved();
    } catch (e) {
      setError(messageOf(e));
    }
  };
  return (
    <details className="panel" data-testid="rules-panel">
      <summary>
        <h2 className="selection-summary-heading">{t('rules.heading')}</h2>
      </summary>
      <form onSubmit={save} data-testid="rules-form">
        <div className="selection-rule-add">
          <label className="field">
            <span className="field__label">{t('rules.countryCap')}</span>
            <input
              className="input"
              type="number"
              min={1}
              value={cap}
              onChange={(e) => setCap(e.target.value)}
              data-testid="rules-country-cap"
            />
          </label>
          <label className="field">
            <span className="field__label">{t('rules.minCountries')}</span>
            <input
              className="input"
              type="number"
              min={1}
              value={min}
              onChange={(e) => setMin(e.target.value)}
              data-testid="rules-min-countries"
            />
          </label>
        </div>
        <PairList
          legend={t('rules.excludes')}
          first={t('rules.first')}
          second={t('rules.second')}
          pairs={excludes}
          options={options}
          onChange={setExcludes}
          testId="rules-excludes"
        />
        <PairList
          legend={t('rules.requires')}
          first={t('rules.proposal')}
          second={t('rules.needs')}
          pairs={requires}
          options={options}
          onChange={setRequires}
          testId="rules-requires"
        />
        <OfficialList
          legend={t('rules.mustSelect')}
          items={mustSelect}
          options={options}
          onChange={setMustSelect}
          testId="rules-must-select"
        />
        <OfficialList
          legend={t('rules.mustReject')}
          items={mustReject}
          options={options}
          onChange={setMustReject}
          testId="rules-must-reject"
        />
        <label className="check">
          <input type="checkbox" checked={partial} onChange={(e) => setPartial(e.target.checked)} data-testid="rules-partial" />{' '}
          {t('rules.partial')}
        </label>
        {error ? (
          <p className="form-error" role="alert">
            {error}
          </p>
        ) : null}
        <button type="submit" className="button" data-testid="save-rules">
          {t('rules.save')}
        </button>
      </form>
    </details>
  );
}
