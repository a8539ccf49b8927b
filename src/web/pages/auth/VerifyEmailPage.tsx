import { useEffect, useState } from 'react';
import { authApi } from '../../api.js';
import { Loading } from '../../components/PageState.js';
import { Link, useSearch } from '../../router.js';
import { useTitle } from '../../use-title.js';
import { Done } from './Done.js';

// A token is spent on first use: remember each request so a re-render (or React's strict double
// effect) never posts it twice.
const attempts = new Map<string, Promise<string>>();

export function VerifyEmailPage() {
  useTitle('Confirm your e-mail address');
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
      <Done title="This link is incomplete" tone="error" testId="verify-result">
        <p>Open the link from the e-mail exactly as it was sent, or copy the whole address into the browser.</p>
      </Done>
    );
  }
  if (!result) return <Loading />;
  return (
    <Done
      title={result.ok ? 'Address confirmed' : 'The link did not work'}
      tone={result.ok ? 'ok' : 'error'}
      testId="verify-result"
    >
      <p>{result.message}</p>
      <p>{result.ok ? <Link to="/sign-in">Sign in</Link> : <Link to="/sign-up">Sign up again</Link>}</p>
    </Done>
  );
}
