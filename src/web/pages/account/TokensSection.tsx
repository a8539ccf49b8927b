import { useEffect, useRef, useState } from 'react';
import type { TokenScope } from '../../../domain/accounts/roles.js';
import { type ApiToken, accountApi, type NewApiToken } from '../../api.js';
import { Chip } from '../../components/Chip.js';
import { FormError, SubmitButton, TextField, useForm } from '../../components/Form.js';
import { Loaded } from '../../components/PageState.js';
import { formatDate } from '../../format.js';
import { useLoadedState } from '../../use-load.js';

function tokenState(t: ApiToken): 'revoked' | 'expired' | 'active' {
  if (t.revokedAt) return 'revoked';
  if (t.expiresAt && new Date(t.expiresAt) <= new Date()) return 'expired';
  return 'active';
}

export function TokensSection() {
  const { load, update } = useLoadedState((signal) => accountApi.tokens(signal), 'tokens');
  const [created, setCreated] = useState<NewApiToken | null>(null);
  const [error, setError] = useState<string | null>(null);

  const revoke = async (token: ApiToken) => {
    setError(null);
    try {
      const revoked = await accountApi.revokeToken(token.id);
      update((list) => list.map((t) => (t.id === revoked.id ? revoked : t)));
      if (created?.id === token.id) setCreated(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <section aria-labelledby="tokens-heading">
      <h2 id="tokens-heading">API tokens</h2>
      <p className="muted">
        For scripts and the command line: send <code>Authorization: Bearer &lt;token&gt;</code>. A token acts as you, with the
        scopes you give it.
      </p>
      {created ? <NewSecret token={created} onDone={() => setCreated(null)} /> : null}
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <Loaded load={load} what="list">
        {(tokens) =>
          tokens.length === 0 ? (
            <p className="muted" data-testid="no-tokens">
              You have no API token.
            </p>
          ) : (
            <ul className="rows" data-testid="tokens">
              {tokens.map((t) => {
                const state = tokenState(t);
                return (
                  <li key={t.id} className="row" data-testid="token">
                    <div className="row__main">
                      <strong data-testid="token-name">{t.name}</strong> <code data-testid="token-prefix">{t.prefix}…</code>{' '}
                      <Chip value={state === 'active' ? 'open' : 'completed'} text={state} />
                      <p className="row__meta">
                        {t.scopes.join(' + ')} · created {formatDate(t.createdAt)} ·{' '}
                        {t.expiresAt ? `expires ${formatDate(t.expiresAt)}` : 'never expires'} ·{' '}
                        {t.lastUsedAt ? `last used ${formatDate(t.lastUsedAt)}` : 'never used'}
                      </p>
                    </div>
                    {state === 'active' ? (
                      <button
                        type="button"
                        className="button button--quiet"
                        onClick={() => void revoke(t)}
                        aria-label={`Revoke the token ${t.name}`}
                        data-testid="token-revoke"
                      >
                        Revoke
                      </button>
                    ) : null}
                  </li>
                );
              })}
            </ul>
          )
        }
      </Loaded>
      <CreateToken
        onCreated={(token) => {
          setCreated(token);
          const { token: _secret, ...listed } = token;
          update((list) => [listed, ...list]);
        }}
      />
    </section>
  );
}

function CreateToken({ onCreated }: { onCreated: (token: NewApiToken) => void }) {
  const form = useForm();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<TokenScope[]>(['read']);
  const [days, setDays] = useState('90');

  const onSubmit = form.submit(
    async () => {
      const token = await accountApi.createToken({ name: name.trim(), scopes, expiresInDays: days.trim() ? Number(days) : null });
      onCreated(token);
      setName('');
    },
    () => ({
      ...(name.trim() ? {} : { name: 'Name the token after what uses it.' }),
      ...(scopes.length > 0 ? {} : { scopes: 'Choose at least one scope.' }),
      ...(days.trim() === '' || (/^\d+$/.test(days.trim()) && Number(days) >= 1 && Number(days) <= 3650)
        ? {}
        : { expiresInDays: 'Give a number of days from 1 to 3650, or leave it empty.' }),
    }),
  );

  const toggle = (scope: TokenScope, on: boolean) =>
    setScopes((s) => (on ? [...new Set([...s, scope])] : s.filter((x) => x !== scope)));

  return (
    <form ref={form.formRef} className="form card form--inline" onSubmit={onSubmit} noValidate data-testid="token-form">
      <h3>New token</h3>
      <FormError message={form.detail} />
      <TextField
        label="Name"
        name="name"
        placeholder="e.g. nightly export"
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={form.fields.name}
        testId="token-name-input"
      />
      <fieldset className="field" aria-invalid={form.fields.scopes ? true : undefined}>
        <legend className="field__label">Scopes</legend>
        <label className="check">
          <input
            type="checkbox"
            checked={scopes.includes('read')}
            onChange={(e) => toggle('read', e.target.checked)}
            aria-invalid={form.fields.scopes ? true : undefined}
            data-testid="token-scope-read"
          />{' '}
          read
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={scopes.includes('write')}
            onChange={(e) => toggle('write', e.target.checked)}
            data-testid="token-scope-write"
          />{' '}
          write
        </label>
        {form.fields.scopes ? <p className="field__error">{form.fields.scopes}</p> : null}
      </fieldset>
      <TextField
        label="Expires after (days)"
        name="expiresInDays"
        inputMode="numeric"
        hint="Leave empty for a token that never expires."
        value={days}
        onChange={(e) => setDays(e.target.value)}
        error={form.fields.expiresInDays}
        testId="token-days"
      />
      <div className="form__actions">
        <SubmitButton busy={form.busy} testId="token-create">
          Create token
        </SubmitButton>
      </div>
    </form>
  );
}

/** The secret, shown this once, with a copy button; it takes focus so it is not missed. */
function NewSecret({ token, onDone }: { token: NewApiToken; onDone: () => void }) {
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const box = useRef<HTMLElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: focus once per new token
  useEffect(() => box.current?.focus(), [token.id]);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(token.token);
      setCopied('yes');
    } catch {
      input.current?.select();
      setCopied('no');
    }
  };
  return (
    <section className="secret" aria-labelledby="secret-heading" tabIndex={-1} ref={box} data-testid="token-secret-box">
      <h3 id="secret-heading">Your new token “{token.name}”</h3>
      <p className="secret__warning">
        <strong>Copy it now.</strong> This is the only time it is shown; we keep only a fingerprint of it. If you lose it, revoke
        it and create another.
      </p>
      <div className="secret__value">
        <input
          ref={input}
          className="input secret__input"
          readOnly
          value={token.token}
          aria-label="Token secret"
          onFocus={(e) => e.target.select()}
          data-testid="token-secret"
        />
        <button type="button" className="button" onClick={() => void copy()} data-testid="token-copy">
          Copy
        </button>
      </div>
      <p className="muted" aria-live="polite">
        {copied === 'yes' ? 'Copied to the clipboard.' : copied === 'no' ? 'Select the text and copy it by hand.' : ''}
      </p>
      <button type="button" className="button button--quiet" onClick={onDone} data-testid="token-secret-done">
        I have stored it
      </button>
    </section>
  );
}
