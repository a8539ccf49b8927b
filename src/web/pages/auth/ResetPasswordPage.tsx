import { useState } from 'react';
import { authApi } from '../../api.js';
import { type FieldErrors, FormError, looksLikeEmail, SubmitButton, TextField, useForm } from '../../components/Form.js';
import { Link, useSearch } from '../../router.js';
import { useTitle } from '../../use-title.js';
import { Done } from './Done.js';
import { NewPasswordForm } from './NewPasswordForm.js';

/** Without a token: ask for a link. With ?token=…: choose the new password. */
export function ResetPasswordPage() {
  useTitle('Reset your password');
  const token = useSearch().get('token');
  if (token) {
    return (
      <section className="auth" data-testid="reset-password-page">
        <h1>Choose a new password</h1>
        <p className="lead">Every session of your account is signed out once the password changes.</p>
        <NewPasswordForm token={token} submit={authApi.resetPassword} button="Set new password" testId="reset-form" />
      </section>
    );
  }
  return <AskForLink />;
}

function AskForLink() {
  const form = useForm();
  const [email, setEmail] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const onSubmit = form.submit(
    async () => setDone((await authApi.requestPasswordReset(email.trim())).message),
    (): FieldErrors => (looksLikeEmail(email) ? {} : { email: 'Enter your e-mail address.' }),
  );
  if (done) {
    return (
      <Done title="Check your mail" testId="reset-requested">
        <p>{done}</p>
        <p>The link works once and for a limited time.</p>
      </Done>
    );
  }
  return (
    <section className="auth" data-testid="reset-password-page">
      <h1>Reset your password</h1>
      <p className="lead">We send a link to choose a new password to the address of your account.</p>
      <form ref={form.formRef} className="form card" onSubmit={onSubmit} noValidate data-testid="reset-request-form">
        <FormError message={form.detail} />
        <TextField
          label="E-mail address"
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
            Send the link
          </SubmitButton>
          <Link to="/sign-in">Back to sign in</Link>
        </div>
      </form>
    </section>
  );
}
