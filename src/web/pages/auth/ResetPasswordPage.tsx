import { useState } from 'react';
import { authApi } from '../../api.js';
import { type FieldErrors, FormError, looksLikeEmail, SubmitButton, TextField, useForm } from '../../components/Form.js';
import { useT } from '../../i18n/index.js';
import { Link, useSearch } from '../../router.js';
import { useTitle } from '../../use-title.js';
import { Done } from './Done.js';
import { NewPasswordForm } from './NewPasswordForm.js';

/** Without a token: ask for a link. With ?token=…: choose the new password. */
export function ResetPasswordPage() {
  const { t } = useT('accounts');
  useTitle(t('auth.resetTitle'));
  const token = useSearch().get('token');
  if (token) {
    return (
      <section className="auth" data-testid="reset-password-page">
        <h1>{t('auth.chooseNewPassword')}</h1>
        <p className="lead">{t('auth.resetLead')}</p>
        <NewPasswordForm token={token} submit={authApi.resetPassword} button={t('auth.setNewPassword')} testId="reset-form" />
      </section>
    );
  }
  return <AskForLink />;
}

function AskForLink() {
  const { t } = useT('accounts');
  const form = useForm();
  const [email, setEmail] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const onSubmit = form.submit(
    async () => setDone((await authApi.requestPasswordReset(email.trim())).message),
    (): FieldErrors => (looksLikeEmail(email) ? {} : { email: t('auth.enterEmail') }),
  );
  if (done) {
    return (
      <Done title={t('auth.checkMail')} testId="reset-requested">
        <p>{done}</p>
        <p>{t('auth.linkLimited')}</p>
      </Done>
    );
  }
  return (
    <section className="auth" data-testid="reset-password-page">
      <h1>{t('auth.resetTitle')}</h1>
      <p className="lead">{t('auth.resetAskLead')}</p>
      <form ref={form.formRef} className="form card" onSubmit={onSubmit} noValidate data-testid="reset-request-form">
        <FormError message={form.detail} />
        <TextField
          label={t('auth.email')}
          type="email"
          name="email"
          autoComplete="email"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={form.fields.email}
          testId="reset-email"
        />
        <div className="form__actions">
          <SubmitButton busy={form.busy} testId="reset-request-submit">
            {t('auth.sendLink')}
          </SubmitButton>
          <Link to="/sign-in">{t('auth.backToSignIn')}</Link>
        </div>
      </form>
    </section>
  );
}
