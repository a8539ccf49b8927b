import { useState } from 'react';
import type { Locale } from '../../../domain/accounts/roles.js';
import { adminApi } from '../../api.js';
import { Field, type FieldErrors, FormError, looksLikeEmail, SubmitButton, TextField, useForm } from '../../components/Form.js';
import { currentLanguage, useT } from '../../i18n/index.js';
import { Link } from '../../router.js';
import { emptyGrant, type GrantDraft, GrantFields, grantInput, grantProblems } from './GrantFields.js';

export function InviteForm() {
  const { t } = useT('admin');
  const form = useForm();
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [locale, setLocale] = useState<Locale>(currentLanguage);
  const [grants, setGrants] = useState<GrantDraft[]>([emptyGrant()]);
  const [sent, setSent] = useState<string | null>(null);

  const onSubmit = form.submit(
    async () => {
      await adminApi.invite({ email: email.trim(), displayName: displayName.trim(), locale, grants: chosen().map(grantInput) });
      setSent(email.trim());
      setEmail('');
      setDisplayName('');
      setGrants([emptyGrant()]);
    },
    () => {
      const fields: FieldErrors = {};
      if (!looksLikeEmail(email)) fields.email = t('invite.enterEmail');
      if (!displayName.trim()) fields.displayName = t('invite.enterName');
      grants.forEach((g, i) => {
        if (g.role || g.scopeId) Object.assign(fields, grantProblems(g, `grants.${i}.`));
      });
      return fields;
    },
  );

  // An untouched row means "no role yet"; the rest keep their order, so server paths still match rows.
  const chosen = () => grants.filter((g) => g.role);
  const setGrant = (i: number, draft: GrantDraft) => setGrants((list) => list.map((g, j) => (j === i ? draft : g)));
  // Server field paths name the grant ("grants.0.scopeId"); a bare "scopeId" comes from a grant check.
  const grantErrors = (i: number) => ({
    role: form.fields[`grants.${i}.role`],
    scopeId: form.fields[`grants.${i}.scopeId`] ?? (grants.length === 1 ? form.fields.scopeId : undefined),
  });

  return (
    <section aria-labelledby="invite-heading">
      <h2 id="invite-heading">{t('invite.heading')}</h2>
      <p className="muted">
        {t('invite.leadBefore')} <Link to="/admin?tab=outbox">{t('invite.outbox')}</Link>
        {t('invite.leadAfter')}
      </p>
      {sent ? (
        <p className="callout" role="status" data-testid="invite-sent">
          {t('invite.sent', { email: sent })}
        </p>
      ) : null}
      <form ref={form.formRef} className="form card" onSubmit={onSubmit} noValidate data-testid="invite-form">
        <FormError message={form.detail} />
        <TextField
          label={t('invite.email')}
          type="email"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={form.fields.email}
          testId="invite-email"
        />
        <TextField
          label={t('invite.name')}
          value={displayName}
          onChange={(e) => setDisplayName(e.target.value)}
          error={form.fields.displayName}
          testId="invite-name"
        />
        <Field label={t('invite.emailLanguage')} error={form.fields.locale}>
          {(props) => (
            <select {...props} className="input" value={locale} onChange={(e) => setLocale(e.target.value as Locale)}>
              <option value="en" lang="en">
                {t('language.en', { ns: 'common' })}
              </option>
              <option value="zh" lang="zh">
                {t('language.zh', { ns: 'common' })}
              </option>
            </select>
          )}
        </Field>
        <fieldset className="fieldset">
          <legend>{t('invite.roles')}</legend>
          {grants.map((g, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place; their order is their identity
            <div key={i} className="grant-row">
              <GrantFields draft={g} onChange={(d) => setGrant(i, d)} errors={grantErrors(i)} testId={`invite-grant-${i}`} />
              {grants.length > 1 ? (
                <button
                  type="button"
                  className="link-button"
                  onClick={() => setGrants((list) => list.filter((_, j) => j !== i))}
                  aria-label={t('invite.removeRole', { n: i + 1 })}
                >
                  {t('invite.remove')}
                </button>
              ) : null}
            </div>
          ))}
          <button type="button" className="link-button" onClick={() => setGrants((list) => [...list, emptyGrant()])}>
            {t('invite.anotherRole')}
          </button>
        </fieldset>
        <div className="form__actions">
          <SubmitButton busy={form.busy} testId="invite-submit">
            {t('invite.send')}
          </SubmitButton>
        </div>
      </form>
    </section>
  );
}
