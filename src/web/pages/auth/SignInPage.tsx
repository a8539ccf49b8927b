import { useState } from 'react';
import { authApi, useSession } from '../../api.js';
import { FormError, looksLikeEmail, SubmitButton, TextField, useForm } from '../../components/Form.js';
import { useT } from '../../i18n/index.js';
import { Link, navigate, safeNext, useSearch } from '../../router.js';
import { useTitle } from '../../use-title.js';

export function SignInPage() {
  const { t } = useT('accounts');
  useTitle(t('auth.signIn'));
  const search = useSearch();
  const next = safeNext(search.get('next'));
  const { account } = useSession();
  const form = useForm();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');

  const onSubmit = form.submit(
    async () => {
      await authApi.signIn(email.trim(), password);
      navigate(next === '/' ? '/account' : next, { replace: true });
    },
    () => ({
      ...(looksLikeEmail(email) ? {} : { email: t('auth.enterEmail') }),
      ...(password ? {} : { password: t('auth.enterPassword') }),
    }),
  );

  return (
    <section className="auth" data-testid="sign-in-page">
      <h1>{t('auth.signIn')}</h1>
      {account ? (
        <p className="callout" data-testid="already-signed-in">
          {t('auth.signedInAs', { name: account.displayName })} <Link to="/account">{t('auth.yourAccount')}</Link>
        </p>
      ) : null}
      <form ref={form.formRef} className="form card" onSubmit={onSubmit} noValidate data-testid="sign-in-form">
        <FormError message={form.detail} />
        <TextField
          label={t('auth.email')}
          type="email"
          name="email"
          autoComplete="username"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={form.fields.email}
          testId="sign-in-email"
        />
        <TextField
          label={t('auth.password')}
          type="password"
          name="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={form.fields.password}
          testId="sign-in-password"
        />
        <div className="form__actions">
          <SubmitButton busy={form.busy} testId="sign-in-submit">
            {t('auth.signIn')}
          </SubmitButton>
          <Link to="/reset-password">{t('auth.forgot')}</Link>
        </div>
      </form>
      <p className="auth__aside">
        {t('auth.applying')} <Link to="/sign-up">{t('auth.createApplicant')}</Link>
      </p>
    </section>
  );
}
