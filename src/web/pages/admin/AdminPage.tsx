import { isAdministrator, useSession } from '../../api.js';
import { Loading } from '../../components/PageState.js';
import { NotAvailable } from '../../components/RequireAccount.js';
import { Link, useSearch } from '../../router.js';
import { useTitle } from '../../use-title.js';
import { AuditSection } from './AuditSection.js';
import { InviteForm } from './InviteForm.js';
import { JobsSection } from './JobsSection.js';
import { OutboxSection } from './OutboxSection.js';
import { PeopleSection } from './PeopleSection.js';

const TABS = [
  { id: 'people', label: 'People' },
  { id: 'invite', label: 'Invite' },
  { id: 'outbox', label: 'Outbox' },
  { id: 'audit', label: 'Audit log' },
  { id: 'jobs', label: 'Scheduled duties' },
] as const;
type Tab = (typeof TABS)[number]['id'];

export function AdminPage() {
  useTitle('Administration');
  const { status, account } = useSession();
  const asked = useSearch().get('tab');
  const tab: Tab = TABS.some((t) => t.id === asked) ? (asked as Tab) : 'people';
  if (status === 'loading') return <Loading />;
  if (!isAdministrator(account)) return <NotAvailable />;
  return (
    <section data-testid="admin-page">
      <h1>Administration</h1>
      <nav aria-label="Administration" className="tabs">
        {TABS.map((t) => (
          <Link
            key={t.id}
            to={t.id === 'people' ? '/admin' : `/admin?tab=${t.id}`}
            aria-current={t.id === tab ? 'page' : undefined}
            data-testid={`admin-tab-${t.id}`}
          >
            {t.label}
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
