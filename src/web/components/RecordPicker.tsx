import { useEffect, useState } from 'react';
import { type Choice, type RegistryKind, registryApi } from '../api.js';
import { useT } from '../i18n/index.js';
import { Field } from './Form.js';

/**
 * A searchable select over a registry list: type to narrow the list (20 at a time, by name), then
 * choose. Two plain controls rather than a custom combobox, so keyboards, screen readers and phones
 * all get their native behaviour.
 */
export function RecordPicker({
  kind,
  label,
  value,
  onChange,
  error,
  testId,
}: {
  kind: RegistryKind;
  label: string;
  value: string;
  onChange: (id: string) => void;
  error?: string;
  testId?: string;
}) {
  const { t } = useT('common');
  const noun = t(`picker.noun.${kind}`);
  const nouns = t(`picker.nouns.${kind}`);
  const [query, setQuery] = useState('');
  const [choices, setChoices] = useState<Choice[] | null>(null);
  const [selected, setSelected] = useState<Choice | null>(null);
  const [failed, setFailed] = useState<string | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    const timer = setTimeout(() => {
      registryApi.search(kind, query, controller.signal).then(
        (found) => {
          setChoices(found);
          setFailed(null);
        },
        (e: unknown) => {
          if (!controller.signal.aborted) setFailed(e instanceof Error ? e.message : String(e));
        },
      );
    }, 250);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [kind, query]);

  // A value chosen earlier (a saved draft) is named even when it is not among the first results.
  useEffect(() => {
    if (!value || selected?.id === value) return;
    let live = true;
    registryApi.one(kind, value).then(
      (found) => {
        if (live) setSelected(found);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [kind, value, selected?.id]);

  // Keep the chosen record in the list even when a new search no longer finds it.
  const shown = selected && !choices?.some((c) => c.id === selected.id) ? [selected, ...(choices ?? [])] : (choices ?? []);

  return (
    <Field label={label} error={error ?? failed ?? undefined} hint={t('picker.hint', { noun })} testId={testId}>
      {(props) => (
        <div className="picker">
          <input
            type="search"
            className="input picker__search"
            placeholder={t('picker.search', { nouns })}
            aria-label={t('picker.searchLabel', { nouns })}
            aria-controls={props.id}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            data-testid={testId ? `${testId}-search` : undefined}
          />
          <select
            {...props}
            className="input"
            value={value}
            onChange={(e) => {
              onChange(e.target.value);
              setSelected(shown.find((c) => c.id === e.target.value) ?? null);
            }}
            data-testid={testId ? `${testId}-select` : undefined}
          >
            <option value="">
              {choices === null
                ? t('state.loading')
                : shown.length === 0
                  ? t('picker.noMatch', { noun })
                  : t(`picker.choose.${kind}`)}
            </option>
            {shown.map((c) => (
              <option key={c.id} value={c.id}>
                {c.label}
              </option>
            ))}
          </select>
        </div>
      )}
    </Field>
  );
}

const names = new Map<string, Promise<string>>();

/** The name of the registry record a grant is scoped to, looked up once per id. */
export function ScopeName({ kind, id }: { kind: RegistryKind; id: string }) {
  const [name, setName] = useState<string | null>(null);
  useEffect(() => {
    const key = `${kind}/${id}`;
    let lookup = names.get(key);
    if (!lookup) {
      lookup = registryApi.one(kind, id).then(
        (c) => c.label,
        () => id,
      );
      names.set(key, lookup);
    }
    let live = true;
    void lookup.then((n) => {
      if (live) setName(n);
    });
    return () => {
      live = false;
    };
  }, [kind, id]);
  return <span title={id}>{name ?? id}</span>;
}
