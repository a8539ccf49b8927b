import type { CatalogueCollection } from '../../contracts/catalogue.js';
import { Loaded } from '../components/PageState.js';
import { useT } from '../i18n/index.js';
import { formatDay, formatNumber, Name, plainName } from '../portal/localise.js';
import { type Column, Downloads, SortableTable } from '../portal/SortableTable.js';
import { Link } from '../router.js';
import { useLoad } from '../use-load.js';
import { useTitle } from '../use-title.js';
import { catalogueApi } from './catalogue-api.js';
import { formatMicrograms } from './mass.js';

/** /samples: the public sample catalogue, one row per collection, sortable and downloadable. */
export function CataloguePage() {
  const { t } = useT('catalogue');
  useTitle(t('list.title'));
  const load = useLoad((signal) => catalogueApi.collections(signal), 'sample-catalogue');
  const mass = (key: 'availableUg' | 'lentUg' | 'consumedUg', header: string): Column<CatalogueCollection> => ({
    key,
    header,
    numeric: true,
    sortValue: (c) => c[key],
    cell: (c) => formatMicrograms(t, c[key]),
  });
  const columns: Column<CatalogueCollection>[] = [
    {
      key: 'name',
      header: t('list.collection'),
      sortValue: (c) => c.name,
      cell: (c) => (
        <Link to={`/samples/${c.slug}`} data-testid="catalogue-collection-link">
          {c.name}
        </Link>
      ),
    },
    {
      key: 'mission',
      header: t('list.mission'),
      sortValue: (c) => plainName(c.mission),
      cell: (c) => (
        <Link to={`/missions/${c.mission.slug}`}>
          <Name name={c.mission.name} nativeName={c.mission.nativeName} />
        </Link>
      ),
    },
    {
      key: 'returned',
      header: t('list.returned'),
      numeric: true,
      sortValue: (c) => c.returnedMassMg,
      cell: (c) => formatMicrograms(t, c.returnedMassMg * 1000),
    },
    {
      key: 'returnedOn',
      header: t('list.returnedOn'),
      sortValue: (c) => c.returnedOn,
      cell: (c) => formatDay(c.returnedOn) ?? t('none'),
    },
    mass('availableUg', t('mass.available')),
    mass('lentUg', t('mass.lent')),
    mass('consumedUg', t('mass.consumed')),
    { key: 'loans', header: t('list.loans'), numeric: true, sortValue: (c) => c.loans, cell: (c) => formatNumber(c.loans) },
    {
      key: 'publications',
      header: t('list.publications'),
      numeric: true,
      sortValue: (c) => c.publications,
      cell: (c) => formatNumber(c.publications),
    },
  ];
  return (
    <Loaded load={load} what={t('list.title')}>
      {({ items }) => (
        <section data-testid="catalogue-page">
          <h1>{t('list.title')}</h1>
          <p className="lead">{t('list.lead')}</p>
          <Downloads api="/api/portal/samples" name="sample-collections" />
          <SortableTable rows={items} columns={columns} rowKey={(c) => c.slug} label={t('list.table')} testId="catalogue-table" />
          <p className="muted">{t('list.note')}</p>
        </section>
      )}
    </Loaded>
  );
}

/** The catalogue's link, for the portal home and the mission pages. */
export function CatalogueLink({ slug }: { slug?: string }) {
  const { t } = useT('catalogue');
  return (
    <Link to={slug ? `/samples/${slug}` : '/samples'} data-testid={slug ? 'catalogue-link-collection' : 'catalogue-link'}>
      {slug ? t('link.collection') : t('link.catalogue')}
    </Link>
  );
}
