import type { Account } from '../../api.js';
import { GrantLabel } from '../../components/GrantLabel.js';
import { Meta } from '../../components/Meta.js';
import { RequireAccount } from '../../components/RequireAccount.js';
import { formatDateTime } from '../../format.js';
import { useT } from '../../i18n/index.js';
import { CalendarFeedSection } from '../../results/CalendarFeedSection.js';
import { signOutAndGoHome } from '../../sign-out.js';
import { useTitle } from '../../use-title.js';
import { EmailLanguageSection } from './EmailLanguageSection.js';
import { SessionsSection } from './SessionsSection.js';
import { TokensSection } from './TokensSection.js';

export function AccountPage() {
  const { t } = useT('accounts');
  useTitle(t('account.title'));
  return <RequireAccount>{(account) => <AccountView account={account} />}</RequireAccount>;
}

function AccountView({ account }: { account: Account }) {
  const { t } = useT('accounts');
  return (
    <section data-testid="account-page">
      <div className="page-head">
        <div>
          <h1 data-testid="account-name">{account.displayName}</h1>
          <Meta
            items={[
              <span key="email" data-testid="account-email" className="break">
                {account.email}
              </span>,
              account.lastLoginAt ? t('account.lastSignIn', { at: formatDateTime(account.lastLoginAt) }) : null,
            ]}
          />
        </div>
        <button
          type="button"
          className="button button--quiet"
          onClick={() => void signOutAndGoHome()}
          data-testid="account-sign-out"
        >
          {t('account.signOut')}
        </button>
      </div>

      <section aria-labelledby="roles-heading">
        <h2 id="roles-heading">{t('account.roles')}</h2>
        {account.grants.length === 0 ? (
          <p className="muted" data-testid="no-grants">
            {t('account.noRoles')}
          </p>
        ) : (
          <ul className="grant-list" data-testid="my-grants">
            {account.grants.map((g) => (
              <li key={g.id}>
                <GrantLabel grant={g} />
              </li>
            ))}
          </ul>
        )}
      </section>

      <EmailLanguageSection account={account} />
      <SessionsSection />
      <TokensSection />
      <CalendarFeedSection />
    </section>
  );
}
