import { type ReactNode, useEffect } from 'react';
import { type Account, useSession } from '../api.js';
import { useT } from '../i18n/index.js';
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
  const { t } = useT('common');
  const { account } = useSession();
  return (
    <section className="state state--not-available" data-testid="not-available">
      <h1>{t('state.notAvailableTitle')}</h1>
      <p>{account ? t('state.notAvailableRoles') : t('state.notAvailable')}</p>
      <p>
        {account ? (
          <Link to="/account">{t('state.backToAccount')}</Link>
        ) : (
          <Link to="/sign-in?next=%2Fadmin">{t('nav.signIn')}</Link>
        )}
        {' · '}
        <Link to="/">{t('state.portalHome')}</Link>
      </p>
    </section>
  );
}
