import { type AnchorHTMLAttributes, type MouseEvent, useMemo, useSyncExternalStore } from 'react';

// A small client-side router: the URL is the state, history.pushState changes it, and popstate (the
// back button) or a navigation event tells React to re-render.

const EVENT = 'orbitshare:navigate';

function subscribe(onChange: () => void) {
  window.addEventListener('popstate', onChange);
  window.addEventListener(EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(EVENT, onChange);
  };
}

export function usePath(): string {
  return useSyncExternalStore(subscribe, () => window.location.pathname);
}

/** The query string, e.g. "?token=…"; pages that read it re-render when it changes. */
export function useSearch(): URLSearchParams {
  const search = useSyncExternalStore(subscribe, () => window.location.search);
  return useMemo(() => new URLSearchParams(search), [search]);
}

/** Goes to `to`; `replace` swaps the current history entry (a redirect the back button should skip). */
export function navigate(to: string, { replace = false }: { replace?: boolean } = {}) {
  if (to === window.location.pathname + window.location.search) return;
  if (replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  window.dispatchEvent(new Event(EVENT));
  window.scrollTo(0, 0);
}

/** A path inside this site to return to after signing in; anything else (another site, …) becomes "/". */
export function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/';
}

export type Route =
  | { page: 'home' }
  | { page: 'programs' }
  | { page: 'program'; slug: string }
  | { page: 'mission'; slug: string }
  | { page: 'institution'; slug: string }
  | { page: 'countries' }
  | { page: 'country'; code: string }
  | { page: 'sign-in' }
  | { page: 'sign-up' }
  | { page: 'verify-email' }
  | { page: 'reset-password' }
  | { page: 'accept-invitation' }
  | { page: 'account' }
  | { page: 'admin' }
  | { page: 'calls' }
  | { page: 'call'; slug: string }
  | { page: 'call-applications'; slug: string }
  | { page: 'applications' }
  | { page: 'application'; id: string }
  | { page: 'my-calls' }
  | { page: 'call-new' }
  | { page: 'call-edit'; id: string }
  | { page: 'submitted-application'; id: string }
  | { page: 'review' }
  | { page: 'review-expert'; id: string }
  | { page: 'review-assignment'; id: string }
  | { page: 'staff-call-review'; callId: string }
  | { page: 'staff-review-round'; id: string }
  | { page: 'staff-call-selection'; callId: string }
  | { page: 'missions' }
  | { page: 'institutions' }
  | { page: 'api-docs' }
  | { page: 'search' }
  | { page: 'results' }
  | { page: 'call-results'; slug: string }
  | { page: 'staff-review-expert'; roundId: string; expertId: string }
  | { page: 'statistics' }
  | { page: 'agreements' }
  | { page: 'agreement'; id: string }
  | { page: 'agreement-sign'; id: string }
  | { page: 'agreement-milestones'; id: string }
  | { page: 'agreement-loan'; id: string }
  | { page: 'custody' }
  | { page: 'custody-loans' }
  | { page: 'custody-loan'; id: string }
  | { page: 'custody-overdue' }
  | { page: 'custody-where' }
  | { page: 'custody-discrepancies' }
  | { page: 'custody-audit' }
  | { page: 'custody-sample'; id: string }
  | { page: 'borrower' }
  | { page: 'borrower-loan'; id: string }
  | { page: 'verify-sample'; number: string }
  | { page: 'samples' }
  | { page: 'sample-collection'; slug: string }
  | { page: 'custody-collections' }
  | { page: 'not-found' };

/** The curator's custody pages, the borrower's portal and the public label verification. */
function matchCustodyRoute([first, second, third, ...rest]: string[]): Route | null {
  if (rest.length > 0) return null;
  if (first === 'custody') {
    if (second === undefined) return { page: 'custody' };
    if (second === 'loans') return third ? { page: 'custody-loan', id: third } : { page: 'custody-loans' };
    if (second === 'samples' && third) return { page: 'custody-sample', id: third };
    const single: Record<string, Route> = {
      overdue: { page: 'custody-overdue' },
      where: { page: 'custody-where' },
      discrepancies: { page: 'custody-discrepancies' },
      audit: { page: 'custody-audit' },
      collections: { page: 'custody-collections' },
    };
    return third === undefined && single[second] ? single[second] : { page: 'not-found' };
  }
  if (first === 'borrower') {
    if (second === undefined) return { page: 'borrower' };
    if (second === 'loans' && third) return { page: 'borrower-loan', id: third };
    return { page: 'not-found' };
  }
  if (first === 'verify' && second === 'samples' && third) return { page: 'verify-sample', number: third };
  return null;
}

/** Staff pages live under /staff: My calls, the call editor, the read view of a submitted application. */
function matchStaffRoute(parts: string[]): Route {
  const [, kind, id, action, ...rest] = parts;
  if (rest.length > 0) return { page: 'not-found' };
  if (kind === 'calls' && id === undefined) return { page: 'my-calls' };
  if (kind === 'calls' && id === 'new' && action === undefined) return { page: 'call-new' };
  if (kind === 'calls' && id && action === 'edit') return { page: 'call-edit', id };
  if (kind === 'calls' && id && action === 'selection') return { page: 'staff-call-selection', callId: id };
  if (kind === 'applications' && id && action === undefined) return { page: 'submitted-application', id };
  return { page: 'not-found' };
}

const SINGLE_PAGES = new Set(['sign-in', 'sign-up', 'verify-email', 'reset-password', 'accept-invitation', 'account', 'admin']);

export function matchRoute(path: string): Route {
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  const [first, second, third, ...rest] = parts;
  const review = matchReviewRoute(parts);
  if (review) return review;
  const agreement = matchAgreementRoute(parts);
  if (agreement) return agreement;
  const custody = matchCustodyRoute(parts);
  if (custody) return custody;
  if (first === 'staff') return matchStaffRoute(parts);
  if (first === 'calls' && second && third === 'applications' && rest.length === 0)
    return { page: 'call-applications', slug: second };
  if (first === 'api' && second === 'docs' && third === undefined) return { page: 'api-docs' };
  if (first === 'search' && second === undefined) return { page: 'search' };
  if (first === 'statistics' && second === undefined) return { page: 'statistics' };
  if (third !== undefined) return { page: 'not-found' };
  if (first === undefined) return { page: 'home' };
  if (first === 'results') return second ? { page: 'call-results', slug: second } : { page: 'results' };
  if (first === 'programs') return second ? { page: 'program', slug: second } : { page: 'programs' };
  if (first === 'calls') return second ? { page: 'call', slug: second } : { page: 'calls' };
  if (first === 'applications') return second ? { page: 'application', id: second } : { page: 'applications' };
  if (first === 'countries') return second ? { page: 'country', code: second } : { page: 'countries' };
  if (first === 'missions') return second ? { page: 'mission', slug: second } : { page: 'missions' };
  if (first === 'samples') return second ? { page: 'sample-collection', slug: second } : { page: 'samples' };
  if (first === 'institutions') return second ? { page: 'institution', slug: second } : { page: 'institutions' };
  if (SINGLE_PAGES.has(first) && second === undefined) return { page: first } as Route;
  return { page: 'not-found' };
}

/** Agreements: the list (home), one agreement, its signing page, milestones board and loan page. */
function matchAgreementRoute([first, second, third, ...rest]: string[]): Route | null {
  if (first !== 'agreements' || rest.length > 0) return null;
  if (second === undefined) return { page: 'agreements' };
  if (third === undefined) return { page: 'agreement', id: second };
  if (third === 'sign') return { page: 'agreement-sign', id: second };
  if (third === 'milestones') return { page: 'agreement-milestones', id: second };
  if (third === 'loan') return { page: 'agreement-loan', id: second };
  return null;
}

/** The expert's workspace and the officer's review board. */
function matchReviewRoute([first, second, third, fourth, ...rest]: string[]): Route | null {
  if (first === 'staff' && second === 'review-rounds' && third && fourth === 'experts' && rest.length === 1)
    return { page: 'staff-review-expert', roundId: third, expertId: rest[0]! };
  if (rest.length > 0) return null;
  if (first === 'review' && second === undefined) return { page: 'review' };
  if (first === 'review' && second === 'experts' && third && !fourth) return { page: 'review-expert', id: third };
  if (first === 'review' && second === 'assignments' && third && !fourth) return { page: 'review-assignment', id: third };
  if (first === 'staff' && second === 'calls' && third && fourth === 'review')
    return { page: 'staff-call-review', callId: third };
  if (first === 'staff' && second === 'review-rounds' && third && !fourth) return { page: 'staff-review-round', id: third };
  return null;
}

type LinkProps = AnchorHTMLAttributes<HTMLAnchorElement> & { to: string };

/** An ordinary link that navigates in the page; modified clicks (new tab, …) keep the browser's behaviour. */
export function Link({ to, onClick, ...rest }: LinkProps) {
  const handle = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to);
  };
  return <a href={to} onClick={handle} {...rest} />;
}
