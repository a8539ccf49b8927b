import { useState } from 'react';
import type { Locale } from '../../../domain/accounts/roles.js';
import { authApi } from '../../api.js';
import { Field, FormError, looksLikeEmail, passwordProblems, SubmitButton, TextField, useForm } from '../../components/Form.js';
import { RecordPicker } from '../../components/RecordPicker.js';
import { currentLanguage, useT } from '../../i18n/index.js';
import { Link } from '../../router.js';
import { useTitle } from '../../use-title.js';
import { Done } from './Done.js';

export function SignUpPage() {
  const { t } = useT('accounts');
  useTitle(t('auth.signUp'));
  const form = useForm();
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [institutionId, setInstitutionId] = useState('');
  const [locale, setLocale] = useState<Locale>(currentLanguage);
  const [done, setDone] = useState<string | null>(null);

  const onSubmit = form.submit(
    async () => {
      const result = await authApi.signUp({
        email: email.trim(),
        displayName: displayName.trim(),
        password,
        institutionId,
        locale,
      });
      setDone(result.message);
    },
    () => ({
      ...(looksLikeEmail(email) ? {} : { email: t('auth.enterEmail') }),
      ...(displayName.trim() ? {} : { displayName: t('auth.enterName') }),
      ...passwordProblems(password, confirm),
      ...(institutionId ? {} : { institutionId: t('auth.chooseInstitution') }),
    }),
  );

  if (done) {
    return (
      <Done title={t('auth.checkMail')} testId="sign-up-done">
        <p>{done}</p>
        <p>{t('auth.confirmThenSignIn')}</p>
      </Done>
    );
  }

  return (
    <section className="auth" data-testid="sign-up-page">
      <h1>{t('auth.signUp')}</h1>
      <p className="lead">{t('auth.signUpLead')}</p>
      <form ref={form.formRef} className="form card" onSubmit={onSubmit} noValidate data-testid="sign-up-form">
        <FormError message={form.detail} />
        <TextField
          label={t('auth.email')}
          type="email"
          name="email"
          autoComplete="email"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={form.fields.email}
          testId="sign-up-email"
        />
        <TextField
          label={t('auth.yourName')}
          name="displayName"
          autoComplete="name"
          value={displayName}
          onChange={(e) => setDisplayName(e.target.value)}
          error={form.fields.displayName}
          testId="sign-up-name"
        />
        <RecordPicker
          kind="institutions"
          label={t('auth.yourInstitution')}
          value={institutionId}
          onChange={setInstitutionId}
          error={form.fields.institutionId}
          testId="sign-up-institution"
        />
        <Field label={t('auth.emailLanguage')} error={form.fields.locale}>
          {(props) => (
            <select
              {...props}
              className="input"
              value={locale}
              onChange={(e) => setLocale(e.target.value as Locale)}
              data-testid="sign-up-locale"
            >
              <option value="en" lang="en">
                {t('language.en', { ns: 'common' })}
              </option>
              <option value="zh" lang="zh">
                {t('language.zh', { ns: 'common' })}
              </option>
            </select>
          )}
        </Field>
        <TextField
          label={t('auth.password')}
          type="password"
          name="password"
          autoComplete="new-password"
          hint={t('auth.passwordHint')}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={form.fields.password}
          testId="sign-up-password"
        />
        <TextField
          label={t('auth.passwordAgain')}
          type="password"
          name="confirm"
          autoComplete="new-password"
          value={confirm}
          onChange={(e) => setConfirm(e.target.value)}
          error={form.fields.confirm}
          testId="sign-up-confirm"
        />
        <div className="form__actions">
          <SubmitButton busy={form.busy} testId="sign-up-submit">
            {t('auth.createAccount')}
          </SubmitButton>
        </div>
      </form>
      <p className="auth__aside">
        {t('auth.haveAccount')} <Link to="/sign-in">{t('auth.signIn')}</Link>
      </p>
    </section>
  );
}
