import type { CatalogueLoan, CataloguePublication, CatalogueSampleType } from '../../contracts/catalogue.js';
import { Loaded } from '../components/PageState.js';
import { useT } from '../i18n/index.js';
import { countryName, formatNumber, Name, plainName } from '../portal/localise.js';
import { type Column, Downloads, SortableTable } from '../portal/SortableTable.js';
import { Link } from '../router.js';
import { useLoad } from '../use-load.js';
import { useTitle } from '../use-title.js';
import { catalogueApi } from './catalogue-api.js';
import { formatMicrograms } from './mass.js';

type Place = Pick<CatalogueLoan, 'institution' | 'country'>;

/** Who borrowed or published: the institution (linked) and its country or region. */
function placeColumns(t: (key: string) => string): Column<Place>[] {
  return [
    {
      key: 'institution',
      header: t('collection.institution'),
      sortValue: (r) => plainName(r.institution),
      cell: (r) => (
        <Link to={`/institutions/${r.institution.slug}`}>
          <Name name={r.institution.name} nativeName={r.institution.nativeName} />
        </Link>
      ),
    },
    {
      key: 'country',
      header: t('collection.country'),
      sortValue: (r) => (r.country ? countryName(r.country).name : null),
      cell: (r) => (r.country ? countryName(r.country).name : t('none')),
    },
  ];
}

/** /samples/:slug: a collection by sample type, who borrowed from it, and the publications that used it. */
export function CatalogueCollectionPage({ slug }: { slug: string }) {
  const { t } = useT('catalogue');
  const load = useLoad((signal) => catalogueApi.collection(slug, signal), `sample-catalogue:${slug}`);
  const title = load.state === 'ready' ? load.data.collection.name : t('list.title');
  useTitle(title);
  const api = `/api/portal/samples/${encodeURIComponent(slug)}`;
  const mass = <T extends Record<K, number>, K extends string>(key: K, header: string): Column<T> => ({
    key,
    header,
    numeric: true,
    sortValue: (r) => r[key],
    cell: (r) => formatMicrograms(t, r[key]),
  });
  const typeColumns: Column<CatalogueSampleType>[] = [
    { key: 'sampleType', header: t('collection.sampleType'), sortValue: (r) => r.sampleType, cell: (r) => r.sampleType },
    {
      key: 'parentSamples',
      header: t('mass.parentSamples'),
      numeric: true,
      sortValue: (r) => r.parentSamples,
      cell: (r) => formatNumber(r.parentSamples),
    },
    mass('availableUg', t('mass.available')),
    mass('lentUg', t('mass.lent')),
    mass('consumedUg', t('mass.consumed')),
    mass('lostUg', t('mass.lost')),
  ];
  const loanColumns: Column<CatalogueLoan>[] = [
    { key: 'year', header: t('collection.year'), numeric: true, sortValue: (r) => r.year, cell: (r) => String(r.year) },
    ...(placeColumns((k) => t(k)) as Column<CatalogueLoan>[]),
    mass('massUg', t('collection.massLent')),
    { key: 'types', header: t('collection.sampleTypes'), cell: (r) => r.sampleTypes.join(', ') },
  ];
  const publicationColumns: Column<CataloguePublication>[] = [
    { key: 'year', header: t('collection.year'), numeric: true, sortValue: (r) => r.year, cell: (r) => String(r.year) },
    { key: 'title', header: t('collection.titleColumn'), sortValue: (r) => r.title, cell: (r) => r.title },
    {
      key: 'doi',
      header: t('collection.doi'),
      sortValue: (r) => r.doi,
      cell: (r) => <a href={`https://doi.org/${r.doi}`}>{r.doi}</a>,
    },
    ...(placeColumns((k) => t(k)) as Column<CataloguePublication>[]),
  ];
  return (
    <Loaded load={load} what={t('collection.what')}>
      {({ collection: c, sampleTypes, loans, publications }) => (
        <article data-testid="catalogue-collection-page">
          <p>
            <Link to="/samples">{t('collection.back')}</Link>
          </p>
          <h1>{c.name}</h1>
          <p className="lead">
            {t('collection.lead', {
              returned: formatMicrograms(t, c.returnedMassMg * 1000),
              available: formatMicrograms(t, c.availableUg),
            })}{' '}
            <Link to={`/missions/${c.mission.slug}`}>
              <Name name={c.mission.name} nativeName={c.mission.nativeName} />
            </Link>
          </p>
          <dl className="stats" aria-label={t('collection.figures')} data-testid="catalogue-figures">
            {(['availableUg', 'inStoreUg', 'lentUg', 'consumedUg', 'lostUg'] as const).map((key) => (
              <div className="stat" key={key}>
                <dt>{t(`mass.${key.replace('Ug', '')}`)}</dt>
                <dd>{formatMicrograms(t, c[key])}</dd>
              </div>
            ))}
          </dl>

          <section aria-labelledby="types-heading">
            <h2 id="types-heading">{t('collection.typesHeading')}</h2>
            <Downloads api={`${api}?list=types`} name={`${c.slug}-types`} />
            {sampleTypes.length === 0 ? (
              <p data-testid="catalogue-no-samples">{t('collection.noSamples')}</p>
            ) : (
              <SortableTable
                rows={sampleTypes}
                columns={typeColumns}
                rowKey={(r) => r.sampleType}
                label={t('collection.typesHeading')}
                testId="catalogue-types"
              />
            )}
          </section>

          <section aria-labelledby="loans-heading">
            <h2 id="loans-heading">{t('collection.loansHeading')}</h2>
            <Downloads api={`${api}?list=loans`} name={`${c.slug}-loans`} />
            {loans.length === 0 ? (
              <p>{t('collection.noLoans')}</p>
            ) : (
              <SortableTable
                rows={loans.map((loan, index) => ({ ...loan, index }))}
                columns={loanColumns}
                rowKey={(r) => String(r.index)}
                label={t('collection.loansHeading')}
                testId="catalogue-loans"
              />
            )}
          </section>

          <section aria-labelledby="publications-heading">
            <h2 id="publications-heading">{t('collection.publicationsHeading')}</h2>
            <Downloads api={`${api}?list=publications`} name={`${c.slug}-publications`} />
            {publications.length === 0 ? (
              <p>{t('collection.noPublications')}</p>
            ) : (
              <SortableTable
                rows={publications}
                columns={publicationColumns}
                rowKey={(r) => r.doi}
                label={t('collection.publicationsHeading')}
                testId="catalogue-publications"
              />
            )}
          </section>
        </article>
      )}
    </Loaded>
  );
}
