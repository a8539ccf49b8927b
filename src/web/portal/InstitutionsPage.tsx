import type { InstitutionListItem } from '../../contracts/portal.js';
import { Loaded } from '../components/PageState.js';
import { Home, InstitutionLink } from '../components/PartnerLinks.js';
import { useLoad } from '../use-load.js';
import { useTitle } from '../use-title.js';
import { countryName, formatNumber, plainName, usePortalT, ValueChip, valueLabel } from './localise.js';
import { portalListsApi } from './portal-api.js';
import { type Column, Downloads, SortableTable } from './SortableTable.js';

/** /institutions: every institution taking part, sortable, downloadable. */
export function InstitutionsPage() {
  const { t } = usePortalT();
  useTitle(t('lists.institutionsTitle'));
  const load = useLoad((signal) => portalListsApi.institutions(signal), 'institutions');
  const columns: Column<InstitutionListItem>[] = [
    { key: 'name', header: t('lists.name'), sortValue: (i) => plainName(i), cell: (i) => <InstitutionLink institution={i} /> },
    {
      key: 'home',
      header: t('lists.home'),
      sortValue: (i) => (i.country ? countryName(i.country).name : (i.organisation?.acronym ?? null)),
      cell: (i) => <Home institution={i} />,
    },
    {
      key: 'kind',
      header: t('lists.kind'),
      sortValue: (i) => valueLabel(t, i.kind),
      cell: (i) => <ValueChip value={i.kind} tone="level" />,
    },
    {
      key: 'projects',
      header: t('lists.projects'),
      numeric: true,
      sortValue: (i) => i.projects,
      cell: (i) => formatNumber(i.projects),
    },
    {
      key: 'partnerships',
      header: t('lists.partnerships'),
      numeric: true,
      sortValue: (i) => i.partnerships,
      cell: (i) => formatNumber(i.partnerships),
    },
    {
      key: 'programs',
      header: t('lists.programs'),
      numeric: true,
      sortValue: (i) => i.programs,
      cell: (i) => formatNumber(i.programs),
    },
  ];
  return (
    <Loaded load={load} what={t('notFound.list')}>
      {({ items }) => (
        <section data-testid="institutions-page">
          <h1>{t('lists.institutionsTitle')}</h1>
          <p className="lead">{t('lists.institutionsLead')}</p>
          <Downloads api="/api/portal/institutions" name="institutions" />
          <SortableTable
            rows={items}
            columns={columns}
            rowKey={(i) => i.id}
            label={t('lists.institutionsTable')}
            testId="institutions-table"
          />
        </section>
      )}
    </Loaded>
  );
}
