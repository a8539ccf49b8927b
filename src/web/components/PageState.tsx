import { type ReactNode, useEffect } from 'react';
import { useT } from '../i18n/index.js';
import { Link } from '../router.js';
import type { Load } from '../use-load.js';

export function Loading() {
  const { t } = useT('common');
  return (
    <div className="state" role="status" aria-live="polite" data-testid="loading">
      <span className="spinner" aria-hidden="true" /> {t('state.loading')}
    </div>
  );
}

export function NotFound({ what }: { what?: string }) {
  const { t } = useT('common');
  const title = t('state.notFoundTitle');
  // The tab and the history say "Not found" too, not the title of the page that was expected.
  useEffect(() => {
    document.title = `${title} · Orbitshare`;
  }, [title]);
  return (
    <section className="state state--not-found" data-testid="not-found">
      <h1>{title}</h1>
      <p>{t('state.notFound', { what: what ?? t('state.page') })}</p>
      <p>
        <Link to="/">{t('state.backHome')}</Link>
      </p>
    </section>
  );
}

export function ErrorPanel({ message }: { message: string }) {
  const { t } = useT('common');
  return (
    <section className="state state--error" role="alert" data-testid="error">
      <h1>{t('state.errorTitle')}</h1>
      <p>{message}</p>
      <p>
        <button type="button" className="button" onClick={() => window.location.reload()}>
          {t('state.tryAgain')}
        </button>
      </p>
    </section>
  );
}

/** Renders loading, not-found and error states, and `children(data)` once the data is there. */
export function Loaded<T>({ load, what, children }: { load: Load<T>; what: string; children: (data: T) => ReactNode }) {
  if (load.state === 'loading') return <Loading />;
  if (load.state === 'not-found') return <NotFound what={what} />;
  if (load.state === 'error') return <ErrorPanel message={load.message} />;
  return <>{children(load.data)}</>;
}
