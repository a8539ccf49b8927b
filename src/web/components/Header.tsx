import { isAdministrator, useSession } from '../api.js';
import { CustodyNavLinks } from '../custody/CustodyNavLinks.js';
import { isCallStaff } from '../pages/calls/staff-roles.js';
import { Link } from '../router.js';
import { signOutAndGoHome } from '../sign-out.js';
import { ReviewNavLink } from './ReviewNavLink.js';

const NAV = [
  { to: '/', label: 'Home', match: (p: string) => p === '/' },
  { to: '/programs', label: 'Programs', match: (p: string) => p.startsWith('/programs') },
  { to: '/countries', label: 'Countries', match: (p: string) => p.startsWith('/countries') },
  { to: '/calls', label: 'Calls', match: (p: string) => p.startsWith('/calls') },
];

export function Header({ path }: { path: string }) {
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link to="/" className="brand" data-testid="brand">
          <span className="brand__mark" aria-hidden="true">
            ◐
          </span>
          Orbitshare
        </Link>
        <nav aria-label="Main" className="site-nav">
          {NAV.map((item) => (
            <Link
              key={item.to}
              to={item.to}
              data-testid={`nav-${item.label.toLowerCase()}`}
              aria-current={item.match(path) ? 'page' : undefined}
            >
              {item.label}
            </Link>
          ))}
          <a href="/api/docs" data-testid="nav-api-docs">
            API docs
          </a>
        </nav>
        <AccountNav path={path} />
      </div>
    </header>
  );
}

/** Only what the person may do: sign in or up when anonymous; their account, sign out, and Admin for administrators. */
function AccountNav({ path }: { path: string }) {
  const { status, account } = useSession();
  // Until the server has said who is signed in, show nothing rather than a wrong "Sign in".
  if (status === 'loading') return <div className="account-nav" aria-hidden="true" />;
  if (!account) {
    return (
      <nav aria-label="Account" className="site-nav account-nav" data-testid="account-nav">
        <Link to="/sign-in" aria-current={path === '/sign-in' ? 'page' : undefined} data-testid="nav-sign-in">
          Sign in
        </Link>
        <Link
          to="/sign-up"
          className="site-nav__cta"
          aria-current={path === '/sign-up' ? 'page' : undefined}
          data-testid="nav-sign-up"
        >
          Sign up
        </Link>
      </nav>
    );
  }
  return (
    <nav aria-label="Account" className="site-nav account-nav" data-testid="account-nav">
      {account.grants.some((g) => g.role === 'applicant') ? (
        <Link
          to="/applications"
          aria-current={path.startsWith('/applications') ? 'page' : undefined}
          data-testid="nav-applications"
        >
          My applications
        </Link>
      ) : null}
      {isCallStaff(account) ? (
        <Link to="/staff/calls" aria-current={path.startsWith('/staff') ? 'page' : undefined} data-testid="nav-my-calls">
          My calls
        </Link>
      ) : null}
      <ReviewNavLink account={account} path={path} />
      <CustodyNavLinks account={account} path={path} />
      {isAdministrator(account) ? (
        <Link to="/admin" aria-current={path === '/admin' ? 'page' : undefined} data-testid="nav-admin">
          Admin
        </Link>
      ) : null}
      <Link to="/account" aria-current={path === '/account' ? 'page' : undefined} data-testid="nav-account">
        <span className="account-nav__avatar" aria-hidden="true">
          {account.displayName.trim().charAt(0).toUpperCase()}
        </span>
        {account.displayName}
      </Link>
      <button type="button" className="site-nav__button" onClick={() => void signOutAndGoHome()} data-testid="nav-sign-out">
        Sign out
      </button>
    </nav>
  );
}
