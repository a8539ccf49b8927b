import { isAdministrator, useSession } from '../api.js';
import { CustodyNavLinks } from '../custody/CustodyNavLinks.js';
import { currentLanguage, setLanguage, useT } from '../i18n/index.js';
import { LANGUAGES, LOCALE_TAG } from '../i18n/languages.js';
import { AgreementsNavLink } from '../pages/agreements/AgreementsNavLink.js';
import { isCallStaff } from '../pages/calls/staff-roles.js';
import { Link } from '../router.js';
import { signOutAndGoHome } from '../sign-out.js';
import { ReviewNavLink } from './ReviewNavLink.js';

const NAV = [
  { to: '/', key: 'home', match: (p: string) => p === '/' },
  { to: '/programs', key: 'programs', match: (p: string) => p.startsWith('/programs') },
  { to: '/countries', key: 'countries', match: (p: string) => p.startsWith('/countries') },
  { to: '/calls', key: 'calls', match: (p: string) => p.startsWith('/calls') },
  { to: '/results', key: 'results', match: (p: string) => p.startsWith('/results') },
];

/**
 * The visible language switch: each language named in itself (so a reader who cannot read the
 * current one still finds theirs), the current one pressed. The choice applies at once and is
 * remembered for the next visit.
 */
function LanguageSwitch() {
  const { t } = useT('common');
  const current = currentLanguage();
  return (
    <fieldset className="language-switch" data-testid="language-switch">
      <legend className="visually-hidden">{t('language.switchLabel')}</legend>
      {LANGUAGES.map((language) => (
        <button
          key={language}
          type="button"
          lang={LOCALE_TAG[language]}
          className="language-switch__option"
          aria-pressed={language === current}
          onClick={() => setLanguage(language)}
          data-testid={`language-${language}`}
        >
          {t(`language.${language}`)}
        </button>
      ))}
    </fieldset>
  );
}

export function Header({ path }: { path: string }) {
  const { t } = useT('common');
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link to="/" className="brand" data-testid="brand">
          <span className="brand__mark" aria-hidden="true">
            ◐
          </span>
          Orbitshare
        </Link>
        <nav aria-label={t('nav.main')} className="site-nav">
          {NAV.map((item) => (
            <Link key={item.to} to={item.to} data-testid={`nav-${item.key}`} aria-current={item.match(path) ? 'page' : undefined}>
              {t(`nav.${item.key}`)}
            </Link>
          ))}
          <a href="/api/docs" data-testid="nav-api-docs">
            {t('nav.apiDocs')}
          </a>
        </nav>
        <AccountNav path={path} />
        <LanguageSwitch />
      </div>
    </header>
  );
}

/** Only what the person may do: sign in or up when anonymous; their account, sign out, and Admin for administrators. */
function AccountNav({ path }: { path: string }) {
  const { t } = useT('common');
  const { status, account } = useSession();
  // Until the server has said who is signed in, show nothing rather than a wrong "Sign in".
  if (status === 'loading') return <div className="account-nav" aria-hidden="true" />;
  if (!account) {
    return (
      <nav aria-label={t('nav.account')} className="site-nav account-nav" data-testid="account-nav">
        <Link to="/sign-in" aria-current={path === '/sign-in' ? 'page' : undefined} data-testid="nav-sign-in">
          {t('nav.signIn')}
        </Link>
        <Link
          to="/sign-up"
          className="site-nav__cta"
          aria-current={path === '/sign-up' ? 'page' : undefined}
          data-testid="nav-sign-up"
        >
          {t('nav.signUp')}
        </Link>
      </nav>
    );
  }
  return (
    <nav aria-label={t('nav.account')} className="site-nav account-nav" data-testid="account-nav">
      {account.grants.some((g) => g.role === 'applicant') ? (
        <Link
          to="/applications"
          aria-current={path.startsWith('/applications') ? 'page' : undefined}
          data-testid="nav-applications"
        >
          {t('nav.myApplications')}
        </Link>
      ) : null}
      {isCallStaff(account) ? (
        <Link to="/staff/calls" aria-current={path.startsWith('/staff') ? 'page' : undefined} data-testid="nav-my-calls">
          {t('nav.myCalls')}
        </Link>
      ) : null}
      <ReviewNavLink account={account} path={path} />
      <AgreementsNavLink account={account} path={path} />
      <CustodyNavLinks account={account} path={path} />
      {isAdministrator(account) ? (
        <Link to="/admin" aria-current={path === '/admin' ? 'page' : undefined} data-testid="nav-admin">
          {t('nav.admin')}
        </Link>
      ) : null}
      <Link to="/account" aria-current={path === '/account' ? 'page' : undefined} data-testid="nav-account">
        <span className="account-nav__avatar" aria-hidden="true">
          {account.displayName.trim().charAt(0).toUpperCase()}
        </span>
        {account.displayName}
      </Link>
      <button type="button" className="site-nav__button" onClick={() => void signOutAndGoHome()} data-testid="nav-sign-out">
        {t('nav.signOut')}
      </button>
    </nav>
  );
}
