import { type ReactNode, useEffect, useState } from 'react';
import { Field } from '../../components/Form.js';
import { formatNumber } from '../../format.js';
import { i18n } from '../../i18n/index.js';

// Editor controls: each carries `data-field` with its API path, so a submit error lands beside it.

export function TextInput({
  label,
  path,
  value,
  onChange,
  error,
  hint,
  type = 'text',
  autoComplete,
  maxLength,
}: {
  label: ReactNode;
  path: string;
  value: string | undefined;
  onChange: (value: string) => void;
  error?: string;
  hint?: ReactNode;
  type?: string;
  autoComplete?: string;
  maxLength?: number;
}) {
  return (
    <Field label={label} error={error} hint={hint}>
      {(props) => (
        <input
          {...props}
          className="input"
          type={type}
          value={value ?? ''}
          autoComplete={autoComplete}
          maxLength={maxLength}
          onChange={(e) => onChange(e.target.value)}
          data-field={path}
          data-testid={`f-${path}`}
        />
      )}
    </Field>
  );
}

export function TextArea({
  label,
  path,
  value,
  onChange,
  error,
  hint,
  rows = 5,
  maxLength,
}: {
  label: ReactNode;
  path: string;
  value: string | undefined;
  onChange: (value: string) => void;
  error?: string;
  hint?: ReactNode;
  rows?: number;
  maxLength?: number;
}) {
  const length = value?.length ?? 0;
  return (
    <Field
      label={label}
      error={error}
      hint={
        <>
          {hint}
          {hint ? ' ' : ''}
          {maxLength ? (
            <span className="counter">
              {i18n.t('fields.characters', {
                ns: 'applications',
                length: formatNumber(length),
                max: formatNumber(maxLength),
              })}
            </span>
          ) : null}
        </>
      }
    >
      {(props) => (
        <textarea
          {...props}
          className="input textarea"
          rows={rows}
          value={value ?? ''}
          maxLength={maxLength}
          onChange={(e) => onChange(e.target.value)}
          data-field={path}
          data-testid={`f-${path}`}
        />
      )}
    </Field>
  );
}

export function Select({
  label,
  path,
  value,
  onChange,
  options,
  placeholder,
  error,
  hint,
}: {
  label: ReactNode;
  path: string;
  value: string | undefined;
  onChange: (value: string) => void;
  options: { value: string; label: string }[];
  placeholder?: string;
  error?: string;
  hint?: ReactNode;
}) {
  return (
    <Field label={label} error={error} hint={hint}>
      {(props) => (
        <select
          {...props}
          className="input"
          value={value ?? ''}
          onChange={(e) => onChange(e.target.value)}
          data-field={path}
          data-testid={`f-${path}`}
        >
          {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

const WHOLE = /^-?\d+$/;

/**
 * A whole number in a stated unit. What is typed stays on screen even when it is not a whole number
 * (the document only takes integers; a note says why the value is not kept).
 */
export function NumberInput({
  label,
  unit,
  path,
  value,
  onChange,
  error,
  hint,
  min = 0,
  max,
}: {
  label: string;
  unit: string;
  path: string;
  value: number | undefined;
  onChange: (value: number | undefined) => void;
  error?: string;
  hint?: ReactNode;
  min?: number;
  max?: number;
}) {
  const parse = (t: string): number | undefined => {
    const s = t.trim();
    if (!WHOLE.test(s)) return undefined;
    const n = Number(s);
    return n >= min && (max == null || n <= max) ? n : undefined;
  };
  const [text, setText] = useState(value == null ? '' : String(value));
  // A value changed from outside (a restored copy) replaces what is shown; a typed non-number stays.
  // biome-ignore lint/correctness/useExhaustiveDependencies: parse depends only on min and max
  useEffect(() => {
    setText((t) => (parse(t) === value ? t : value == null ? '' : String(value)));
  }, [value]);
  const t = (key: string, options?: Record<string, unknown>) => i18n.t(key, { ns: 'applications', ...options });
  const unitName = i18n.t(`unitName.${unit}`, { ns: 'common', defaultValue: unit });
  const trimmed = text.trim();
  const local =
    trimmed === '' || parse(text) !== undefined
      ? undefined
      : WHOLE.test(trimmed)
        ? max != null
          ? t('fields.numberRange', { min, max })
          : t('fields.numberFrom', { min })
        : t('fields.wholeNumber', { unit: unitName });
  return (
    <Field label={t('fields.withUnit', { label, unit: unitName })} error={error ?? local} hint={hint}>
      {(props) => (
        <input
          {...props}
          className="input input--number"
          type="text"
          inputMode="numeric"
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            onChange(parse(e.target.value));
          }}
          data-field={path}
          data-testid={`f-${path}`}
        />
      )}
    </Field>
  );
}
