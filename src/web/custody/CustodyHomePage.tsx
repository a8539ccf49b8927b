import { Link } from '../router.js';
import { useTitle } from '../use-title.js';
import { useCustodyT } from './common.js';

/** The curator's home: every custody view one click away. */
export function CustodyHomePage() {
  const t = useCustodyT();
  useTitle(t('home.title'));
  const links = [
    ['/custody/loans', 'home.loans'],
    ['/custody/overdue', 'home.overdue'],
    ['/custody/where', 'home.where'],
    ['/custody/discrepancies', 'home.discrepancies'],
    ['/custody/audit', 'home.audit'],
    ['/custody/collections', 'home.collections'],
  ] as const;
  return (
    <section className="stack" data-testid="custody-home">
      <h1>{t('home.title')}</h1>
      <p>{t('home.intro')}</p>
      <ul>
        {links.map(([to, key]) => (
          <li key={to}>
            <Link to={to} data-testid={`custody-link-${to.split('/')[2]}`}>
              {t(key)}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
