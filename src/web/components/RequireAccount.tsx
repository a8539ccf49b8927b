import { type ReactNode, useEffect } from 'react';
import { type Account, useSession } from '../api.js';
import { Link, navigate } from '../router.js';
import { Loading } from './PageState.js';

/** Renders `children(account)` for a signed-in person; anyone else goes to sign in, and comes back after. */
export function RequireAccount({ children }: { children: (account: Account) => ReactNode }) {
  const { status, account } = useSession();
  const anonymous = status === 'ready' && !account;
  useEffect(() => {
    if (!anonymous) return;
    const here = window.location.pathname + window.location.search;
    navigate(`/sign-in?next=${encodeURIComponent(here)}`, { replace: true });
  }, [anonymous]);
  if (!account) return <Loading />;
  return <>{children(account)}</>;
}

/** What someone sees on a page their roles do not open (the API refuses them anyway). */
export function NotAvailable() {
  const { account } = useSession();
  return (
    <section className="state state--not-available" data-testid="not-available">
      <h1>Not available</h1>
      <p>This part of Orbitshare is for administrators{account ? '; your roles do not include it' : ''}.</p>
      <p>
        {account ? <Link to="/account">Back to your account</Link> : <Link to="/sign-in?next=%2Fadmin">Sign in</Link>}
        {' · '}
        <Link to="/">Portal home</Link>
      </p>
    </section>
  );
}
