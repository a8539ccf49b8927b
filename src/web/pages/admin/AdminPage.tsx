import { isAdministrator, useSession } from '../../api.js';
import { Loading } from '../../components/PageState.js';
import { NotAvailable } from '../../components/RequireAccount.js';
import { useT } from '../../i18n/index.js';
import { Link, useSearch } from '../../router.js';
import { useTitle } from '../../use-title.js';
import { AuditSection } from './AuditSection.js';
import { InviteForm } from './InviteForm.js';
import { JobsSection } from './JobsSection.js';
import { OutboxSection } from './OutboxSection.js';
import { PeopleSection } from './PeopleSection.js';

const TABS = ['people', 'invite', 'outbox', 'audit', 'jobs'] as const;
type Tab = (typeof TABS)[number];

export function AdminPage() {
  const { t } = useT('admin');
  useTitle(t('title'));
  const { status, account } = useSession();
  const asked = useSearch().get('tab');
  const tab: Tab = TABS.some((id) => id === asked) ? (asked as Tab) : 'people';
  if (status === 'loading') return <Loading />;
  if (!isAdministrator(account)) return <NotAvailable />;
  return (
    <section data-testid="admin-page">
      <h1>{t('title')}</h1>
      <nav aria-label={t('title')} className="tabs">
        {TABS.map((id) => (
          <Link
            key={id}
            to={id === 'people' ? '/admin' : `/admin?tab=${id}`}
            aria-current={id === tab ? 'page' : undefined}
            data-testid={`admin-tab-${id}`}
          >
            {t(`tabs.${id}`)}
          </Link>
        ))}
      </nav>
      {tab === 'people' ? <PeopleSection /> : null}
      {tab === 'invite' ? <InviteForm /> : null}
      {tab === 'outbox' ? <OutboxSection /> : null}
      {tab === 'audit' ? <AuditSection /> : null}
      {tab === 'jobs' ? <JobsSection /> : null}
    </section>
  );
}
