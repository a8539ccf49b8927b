import type { Page } from 'playwright-core';
import type { Route } from '../../../src/web/router.js';

// What the accessibility sweep visits: every page the router knows (the type makes a missing one a
// compile error), as every role that uses it, with the fixtures a URL needs.

export type Role = 'public' | 'public-zh' | 'applicant' | 'officer' | 'official' | 'curator' | 'reviewer' | 'admin';
export type PageName = Route['page'];

export const DEMO_PASSWORD = 'orbitshare-demo';
export const STAFF: Role[] = ['officer', 'official', 'curator', 'reviewer', 'admin'];
export const SIGNED_IN: Role[] = ['applicant', ...STAFF];
export const EVERYONE: Role[] = ['public', 'public-zh', ...SIGNED_IN];
/** The public portal is checked in both languages: 'public-zh' is a browser whose language is Chinese. */
export const PUBLIC: Role[] = ['public', 'public-zh'];

/** What the URLs need that only the running instance knows (ids of records made at start). */
export interface Fixtures {
  /** A draft the demo applicant started on the open call. */
  draftId: string;
  /** A submitted Chang'e-8 letter of intent, as its program's staff read it. */
  submittedId: string;
  /** The Chang'e-8 call (published, two-stage), as its officer edits it. */
  twoStageCallId: string;
  /** A review round of the two-stage call, its call, the demo reviewer's expert row and assignment. */
  reviewCallId: string;
  roundId: string;
  expertId: string;
  assignmentId: string;
}

export interface Visit {
  /** The URL; `{name}` is replaced by that fixture. */
  path: string;
  roles: Role[];
  /** A state worth checking too, reached from the loaded page (e.g. a form refused with its errors). */
  after?: { state: string; act: (page: Page) => Promise<void> };
}

/** Sends the form empty and waits for what the page says is wrong. */
const submitEmpty = (button: string, shown: string) => async (page: Page) => {
  await page.locator(button).click();
  await page.locator(shown).first().waitFor();
};

// The open one-stage call, the closed two-stage Chang'e-8 call of the demo officer's program.
export const OPEN_CALL = 'lunar-samples-international-2026-27';
export const TWO_STAGE_CALL = 'change-8-international-2023';

export const VISITS = {
  home: [{ path: '/', roles: EVERYONE }],
  programs: [{ path: '/programs', roles: PUBLIC }],
  program: [
    { path: '/programs/change-8-cooperation', roles: PUBLIC },
    { path: '/programs/ilrs', roles: PUBLIC },
  ],
  mission: [
    { path: '/missions/change-5', roles: PUBLIC },
    { path: '/missions/china-space-station', roles: PUBLIC },
  ],
  institution: [{ path: '/institutions/osaka-university', roles: PUBLIC }],
  countries: [{ path: '/countries', roles: PUBLIC }],
  country: [{ path: '/countries/CN', roles: PUBLIC }],
  missions: [{ path: '/missions', roles: PUBLIC }],
  institutions: [{ path: '/institutions', roles: PUBLIC }],
  'api-docs': [{ path: '/api/docs', roles: PUBLIC }],
  search: [{ path: '/search?q=sample', roles: PUBLIC }],
  statistics: [{ path: '/statistics', roles: PUBLIC }],
  'sign-in': [
    { path: '/sign-in', roles: ['public'] },
    {
      path: '/sign-in',
      roles: ['public'],
      after: { state: 'refused empty', act: submitEmpty('[data-testid="sign-in-submit"]', '.field__error') },
    },
  ],
  'sign-up': [
    { path: '/sign-up', roles: ['public'] },
    {
      path: '/sign-up',
      roles: ['public'],
      after: { state: 'refused empty', act: submitEmpty('[data-testid="sign-up-form"] [type="submit"]', '.field__error') },
    },
  ],
  'verify-email': [{ path: '/verify-email?token=not-a-real-token', roles: ['public'] }],
  'reset-password': [
    { path: '/reset-password', roles: ['public'] },
    { path: '/reset-password?token=not-a-real-token', roles: ['public'] },
  ],
  'accept-invitation': [{ path: '/accept-invitation?token=not-a-real-token', roles: ['public'] }],
  account: [
    { path: '/account', roles: SIGNED_IN },
    {
      path: '/account',
      roles: ['applicant'],
      after: {
        state: 'a new token shown once',
        act: async (page) => {
          await page.getByTestId('token-name-input').fill('Accessibility check');
          await page.getByTestId('token-create').click();
          await page.getByTestId('token-secret-box').waitFor();
        },
      },
    },
  ],
  // The applicant sees what someone without the role sees.
  admin: [
    { path: '/admin', roles: ['admin', 'applicant'] },
    // Its tabs are pages of their own to the person using them.
    { path: '/admin?tab=invite', roles: ['admin'] },
    { path: '/admin?tab=outbox', roles: ['admin'] },
    { path: '/admin?tab=audit', roles: ['admin'] },
    {
      path: '/admin?tab=invite',
      roles: ['admin'],
      after: {
        state: 'invitation refused empty',
        act: submitEmpty('[data-testid="invite-form"] [type="submit"]', '.field__error'),
      },
    },
  ],
  calls: [{ path: '/calls', roles: EVERYONE }],
  call: [
    { path: `/calls/${OPEN_CALL}`, roles: ['public', 'applicant', 'curator'] },
    { path: `/calls/${TWO_STAGE_CALL}`, roles: ['public', 'officer', 'official', 'admin'] },
    { path: '/calls/change-5-international-2025', roles: ['reviewer'] },
  ],
  'call-applications': [{ path: `/calls/${TWO_STAGE_CALL}/applications`, roles: ['officer', 'official', 'admin'] }],
  applications: [{ path: '/applications', roles: ['applicant'] }],
  application: [
    { path: '/applications/{draftId}', roles: ['applicant'] },
    {
      path: '/applications/{draftId}',
      roles: ['applicant'],
      after: {
        state: 'submit refused',
        act: submitEmpty('[data-testid="submit-application"]', '[data-testid="submit-errors"]'),
      },
    },
    { path: '/applications/{submittedId}', roles: ['officer', 'official'] },
  ],
  'my-calls': [{ path: '/staff/calls', roles: ['officer', 'official', 'admin'] }],
  'call-new': [{ path: '/staff/calls/new', roles: ['officer'] }],
  'call-edit': [{ path: '/staff/calls/{twoStageCallId}/edit', roles: ['officer'] }],
  'submitted-application': [{ path: '/staff/applications/{submittedId}', roles: ['officer', 'official'] }],
  review: [{ path: '/review', roles: ['reviewer'] }],
  'review-expert': [{ path: '/review/experts/{expertId}', roles: ['reviewer'] }],
  'review-assignment': [
    { path: '/review/assignments/{assignmentId}', roles: ['reviewer'] },
    {
      path: '/review/assignments/{assignmentId}',
      roles: ['reviewer'],
      after: { state: 'submit refused', act: submitEmpty('[data-testid="submit-review"]', '.field__error') },
    },
  ],
  'staff-call-review': [{ path: '/staff/calls/{reviewCallId}/review', roles: ['officer'] }],
  'staff-review-round': [{ path: '/staff/review-rounds/{roundId}', roles: ['officer'] }],
  'staff-review-expert': [{ path: '/staff/review-rounds/{roundId}/experts/{expertId}', roles: ['officer'] }],
  // The open call (no proposal yet): a board of the demo Chang'e-8 call re-solves its 41 proposals for
  // the reasons, longer than this test waits for a quiet network. test/browser/selection-board.test.ts
  // checks a full board (reasons, what-if, override, frozen decision) with axe at both widths.
  'staff-call-selection': [{ path: `/staff/calls/${OPEN_CALL}/selection`, roles: ['admin'] }],
  results: [{ path: '/results', roles: PUBLIC }],
  'call-results': [{ path: '/results/change-8-international-2023', roles: PUBLIC }],
  'not-found': [{ path: '/no-such-page', roles: PUBLIC }],
  agreements: [{ path: '/agreements', roles: ['officer', 'curator'] }],
  // One agreement's pages need an agreement made in the test: test/browser/agreements.test.ts runs axe on them.
  agreement: [],
  'agreement-sign': [],
  'agreement-milestones': [],
  'agreement-loan': [],
  // Custody (issue 10): the pages of one loan or one sample need one made in the test:
  // test/browser/custody.test.ts runs axe on them.
  custody: [{ path: '/custody', roles: ['curator', 'admin'] }],
  'custody-loans': [{ path: '/custody/loans', roles: ['curator'] }],
  'custody-loan': [],
  'custody-overdue': [{ path: '/custody/overdue', roles: ['curator'] }],
  'custody-where': [{ path: '/custody/where', roles: ['curator'] }],
  'custody-discrepancies': [{ path: '/custody/discrepancies', roles: ['curator'] }],
  'custody-audit': [{ path: '/custody/audit', roles: ['curator'] }],
  'custody-sample': [],
  borrower: [{ path: '/borrower', roles: ['applicant'] }],
  'borrower-loan': [],
  'verify-sample': [{ path: '/verify/samples/CE5C0400', roles: ['public'] }],
  samples: [{ path: '/samples', roles: PUBLIC }],
  'sample-collection': [{ path: '/samples/change-5-samples', roles: PUBLIC }],
  'custody-collections': [{ path: '/custody/collections', roles: ['curator'] }],
} satisfies Record<PageName, Visit[]>;

export const ACCOUNT_OF: Record<Exclude<Role, 'public' | 'public-zh'>, string> = {
  applicant: 'applicant@orbitshare.demo',
  officer: 'officer@orbitshare.demo',
  official: 'official@orbitshare.demo',
  curator: 'curator@orbitshare.demo',
  reviewer: 'reviewer@orbitshare.demo',
  admin: 'admin@orbitshare.demo',
};
