import { useEffect, useState } from 'react';
import type { Account } from '../api.js';
import { useT } from '../i18n/index.js';
import { reviewApi } from '../review-api.js';
import { Link } from '../router.js';

// "Review" in the header for whoever reviews: a reviewer grant, or any invitation to a call's expert
// pool (experts invited by e-mail hold no grant). Asked once per signed-in account.

const known = new Map<string, boolean>();

export function ReviewNavLink({ account, path }: { account: Account; path: string }) {
  const { t } = useT('review');
  const granted = account.grants.some((g) => g.role === 'reviewer');
  const [invited, setInvited] = useState(known.get(account.id) ?? false);
  useEffect(() => {
    if (granted || known.has(account.id)) return;
    const controller = new AbortController();
    reviewApi.workspace(controller.signal).then(
      (w) => {
        known.set(account.id, w.pools.length > 0);
        setInvited(w.pools.length > 0);
      },
      () => undefined,
    );
    return () => controller.abort();
  }, [account.id, granted]);
  if (!granted && !invited) return null;
  return (
    <Link to="/review" aria-current={path.startsWith('/review') ? 'page' : undefined} data-testid="nav-review">
      {t('nav.review')}
    </Link>
  );
}
