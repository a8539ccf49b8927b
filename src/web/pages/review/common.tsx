import type { ReactNode } from 'react';
import { ApiError } from '../../api.js';
import { currentLocale, useT } from '../../i18n/index.js';
import { notAvailableYet } from '../../review-api.js';

// Small pieces the review pages share: a focusable scroll container for wide tables, the "not
// available yet" state for endpoints the server does not offer yet, and error text from a failed call.

/** A wide table in a keyboard-scrollable box (axe: scrollable regions must be focusable). */
export function ScrollTable({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take focus to scroll by keyboard
    <section className="table-wrap" tabIndex={0} aria-label={label} data-testid={testId}>
      {children}
    </section>
  );
}

/** Said where the server has no endpoint for this part yet, rather than showing made-up data. */
export function NotYet({ what, testId = 'not-available-yet' }: { what: string; testId?: string }) {
  const { t } = useT('review');
  return (
    <p className="muted" role="status" data-testid={testId}>
      {t('common.notYet', { what })}
    </p>
  );
}

/** The server's detail, followed by each refused item's own message (e.g. which pair conflicts). */
export function messageOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const items = error instanceof ApiError ? error.issues.map((i) => i.message).filter((m) => m && m !== error.message) : [];
  return [error.message, ...items].join(' ');
}

/** Per-field messages of a problem+json answer, keyed by the field path ("scores.science.score"). */
export function issuesByField(error: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (error instanceof ApiError) for (const issue of error.issues) if (issue.field) out[issue.field] ??= issue.message;
  return out;
}

export type Remote<T> =
  | { state: 'loading' }
  | { state: 'missing' }
  | { state: 'error'; message: string }
  | { state: 'ready'; data: T };

/** Turns a failed load into "missing" when the endpoint does not exist yet, else an error. */
export const remoteFailure = (error: unknown): Remote<never> =>
  notAvailableYet(error) ? { state: 'missing' } : { state: 'error', message: messageOf(error) };

/** A score with one decimal, in the viewer's language. */
export const score = (n: number | null) =>
  n !== null && Number.isFinite(n)
    ? new Intl.NumberFormat(currentLocale(), { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(n)
    : '–';
