import { useEffect, useState } from 'react';
import type { Account } from '../../api.js';
import { useT } from '../../i18n/index.js';
import { Link } from '../../router.js';
import { agreementsApi } from './agreements-api.js';

const STAFF_ROLES = new Set(['program_officer', 'selection_official', 'curator', 'administrator']);
const known = new Map<string, boolean>();

/** "Agreements" in the header for staff, and for anyone named as a signatory (asked once per account). */
export function AgreementsNavLink({ account, path }: { account: Account; path: string }) {
  const { t } = useT('agreements');
  const staff = account.grants.some((g) => STAFF_ROLES.has(g.role));
  const [signatory, setSignatory] = useState(known.get(account.id) ?? false);
  useEffect(() => {
    if (staff || known.has(account.id)) return;
    const controller = new AbortController();
    agreementsApi.mine(controller.signal).then(
      (mine) => {
        known.set(account.id, mine.length > 0);
        setSignatory(mine.length > 0);
      },
      () => undefined,
    );
    return () => controller.abort();
  }, [account.id, staff]);
  if (!staff && !signatory) return null;
  return (
    <Link to="/agreements" aria-current={path.startsWith('/agreements') ? 'page' : undefined} data-testid="nav-agreements">
      {t('nav')}
    </Link>
  );
}
