import type { CuratorCollection } from '../../contracts/catalogue.js';
import { catalogueApi } from '../catalogue/catalogue-api.js';
import { formatMicrograms } from '../catalogue/mass.js';
import { currentLocale } from '../i18n/index.js';
import { Link } from '../router.js';
import { useLoad } from '../use-load.js';
import { CustodyPage, useCustodyT } from './common.js';

const MASSES = ['inStoreUg', 'lentUg', 'consumedUg', 'lostUg'] as const;

/** /custody/collections: the curator's collections with parent samples and masses, each parent opening its genealogy. */
export function CollectionsPage() {
  const t = useCustodyT();
  const load = useLoad((signal) => catalogueApi.curatorCollections(signal), 'custody-collections');
  return (
    <CustodyPage title={t('collections.title')} back={{ to: '/custody', label: t('home.back') }} load={load}>
      {({ items }) =>
        items.length === 0 ? (
          <p>{t('collections.none')}</p>
        ) : (
          <>
            <table className="table" data-testid="collections-table">
              <caption className="visually-hidden">{t('collections.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('collections.collection')}</th>
                  <th scope="col" className="num">
                    {t('collections.parents')}
                  </th>
                  {MASSES.map((key) => (
                    <th scope="col" className="num" key={key}>
                      {t(`collections.${key}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {items.map((c) => (
                  <tr key={c.id} data-testid="collections-row">
                    <th scope="row">
                      <a href={`#collection-${c.slug}`}>{c.name}</a>
                    </th>
                    <td className="num">{new Intl.NumberFormat(currentLocale()).format(c.parentSamples)}</td>
                    {MASSES.map((key) => (
                      <td className="num" key={key}>
                        {formatMicrograms(t, c[key])}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
            {items.map((c) => (
              <CollectionParents key={c.id} collection={c} />
            ))}
          </>
        )
      }
    </CustodyPage>
  );
}

function CollectionParents({ collection: c }: { collection: CuratorCollection }) {
  const t = useCustodyT();
  return (
    <section aria-labelledby={`collection-${c.slug}`} data-testid="collection-parents">
      <h2 id={`collection-${c.slug}`}>{t('collections.parentsOf', { name: c.name, mission: c.missionName })}</h2>
      {c.parents.length === 0 ? (
        <p>{t('collections.noParents')}</p>
      ) : (
        <ul>
          {c.parents.map((p) => (
            <li key={p.id}>
              <Link to={`/custody/samples/${p.id}`} data-testid="collection-parent-link">
                {t('collections.parentLink', { number: p.number, type: p.sampleType, mass: formatMicrograms(t, p.inStoreUg) })}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
