import type { MissionListItem } from '../../contracts/portal.js';
import { Loaded } from '../components/PageState.js';
import { Unconfirmed } from '../components/Unconfirmed.js';
import { Link } from '../router.js';
import { useLoad } from '../use-load.js';
import { useTitle } from '../use-title.js';
import { formatDay, formatNumber, Name, plainName, usePortalT, ValueChip, valueLabel } from './localise.js';
import { portalListsApi } from './portal-api.js';
import { type Column, Downloads, SortableTable } from './SortableTable.js';

/** /missions: every mission, sortable, downloadable. */
export function MissionsPage() {
  const { t } = usePortalT();
  useTitle(t('lists.missionsTitle'));
  const load = useLoad((signal) => portalListsApi.missions(signal), 'missions');
  const columns: Column<MissionListItem>[] = [
    {
      key: 'name',
      header: t('lists.name'),
      sortValue: (m) => plainName(m),
      cell: (m) => (
        <>
          <Link to={`/missions/${m.slug}`}>
            <Name name={m.name} nativeName={m.nativeName} />
          </Link>{' '}
          <Unconfirmed fact={m} />
        </>
      ),
    },
    {
      key: 'target',
      header: t('lists.target'),
      sortValue: (m) => valueLabel(t, m.targetBody),
      cell: (m) => <ValueChip value={m.targetBody} tone="body" />,
    },
    {
      key: 'status',
      header: t('lists.status'),
      sortValue: (m) => valueLabel(t, m.status),
      cell: (m) => <ValueChip value={m.status} />,
    },
    {
      key: 'launch',
      header: t('lists.launch'),
      sortValue: (m) => m.launchDate ?? (m.launchYear == null ? null : String(m.launchYear)),
      cell: (m) => formatDay(m.launchDate ?? m.launchYear) ?? t('common.none'),
    },
    {
      key: 'agency',
      header: t('lists.agency'),
      sortValue: (m) => (m.agency ? plainName(m.agency) : null),
      cell: (m) =>
        m.agency ? (
          <Link to={`/institutions/${m.agency.slug}`}>
            <Name name={m.agency.name} nativeName={m.agency.nativeName} />
          </Link>
        ) : (
          t('common.none')
        ),
    },
    {
      key: 'programs',
      header: t('lists.programs'),
      numeric: true,
      sortValue: (m) => m.programs,
      cell: (m) => formatNumber(m.programs),
    },
    {
      key: 'projects',
      header: t('lists.projects'),
      numeric: true,
      sortValue: (m) => m.projects,
      cell: (m) => formatNumber(m.projects),
    },
  ];
  return (
    <Loaded load={load} what={t('notFound.list')}>
      {({ items }) => (
        <section data-testid="missions-page">
          <h1>{t('lists.missionsTitle')}</h1>
          <p className="lead">{t('lists.missionsLead')}</p>
          <Downloads api="/api/portal/missions" name="missions" />
          <SortableTable
            rows={items}
            columns={columns}
            rowKey={(m) => m.id}
            label={t('lists.missionsTable')}
            testId="missions-table"
          />
        </section>
      )}
    </Loaded>
  );
}
