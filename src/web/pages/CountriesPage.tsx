import type { PartnerCountry, PartnerOrganisation } from '../../contracts/portal.js';
import { portalApi } from '../api.js';
import { Name } from '../components/Name.js';
import { Loaded } from '../components/PageState.js';
import { countryName, formatNumber, usePortalT } from '../portal/localise.js';
import { type Column, Downloads, SortableTable } from '../portal/SortableTable.js';
import { Link } from '../router.js';
import { useLoad } from '../use-load.js';
import { useTitle } from '../use-title.js';

export function CountriesPage() {
  const { t } = usePortalT();
  useTitle(t('countries.docTitle'));
  const load = useLoad((signal) => portalApi.countries(signal), 'countries');
  const counts = <T extends { institutions: number; projects: number; programs: number }>(): Column<T>[] => [
    {
      key: 'institutions',
      header: t('common.institutions'),
      numeric: true,
      sortValue: (r) => r.institutions,
      cell: (r) => formatNumber(r.institutions),
    },
    {
      key: 'projects',
      header: t('common.projects'),
      numeric: true,
      sortValue: (r) => r.projects,
      cell: (r) => formatNumber(r.projects),
    },
    {
      key: 'programs',
      header: t('common.programs'),
      numeric: true,
      sortValue: (r) => r.programs,
      cell: (r) => formatNumber(r.programs),
    },
  ];
  const countryColumns: Column<PartnerCountry>[] = [
    {
      key: 'name',
      header: t('countries.countryOrRegion'),
      sortValue: (c) => countryName(c).name,
      cell: (c) => {
        const shown = countryName(c);
        return (
          <>
            <span className="code" aria-hidden="true">
              {c.code}
            </span>
            <Link to={`/countries/${c.code}`}>
              <Name name={shown.name} nativeName={shown.nativeName} />
            </Link>
            {c.kind === 'region' ? <span className="muted"> {t('common.region')}</span> : null}
          </>
        );
      },
    },
    ...counts<PartnerCountry>(),
  ];
  const organisationColumns: Column<PartnerOrganisation>[] = [
    {
      key: 'name',
      header: t('countries.organisation'),
      sortValue: (o) => o.acronym,
      cell: (o) => (
        <>
          <strong>{o.acronym}</strong> <Name name={o.name} nativeName={o.nativeName} />
        </>
      ),
    },
    ...counts<PartnerOrganisation>(),
  ];
  return (
    <Loaded load={load} what={t('notFound.list')}>
      {({ countries, organisations }) => (
        <section>
          <h1>{t('countries.title')}</h1>
          <p className="lead">{t('countries.lead')}</p>
          <Downloads api="/api/portal/countries" name="partners" />
          <SortableTable
            rows={countries}
            columns={countryColumns}
            rowKey={(c) => c.code}
            label={t('countries.table')}
            testId="countries-table"
          />
          {organisations.length > 0 ? (
            <>
              <h2>{t('home.organisations')}</h2>
              <SortableTable
                rows={organisations}
                columns={organisationColumns}
                rowKey={(o) => o.id}
                label={t('countries.orgTable')}
                testId="organisations-table"
              />
            </>
          ) : null}
        </section>
      )}
    </Loaded>
  );
}
