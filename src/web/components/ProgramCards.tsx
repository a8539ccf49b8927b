import type { ProgramRef } from '../../contracts/portal.js';
import { usePortalT, ValueChip } from '../portal/localise.js';
import { Link } from '../router.js';
import { Name } from './Name.js';
import { Unconfirmed } from './Unconfirmed.js';

/** A compact list of programs linking to their pages, with an optional line under each. */
export function ProgramCards({ programs, detail }: { programs: ProgramRef[]; detail?: (p: ProgramRef) => string | null }) {
  const { t } = usePortalT();
  if (programs.length === 0) return <p className="muted">{t('common.noPrograms')}</p>;
  return (
    <ul className="cards">
      {programs.map((p) => (
        <li key={p.id} className="card" data-testid="program-card">
          <Link to={`/programs/${p.slug}`} className="card__title">
            <Name name={p.name} nativeName={p.nativeName} />
          </Link>{' '}
          <Unconfirmed fact={p} />
          <p className="card__meta">
            <ValueChip value={p.kind} tone="level" /> <ValueChip value={p.status} />
          </p>
          {detail?.(p) ? <p className="card__text">{detail(p)}</p> : null}
        </li>
      ))}
    </ul>
  );
}
