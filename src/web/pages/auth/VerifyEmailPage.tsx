import { useEffect, useState } from 'react';
import { authApi } from '../../api.js';
import { Loading } from '../../components/PageState.js';
import { useT } from '../../i18n/index.js';
import { Link, useSearch } from '../../router.js';
import { useTitle } from '../../use-title.js';
import { Done } from './Done.js';

// A token is spent on first use: remember each request so a re-render (or React's strict double
// effect) never posts it twice.
const attempts = new Map<string, Promise<string>>();

export function VerifyEmailPage() {
  const { t } = useT('accounts');
  useTitle(t('auth.verifyTitle'));
  const token = useSearch().get('token') ?? '';
  const [result, setResult] = useState<{ ok: boolean; message: string } | null>(null);

  useEffect(() => {
    if (!token) return;
    let attempt = attempts.get(token);
    if (!attempt) {
      attempt = authApi.verifyEmail(token).then((r) => r.message);
      attempts.set(token, attempt);
    }
    let live = true;
    attempt.then(
      (message) => live && setResult({ ok: true, message }),
      (e: unknown) => live && setResult({ ok: false, message: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      live = false;
    };
  }, [token]);

  if (!token) {
    return (
      <Done title={t('auth.incompleteTitle')} tone="error" testId="verify-result">
        <p>{t('auth.incompleteVerify')}</p>
      </Done>
    );
  }
  if (!result) return <Loading />;
  return (
    <Done
      title={result.ok ? t('auth.addressConfirmed') : t('auth.linkFailed')}
      tone={result.ok ? 'ok' : 'error'}
      testId="verify-result"
    >
      <p>{result.message}</p>
      <p>{result.ok ? <Link to="/sign-in">{t('auth.signIn')}</Link> : <Link to="/sign-up">{t('auth.signUpAgain')}</Link>}</p>
    </Done>
  );
}
