import { readFileSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import type { Result } from 'axe-core';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { matchRoute, type Route } from '../../src/web/router.js';
import { type BrowserHarness, startBrowserHarness } from './harness.js';

// Every page of the UI, as every role that uses it, at a desktop (1280 px) and a phone (390 px)
// width, checked by axe-core in Chromium: no violation of impact serious or critical may remain.
// The pages come from the router: VISITS has an entry for each page the router knows (the type
// makes a missing one a compile error, the first test lists it at run time), and each URL must
// resolve to the page it claims. One browser; one context per role, signed in once.

type Role = 'public' | 'public-zh' | 'applicant' | 'officer' | 'official' | 'curator' | 'reviewer' | 'admin';
type PageName = Route['page'];

const DEMO_PASSWORD = 'orbitshare-demo';
const STAFF: Role[] = ['officer', 'official', 'curator', 'reviewer', 'admin'];
const SIGNED_IN: Role[] = ['applicant', ...STAFF];
const EVERYONE: Role[] = ['public', 'public-zh', ...SIGNED_IN];
/** The public portal is checked in both languages: 'public-zh' is a browser whose language is Chinese. */
const PUBLIC: Role[] = ['public', 'public-zh'];

/** What the URLs need that only the running instance knows (ids of records made at start). */
interface Fixtures {
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

interface Visit {
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
const OPEN_CALL = 'lunar-samples-international-2026-27';
const TWO_STAGE_CALL = 'change-8-international-2023';

const VISITS = {
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

const ACCOUNT_OF: Record<Exclude<Role, 'public' | 'public-zh'>, string> = {
  applicant: 'applicant@orbitshare.demo',
  officer: 'officer@orbitshare.demo',
  official: 'official@orbitshare.demo',
  curator: 'curator@orbitshare.demo',
  reviewer: 'reviewer@orbitshare.demo',
  admin: 'admin@orbitshare.demo',
};

const WIDTHS = [
  { width: 1280, height: 900 },
  { width: 390, height: 844 },
];
const AXE_OPTIONS = {
  // Details of the passing rules are not needed, and computing them is most of a run's cost.
  resultTypes: ['violations' as const],
  runOnly: { type: 'tag' as const, values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
  // Experimental in axe, so off by default, yet the bug the officer table had: a button whose
  // accessible name does not contain its visible label (WCAG 2.5.3, speech users say the label).
  rules: { 'label-content-name-mismatch': { enabled: true } },
};
const FAILING_IMPACTS = new Set(['serious', 'critical']);

/** The page names of the router's Route type, read from its source so a new page cannot hide. */
function routerPages(): string[] {
  const source = readFileSync(new URL('../../src/web/router.tsx', import.meta.url), 'utf8');
  const union = /export type Route =([\s\S]*?);\n/.exec(source)?.[1] ?? '';
  return [...union.matchAll(/page:\s*'([^']+)'/g)].map((m) => m[1]!);
}

let harness: BrowserHarness;
let base: string;
let fixtures: Fixtures;
const pages = new Map<Role, Page>();
/** Lesser findings (moderate, minor) are printed once at the end, not failed on. */
const notes = new Map<string, Set<string>>();
const contexts: BrowserContext[] = [];

/** A same-origin call from inside the page, so the session cookie and Origin are the browser's own. */
async function inPage<T>(page: Page, method: string, path: string, body?: unknown): Promise<T> {
  const answer = await page.evaluate(
    async ({ method, path, body }) => {
      const me = await fetch('/api/auth/me').then((r) => r.json());
      const response = await fetch(path, {
        method,
        headers: { 'content-type': 'application/json', ...(me.csrfToken ? { 'x-csrf-token': me.csrfToken } : {}) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, text: await response.text() };
    },
    { method, path, body },
  );
  if (answer.status >= 400) throw new Error(`${method} ${path} → ${answer.status}: ${answer.text}`);
  return JSON.parse(answer.text) as T;
}

async function pageFor(role: Role): Promise<Page> {
  const known = pages.get(role);
  if (known) return known;
  const context = await harness.browser.newContext({
    viewport: WIDTHS[0],
    timezoneId: 'Asia/Shanghai',
    ...(role === 'public-zh' ? { locale: 'zh-CN' } : {}),
  });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(`${base}/`);
  if (role !== 'public' && role !== 'public-zh')
    await inPage(page, 'POST', '/api/auth/sign-in', { email: ACCOUNT_OF[role], password: DEMO_PASSWORD });
  pages.set(role, page);
  return page;
}

beforeAll(async () => {
  harness = await startBrowserHarness('accessibility');
  base = harness.base;
  const applicant = await pageFor('applicant');
  const open = await inPage<{ id: string }>(applicant, 'GET', `/api/calls/${OPEN_CALL}`);
  const twoStage = await inPage<{ id: string }>(applicant, 'GET', `/api/calls/${TWO_STAGE_CALL}`);
  const draft = await inPage<{ id: string }>(applicant, 'POST', `/api/calls/${open.id}/applications`, {});
  const received = await inPage<{ id: string; status: string }[] | { items: { id: string; status: string }[] }>(
    await pageFor('officer'),
    'GET',
    `/api/calls/${twoStage.id}/applications`,
  );
  const rows = Array.isArray(received) ? received : received.items;
  const submittedId = rows.find((r) => r.status !== 'draft')!.id;
  fixtures = {
    draftId: draft.id,
    submittedId,
    twoStageCallId: twoStage.id,
    ...(await reviewFixtures(twoStage.id, submittedId)),
  };
}, 180_000);

/** A round of the two-stage call with the demo reviewer invited, accepted and assigned one proposal. */
async function reviewFixtures(callId: string, applicationId: string) {
  const officer = await pageFor('officer');
  const reviewer = await pageFor('reviewer');
  const round = await inPage<{ id: string }>(officer, 'POST', `/api/calls/${callId}/review-rounds`, {
    stage: 'letter_of_intent',
    title: 'Accessibility screening',
    deadlineAt: new Date(Date.now() + 14 * 86_400_000).toISOString(),
    reviewsPerProposal: 1,
  });
  const expert = await inPage<{ id: string }>(officer, 'POST', `/api/calls/${callId}/experts`, {
    name: 'Demo reviewer',
    email: ACCOUNT_OF.reviewer,
    keywords: ['regolith'],
  });
  await inPage(reviewer, 'POST', `/api/experts/${expert.id}/answer`, { answer: 'accepted' });
  await inPage(officer, 'POST', `/api/review-rounds/${round.id}/assignments`, { add: [{ expertId: expert.id, applicationId }] });
  const workspace = await inPage<{ pools: { expert: { id: string }; rounds: { assignments: { id: string }[] }[] }[] }>(
    reviewer,
    'GET',
    '/api/review/workspace',
  );
  const pool = workspace.pools.find((p) => p.expert.id === expert.id)!;
  const assignmentId = pool.rounds.flatMap((r) => r.assignments)[0]!.id;
  return { reviewCallId: callId, roundId: round.id, expertId: expert.id, assignmentId };
}

afterAll(async () => {
  if (notes.size > 0) {
    const lines = [...notes].map(([rule, where]) => `  ${rule}\n    on ${[...where].join(', ')}`);
    console.log(`Moderate and minor axe findings (not failed on):\n${lines.join('\n')}`);
  }
  for (const context of contexts) await context.close();
  await harness?.close();
});

/** Waits until the page has finished loading its data: no spinner, the session known, a heading. */
async function settle(page: Page) {
  await page.waitForLoadState('networkidle');
  await page.locator('[data-testid="loading"]').first().waitFor({ state: 'detached' });
  await page.locator('main h1').first().waitFor();
  await page.getByTestId('account-nav').waitFor();
}

interface Finding {
  rule: string;
  text: string;
}

/** The rule, the page, and the first few elements at fault with what axe says would fix each. */
function explain(where: string, v: Result): string {
  const shown = v.nodes.slice(0, 6).map((n) => `    ${n.target.join(' >> ')}\n      ${n.failureSummary?.split('\n').join(' ')}`);
  const more = v.nodes.length > shown.length ? [`    … and ${v.nodes.length - shown.length} more`] : [];
  return [`${where}: [${v.impact}] ${v.id} — ${v.help} (${v.helpUrl})`, ...shown, ...more].join('\n');
}

async function seriousViolations(page: Page, where: string): Promise<Finding[]> {
  // Legacy mode runs axe in the page itself: no helper page per run (the UI has no iframes).
  const results = await new AxeBuilder({ page }).options(AXE_OPTIONS).setLegacyMode(true).analyze();
  for (const v of results.violations.filter((v) => !FAILING_IMPACTS.has(v.impact ?? ''))) {
    const key = `[${v.impact}] ${v.id} — ${v.help}`;
    notes.set(key, (notes.get(key) ?? new Set()).add(where.split(' at ')[0]!));
  }
  return results.violations
    .filter((v) => FAILING_IMPACTS.has(v.impact ?? ''))
    .map((v) => ({ rule: v.id, text: explain(where, v) }));
}

/** Checks the page as it stands (no reload) at each width, desktop first. */
async function checkAtEveryWidth(page: Page, where: string): Promise<Finding[]> {
  const found: Finding[] = [];
  for (const size of WIDTHS) {
    await page.setViewportSize(size);
    found.push(...(await seriousViolations(page, `${where} at ${size.width} px`)));
  }
  return found;
}

describe('accessibility (axe-core in Chromium)', () => {
  it('has a visit for every page the router knows', () => {
    const missing = routerPages().filter((p) => !(p in VISITS));
    expect(missing, 'add these pages of src/web/router.tsx to VISITS').toEqual([]);
    expect(routerPages().length).toBeGreaterThan(10);
  });

  const cases = Object.entries(VISITS as Record<PageName, Visit[]>).flatMap(([name, visits]) =>
    visits.flatMap((visit) =>
      visit.roles.map((role) => ({
        name: name as PageName,
        visit,
        role,
        where: `${visit.path}${visit.after ? `, ${visit.after.state}` : ''}`,
      })),
    ),
  );

  it.each(cases)('$name page ($where) as $role', { timeout: 180_000 }, async ({ name, visit, role }) => {
    const page = await pageFor(role);
    const path = visit.path.replace(/\{(\w+)\}/g, (_, key: keyof Fixtures) => fixtures[key]);
    expect(matchRoute(new URL(path, base).pathname).page, `${path} is not the ${name} page`).toBe(name);
    await page.setViewportSize(WIDTHS[0]!);
    await page.goto(`${base}${path}`);
    await settle(page);
    // Still where we went (no redirect to sign in), and the page itself rather than an error.
    expect(matchRoute(new URL(page.url()).pathname).page).toBe(name);
    expect(await page.getByTestId('error').count()).toBe(0);
    if (name !== 'not-found') expect(await page.getByTestId('not-found').count()).toBe(0);

    if (visit.after) await visit.after.act(page);

    const found = await checkAtEveryWidth(page, `${path}${visit.after ? ` (${visit.after.state})` : ''} as ${role}`);
    expect(found.length, `serious or critical axe violations:\n${found.map((f) => f.text).join('\n')}`).toBe(0);
  });

  it('API docs page (/api/docs): operations opened, in both languages', { timeout: 300_000 }, async () => {
    for (const role of PUBLIC) {
      const page = await pageFor(role);
      await page.setViewportSize(WIDTHS[0]!);
      await page.goto(`${base}/api/docs`);
      await settle(page);
      expect(await page.getByTestId('api-operation').count()).toBeGreaterThan(50);
      // Open the first operation of every area, so parameters, bodies and schemas are checked too.
      await page.evaluate(() => {
        for (const area of document.querySelectorAll('[data-testid="api-tag"]')) {
          const first = area.querySelector('details');
          if (first) first.open = true;
        }
      });
      await page.locator('.api-op[open] h3').first().waitFor();
      const found = await checkAtEveryWidth(page, `/api/docs, one operation of each area open, as ${role}`);
      expect(found.length, `serious or critical axe violations:\n${found.map((f) => f.text).join('\n')}`).toBe(0);
    }
  });
});
