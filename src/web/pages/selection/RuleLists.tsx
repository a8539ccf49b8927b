import { useId, useState } from 'react';
import { useT } from '../../i18n/index.js';

// The list editors of the rules form: pairs of proposals (exclusive, required together) and the
// official's forced decisions with their reasons.

export interface Option {
  id: string;
  title: string;
}

function ProposalSelect({
  label,
  value,
  options,
  onChange,
  testId,
}: {
  label: string;
  value: string;
  options: Option[];
  onChange: (id: string) => void;
  testId?: string;
}) {
  const { t } = useT('selection');
  return (
    <label className="field">
      <span className="field__label">{label}</span>
      <select className="input" value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId}>
        <option value="">{t('rules.choose')}</option>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.title}
          </option>
        ))}
      </select>
    </label>
  );
}

export function PairList({
  legend,
  first,
  second,
  pairs,
  options,
  onChange,
  testId,
}: {
  legend: string;
  first: string;
  second: string;
  pairs: [string, string][];
  options: Option[];
  onChange: (pairs: [string, string][]) => void;
  testId: string;
}) {
  const { t } = useT('selection');
  const [a, setA] = useState('');
  const [b, setB] = useState('');
  const title = (id: string) => options.find((o) => o.id === id)?.title ?? id;
  return (
    <fieldset className="fieldset" data-testid={testId}>
      <legend>{legend}</legend>
      <ul className="selection-rule-list">
        {pairs.map(([x, y], i) => (
          <li key={`${x}-${y}`}>
            {title(x)} — {title(y)}{' '}
            <button type="button" className="link-button" onClick={() => onChange(pairs.filter((_, k) => k !== i))}>
              {t('rules.remove', { what: `${title(x)} — ${title(y)}` })}
            </button>
          </li>
        ))}
      </ul>
      <div className="selection-rule-add">
        <ProposalSelect label={first} value={a} options={options} onChange={setA} testId={`${testId}-a`} />
        <ProposalSelect label={second} value={b} options={options} onChange={setB} testId={`${testId}-b`} />
        <button
          type="button"
          className="button button--small"
          disabled={!a || !b || a === b}
          onClick={() => {
            onChange([...pairs, [a, b]]);
            setA('');
            setB('');
          }}
          data-testid={`${testId}-add`}
        >
          {t('rules.add')}
        </button>
      </div>
    </fieldset>
  );
}

export function OfficialList({
  legend,
  items,
  options,
  onChange,
  testId,
}: {
  legend: string;
  items: { id: string; reason: string }[];
  options: Option[];
  onChange: (items: { id: string; reason: string }[]) => void;
  testId: string;
}) {
  const { t } = useT('selection');
  const reasonId = useId();
  const [id, setId] = useState('');
  const [reason, setReason] = useState('');
  const title = (x: string) => options.find((o) => o.id === x)?.title ?? x;
  return (
    <fieldset className="fieldset" data-testid={testId}>
      <legend>{legend}</legend>
      <ul className="selection-rule-list">
        {items.map((d, i) => (
          <li key={d.id}>
            {title(d.id)}: {d.reason}{' '}
            <button type="button" className="link-button" onClick={() => onChange(items.filter((_, k) => k !== i))}>
              {t('rules.remove', { what: title(d.id) })}
            </button>
          </li>
        ))}
      </ul>
      <div className="selection-rule-add">
        <ProposalSelect label={t('rules.proposal')} value={id} options={options} onChange={setId} testId={`${testId}-id`} />
        <label className="field" htmlFor={reasonId}>
          <span className="field__label">{t('rules.reason')}</span>
          <input
            id={reasonId}
            className="input"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            data-testid={`${testId}-reason`}
          />
        </label>
        <button
          type="button"
          className="button button--small"
          disabled={!id || !reason.trim()}
          onClick={() => {
            onChange([...items.filter((d) => d.id !== id), { id, reason: reason.trim() }]);
            setId('');
            setReason('');
          }}
          data-testid={`${testId}-add`}
        >
          {t('rules.add')}
        </button>
      </div>
    </fieldset>
  );
}
