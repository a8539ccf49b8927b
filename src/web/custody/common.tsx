import type { ReactNode } from 'react';
import { ErrorPanel, Loading, NotFound } from '../components/PageState.js';
import { currentLocale, useT } from '../i18n/index.js';
import { Link } from '../router.js';
import type { Load } from '../use-load.js';
import { useTitle } from '../use-title.js';

/** Micrograms shown as milligrams with three decimals, in the reader's number format. */
export function formatMass(ug: number): string {
  return `${new Intl.NumberFormat(currentLocale(), { minimumFractionDigits: 3, maximumFractionDigits: 3 }).format(ug / 1000)} mg`;
}

/** A custody page: its title, a way back to the role's home, and its content once loaded. */
export function CustodyPage<T>({
  title,
  back,
  load,
  children,
}: {
  title: string;
  back: { to: string; label: string };
  load: Load<T>;
  children: (data: T) => ReactNode;
}) {
  useTitle(title);
  if (load.state === 'loading') return <Loading />;
  if (load.state === 'not-found') return <NotFound />;
  if (load.state === 'error') return <ErrorPanel message={load.message} />;
  return (
    <section className="stack" data-testid="custody-page">
      <p>
        <Link to={back.to}>{back.label}</Link>
      </p>
      <h1>{title}</h1>
      {children(load.data)}
    </section>
  );
}

export function useCustodyT() {
  return useT('custody').t;
}

/** Minus sign for negatives, grouped digits, plain number (for masses typed back into forms). */
export const micrograms = (value: string): number => Number.parseInt(value.replace(/[\s,_]/g, ''), 10);
