import { useState } from 'react';
import { authApi, useSession } from '../../api.js';
import { FormError, looksLikeEmail, SubmitButton, TextField, useForm } from '../../components/Form.js';
import { Link, navigate, safeNext, useSearch } from '../../router.js';
import { useTitle } from '../../use-title.js';

export function SignInPage() {
  useTitle('Sign in');
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
      ...(looksLikeEmail(email) ? {} : { email: 'Enter your e-mail address.' }),
      ...(password ? {} : { password: 'Enter your password.' }),
    }),
  );

  return (
    <section className="auth" data-testid="sign-in-page">
      <h1>Sign in</h1>
      {account ? (
        <p className="callout" data-testid="already-signed-in">
          You are signed in as {account.displayName}. <Link to="/account">Your account</Link>
        </p>
      ) : null}
      <form ref={form.formRef} className="form card" onSubmit={onSubmit} noValidate data-testid="sign-in-form">
        <FormError message={form.detail} />
        <TextField
          label="E-mail address"
          type="email"
          name="email"
          autoComplete="username"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={form.fields.email}
          testId="sign-in-email"
        />
        <TextField
          label="Password"
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
            Sign in
          </SubmitButton>
          <Link to="/reset-password">Forgot your password?</Link>
        </div>
      </form>
      <p className="auth__aside">
        Applying for a program? <Link to="/sign-up">Create an applicant account</Link>.
      </p>
    </section>
  );
}
