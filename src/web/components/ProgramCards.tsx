import type { ProgramRef } from '../../contracts/portal.js';
import { useT } from '../i18n/index.js';
import { Link } from '../router.js';
import { Chip } from './Chip.js';
import { Name } from './Name.js';
import { Unconfirmed } from './Unconfirmed.js';

/** A compact list of programs linking to their pages, with an optional line under each. */
export function ProgramCards({ programs, detail }: { programs: ProgramRef[]; detail?: (p: ProgramRef) => string | null }) {
  const { t } = useT('common');
  if (programs.length === 0) return <p className="muted">{t('programs.none')}</p>;
  return (
    <ul className="cards">
      {programs.map((p) => (
        <li key={p.id} className="card" data-testid="program-card">
          <Link to={`/programs/${p.slug}`} className="card__title">
            <Name name={p.name} nativeName={p.nativeName} />
          </Link>{' '}
          <Unconfirmed fact={p} />
          <p className="card__meta">
            <Chip value={p.kind} tone="level" /> <Chip value={p.status} />
          </p>
          {detail?.(p) ? <p className="card__text">{detail(p)}</p> : null}
        </li>
      ))}
    </ul>
  );
}
