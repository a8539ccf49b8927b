import { useEffect, useRef, useState } from 'react';
import type { TokenScope } from '../../../domain/accounts/roles.js';
import { type ApiToken, accountApi, type NewApiToken } from '../../api.js';
import { Chip } from '../../components/Chip.js';
import { FormError, SubmitButton, TextField, useForm } from '../../components/Form.js';
import { Loaded } from '../../components/PageState.js';
import { formatDate } from '../../format.js';
import { useT } from '../../i18n/index.js';
import { useLoadedState } from '../../use-load.js';

function tokenState(t: ApiToken): 'revoked' | 'expired' | 'active' {
  if (t.revokedAt) return 'revoked';
  if (t.expiresAt && new Date(t.expiresAt) <= new Date()) return 'expired';
  return 'active';
}

export function TokensSection() {
  const { t } = useT('accounts');
  const { load, update } = useLoadedState((signal) => accountApi.tokens(signal), 'tokens');
  const [created, setCreated] = useState<NewApiToken | null>(null);
  const [error, setError] = useState<string | null>(null);

  const revoke = async (token: ApiToken) => {
    setError(null);
    try {
      const revoked = await accountApi.revokeToken(token.id);
      update((list) => list.map((x) => (x.id === revoked.id ? revoked : x)));
      if (created?.id === token.id) setCreated(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <section aria-labelledby="tokens-heading">
      <h2 id="tokens-heading">{t('tokens.heading')}</h2>
      <p className="muted">
        {t('tokens.introBefore')} <code>Authorization: Bearer &lt;token&gt;</code>
        {t('tokens.introAfter')}
      </p>
      {created ? <NewSecret token={created} onDone={() => setCreated(null)} /> : null}
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <Loaded load={load} what={t('sessions.what')}>
        {(tokens) =>
          tokens.length === 0 ? (
            <p className="muted" data-testid="no-tokens">
              {t('tokens.none')}
            </p>
          ) : (
            <ul className="rows" data-testid="tokens">
              {tokens.map((token) => {
                const state = tokenState(token);
                return (
                  <li key={token.id} className="row" data-testid="token">
                    <div className="row__main">
                      <strong data-testid="token-name">{token.name}</strong>{' '}
                      <code data-testid="token-prefix">{token.prefix}…</code>{' '}
                      <Chip value={state === 'active' ? 'open' : 'completed'} text={t(`tokens.state.${state}`)} />
                      <p className="row__meta">
                        {token.scopes.map((s) => t(`tokens.scope.${s}`)).join(' + ')} ·{' '}
                        {t('tokens.created', { at: formatDate(token.createdAt) })} ·{' '}
                        {token.expiresAt ? t('tokens.expires', { at: formatDate(token.expiresAt) }) : t('tokens.neverExpires')} ·{' '}
                        {token.lastUsedAt ? t('tokens.lastUsed', { at: formatDate(token.lastUsedAt) }) : t('tokens.neverUsed')}
                      </p>
                    </div>
                    {state === 'active' ? (
                      <button
                        type="button"
                        className="button button--quiet"
                        onClick={() => void revoke(token)}
                        aria-label={t('tokens.revokeLabel', { name: token.name })}
                        data-testid="token-revoke"
                      >
                        {t('tokens.revoke')}
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
  const { t } = useT('accounts');
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
      ...(name.trim() ? {} : { name: t('tokens.nameRequired') }),
      ...(scopes.length > 0 ? {} : { scopes: t('tokens.scopeRequired') }),
      ...(days.trim() === '' || (/^\d+$/.test(days.trim()) && Number(days) >= 1 && Number(days) <= 3650)
        ? {}
        : { expiresInDays: t('tokens.daysInvalid') }),
    }),
  );

  const toggle = (scope: TokenScope, on: boolean) =>
    setScopes((s) => (on ? [...new Set([...s, scope])] : s.filter((x) => x !== scope)));

  return (
    <form ref={form.formRef} className="form card form--inline" onSubmit={onSubmit} noValidate data-testid="token-form">
      <h3>{t('tokens.new')}</h3>
      <FormError message={form.detail} />
      <TextField
        label={t('tokens.name')}
        name="name"
        placeholder={t('tokens.namePlaceholder')}
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={form.fields.name}
        testId="token-name-input"
      />
      <fieldset className="field" aria-invalid={form.fields.scopes ? true : undefined}>
        <legend className="field__label">{t('tokens.scopes')}</legend>
        <label className="check">
          <input
            type="checkbox"
            checked={scopes.includes('read')}
            onChange={(e) => toggle('read', e.target.checked)}
            aria-invalid={form.fields.scopes ? true : undefined}
            data-testid="token-scope-read"
          />{' '}
          {t('tokens.scope.read')}
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={scopes.includes('write')}
            onChange={(e) => toggle('write', e.target.checked)}
            data-testid="token-scope-write"
          />{' '}
          {t('tokens.scope.write')}
        </label>
        {form.fields.scopes ? <p className="field__error">{form.fields.scopes}</p> : null}
      </fieldset>
      <TextField
        label={t('tokens.days')}
        name="expiresInDays"
        inputMode="numeric"
        hint={t('tokens.daysHint')}
        value={days}
        onChange={(e) => setDays(e.target.value)}
        error={form.fields.expiresInDays}
        testId="token-days"
      />
      <div className="form__actions">
        <SubmitButton busy={form.busy} testId="token-create">
          {t('tokens.create')}
        </SubmitButton>
      </div>
    </form>
  );
}

/** The secret, shown this once, with a copy button; it takes focus so it is not missed. */
function NewSecret({ token, onDone }: { token: NewApiToken; onDone: () => void }) {
  const { t } = useT('accounts');
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
      <h3 id="secret-heading">{t('tokens.secretHeading', { name: token.name })}</h3>
      <p className="secret__warning">
        <strong>{t('tokens.copyNow')}</strong> {t('tokens.shownOnce')}
      </p>
      <div className="secret__value">
        <input
          ref={input}
          className="input secret__input"
          readOnly
          value={token.token}
          aria-label={t('tokens.secretLabel')}
          onFocus={(e) => e.target.select()}
          data-testid="token-secret"
        />
        <button type="button" className="button" onClick={() => void copy()} data-testid="token-copy">
          {t('tokens.copy')}
        </button>
      </div>
      <p className="muted" aria-live="polite">
        {copied === 'yes' ? t('tokens.copied') : copied === 'no' ? t('tokens.copyByHand') : ''}
      </p>
      <button type="button" className="button button--quiet" onClick={onDone} data-testid="token-secret-done">
        {t('tokens.stored')}
      </button>
    </section>
  );
}
