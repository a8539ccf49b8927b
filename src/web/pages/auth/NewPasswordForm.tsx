import { useState } from 'react';
import { FormError, passwordProblems, SubmitButton, TextField, useForm } from '../../components/Form.js';
import { useT } from '../../i18n/index.js';
import { Link } from '../../router.js';
import { Done } from './Done.js';

/** Choose a password from an e-mailed link (a reset or an invitation); the server spends the token. */
export function NewPasswordForm({
  token,
  submit,
  button,
  testId,
}: {
  token: string;
  submit: (token: string, password: string) => Promise<{ message: string }>;
  button: string;
  testId: string;
}) {
  const { t } = useT('accounts');
  const form = useForm();
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [done, setDone] = useState<string | null>(null);

  const onSubmit = form.submit(
    async () => setDone((await submit(token, password)).message),
    () => passwordProblems(password, confirm),
  );

  if (done) {
    return (
      <Done title={t('auth.passwordSet')} testId={`${testId}-done`}>
        <p>{done}</p>
        <p>
          <Link to="/sign-in">{t('auth.signIn')}</Link>
        </p>
      </Done>
    );
  }
  return (
    <form ref={form.formRef} className="form card" onSubmit={onSubmit} noValidate data-testid={testId}>
      <FormError message={form.detail} />
      <TextField
        label={t('auth.newPassword')}
        type="password"
        name="password"
        autoComplete="new-password"
        hint={t('auth.passwordHint')}
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        error={form.fields.password}
        testId={`${testId}-password`}
      />
      <TextField
        label={t('auth.newPasswordAgain')}
        type="password"
        name="confirm"
        autoComplete="new-password"
        value={confirm}
        onChange={(e) => setConfirm(e.target.value)}
        error={form.fields.confirm}
        testId={`${testId}-confirm`}
      />
      {form.fields.token ? <p className="field__error">{form.fields.token}</p> : null}
      <div className="form__actions">
        <SubmitButton busy={form.busy} testId={`${testId}-submit`}>
          {button}
        </SubmitButton>
      </div>
    </form>
  );
}
