import type { Account } from '../api.js';
import { Link } from '../router.js';
import { useCustodyT } from './common.js';

/** Header links to the custody homes: curators (and administrators) to /custody, applicants to their loans. */
export function CustodyNavLinks({ account, path }: { account: Account; path: string }) {
  const t = useCustodyT();
  const roles = new Set(account.grants.map((g) => g.role));
  return (
    <>
      {roles.has('curator') || roles.has('administrator') ? (
        <Link to="/custody" aria-current={path.startsWith('/custody') ? 'page' : undefined} data-testid="nav-custody">
          {t('nav.custody')}
        </Link>
      ) : null}
      {roles.has('applicant') ? (
        <Link to="/borrower" aria-current={path.startsWith('/borrower') ? 'page' : undefined} data-testid="nav-borrower">
          {t('nav.borrower')}
        </Link>
      ) : null}
    </>
  );
}
