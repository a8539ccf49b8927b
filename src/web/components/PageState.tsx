import { type ReactNode, useEffect } from 'react';
import { Link } from '../router.js';
import type { Load } from '../use-load.js';

export function Loading() {
  return (
    <div className="state" role="status" aria-live="polite" data-testid="loading">
      <span className="spinner" aria-hidden="true" /> Loading…
    </div>
  );
}

export function NotFound({ what = 'page' }: { what?: string }) {
  // The tab and the history say "Not found" too, not the title of the page that was expected.
  useEffect(() => {
    document.title = 'Not found · Orbitshare';
  }, []);
  return (
    <section className="state state--not-found" data-testid="not-found">
      <h1>Not found</h1>
      <p>We could not find this {what}. It may have been archived, or the address may be mistyped.</p>
      <p>
        <Link to="/">Back to the portal home</Link>
      </p>
    </section>
  );
}

export function ErrorPanel({ message }: { message: string }) {
  return (
    <section className="state state--error" role="alert" data-testid="error">
      <h1>Something went wrong</h1>
      <p>{message}</p>
      <p>
        <button type="button" className="button" onClick={() => window.location.reload()}>
          Try again
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
