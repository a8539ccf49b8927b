import { useState } from 'react';
import type { Locale } from '../../../domain/accounts/roles.js';
import { authApi } from '../../api.js';
import { Field, FormError, looksLikeEmail, passwordProblems, SubmitButton, TextField, useForm } from '../../components/Form.js';
import { RecordPicker } from '../../components/RecordPicker.js';
import { Link } from '../../router.js';
import { useTitle } from '../../use-title.js';
import { Done } from './Done.js';

export function SignUpPage() {
  useTitle('Sign up');
  const form = useForm();
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [institutionId, setInstitutionId] = useState('');
  const [locale, setLocale] = useState<Locale>('en');
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
      ...(looksLikeEmail(email) ? {} : { email: 'Enter your e-mail address.' }),
      ...(displayName.trim() ? {} : { displayName: 'Enter your name as colleagues know it.' }),
      ...passwordProblems(password, confirm),
      ...(institutionId ? {} : { institutionId: 'Choose the institution you apply for.' }),
    }),
  );

  if (done) {
    return (
      <Done title="Check your mail" testId="sign-up-done">
        <p>{done}</p>
        <p>Open the link in the message to confirm your address; then you can sign in.</p>
      </Done>
    );
  }

  return (
    <section className="auth" data-testid="sign-up-page">
      <h1>Sign up</h1>
      <p className="lead">Applicants create their own account. Reviewers and staff are invited by an administrator.</p>
      <form ref={form.formRef} className="form card" onSubmit={onSubmit} noValidate data-testid="sign-up-form">
        <FormError message={form.detail} />
        <TextField
          label="E-mail address"
          type="email"
          name="email"
          autoComplete="email"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={form.fields.email}
          testId="sign-up-email"
        />
        <TextField
          label="Your name"
          name="displayName"
          autoComplete="name"
          value={displayName}
          onChange={(e) => setDisplayName(e.target.value)}
          error={form.fields.displayName}
          testId="sign-up-name"
        />
        <RecordPicker
          kind="institutions"
          label="Your institution"
          value={institutionId}
          onChange={setInstitutionId}
          error={form.fields.institutionId}
          testId="sign-up-institution"
        />
        <Field label="Language for e-mails" error={form.fields.locale}>
          {(props) => (
            <select
              {...props}
              className="input"
              value={locale}
              onChange={(e) => setLocale(e.target.value as Locale)}
              data-testid="sign-up-locale"
            >
              <option value="en">English</option>
              <option value="zh">中文</option>
            </select>
          )}
        </Field>
        <TextField
          label="Password"
          type="password"
          name="password"
          autoComplete="new-password"
          hint="At least 10 characters, not a common or guessable one (such as your name or e-mail); a few unusual words make a good one."
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={form.fields.password}
          testId="sign-up-password"
        />
        <TextField
          label="Password again"
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
            Create account
          </SubmitButton>
        </div>
      </form>
      <p className="auth__aside">
        Already have an account? <Link to="/sign-in">Sign in</Link>.
      </p>
    </section>
  );
}
