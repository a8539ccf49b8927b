import { readFileSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import type { Result } from 'axe-core';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { matchRoute } from '../../../src/web/router.js';
import { type BrowserHarness, startBrowserHarness } from '../harness.js';
import {
  ACCOUNT_OF,
  DEMO_PASSWORD,
  type Fixtures,
  OPEN_CALL,
  type PageName,
  PUBLIC,
  type Role,
  TWO_STAGE_CALL,
  VISITS,
  type Visit,
} from './visits.js';

// Every page of the UI, as every role that uses it, at a desktop (1280 px) and a phone (390 px)
// width, checked by axe-core in Chromium: no violation of impact serious or critical may remain.
// The pages come from the router: VISITS has an entry for each page the router knows, and each URL
// must resolve to the page it claims. One browser per shard; one context per role, signed in once.
//
// The sweep is cut into shards, one test file each (test/browser/accessibility-N.test.ts): a single
// file was the longest job of the run (7 minutes on one of the two workers while the other emptied
// the queue), and shards let both workers share it. Every case belongs to exactly one shard.

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
/** How many test files share the sweep (test/browser/accessibility-1…N.test.ts). */
export const SHARDS = 4;

/** The page names of the router's Route type, read from its source so a new page cannot hide. */
export function routerPages(): string[] {
  const source = readFileSync(new URL('../../../src/web/router.tsx', import.meta.url), 'utf8');
  const union = /export type Route =([\s\S]*?);\n/.exec(source)?.[1] ?? '';
  return [...union.matchAll(/page:\s*'([^']+)'/g)].map((m) => m[1]!);
}

export interface SweepCase {
  name: PageName;
  visit: Visit;
  role: Role;
  where: string;
}

/** Every (page, visit, role) the sweep checks, in a stable order. */
export function allCases(): SweepCase[] {
  return Object.entries(VISITS as Record<PageName, Visit[]>).flatMap(([name, visits]) =>
    visits.flatMap((visit) =>
      visit.roles.map((role) => ({
        name: name as PageName,
        visit,
        role,
        where: `${visit.path}${visit.after ? `, ${visit.after.state}` : ''}`,
      })),
    ),
  );
}

/**
 * The cases of one shard: dealt round robin, so each shard gets a like share of every kind of page
 * (the public pages in both languages, the staff boards, the forms).
 */
export function shardCases(shard: number, of: number): SweepCase[] {
  return allCases().filter((_, i) => i % of === shard);
}

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

/** One shard's browser, signed-in pages and the fixtures its URLs need. */
class Sweep {
  private harness!: BrowserHarness;
  private readonly pages = new Map<Role, Page>();
  private readonly contexts: BrowserContext[] = [];
  private fixtures?: Promise<Fixtures>;
  /** Lesser findings (moderate, minor) are printed once at the end, not failed on. */
  private readonly notes = new Map<string, Set<string>>();

  get base(): string {
    return this.harness.base;
  }

  async start(name: string): Promise<void> {
    this.harness = await startBrowserHarness(name);
  }

  async close(): Promise<void> {
    if (this.notes.size > 0) {
      const lines = [...this.notes].map(([rule, where]) => `  ${rule}\n    on ${[...where].join(', ')}`);
      console.log(`Moderate and minor axe findings (not failed on):\n${lines.join('\n')}`);
    }
    for (const context of this.contexts) await context.close();
    await this.harness?.close();
  }

  async pageFor(role: Role): Promise<Page> {
    const known = this.pages.get(role);
    if (known) return known;
    const context = await this.harness.browser.newContext({
      viewport: WIDTHS[0],
      timezoneId: 'Asia/Shanghai',
      ...(role === 'public-zh' ? { locale: 'zh-CN' } : {}),
    });
    this.contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${this.base}/`);
    if (role !== 'public' && role !== 'public-zh')
      await inPage(page, 'POST', '/api/auth/sign-in', { email: ACCOUNT_OF[role], password: DEMO_PASSWORD });
    this.pages.set(role, page);
    return page;
  }

  /** The records some URLs name, made once per shard on first need. */
  fixturesOnce(): Promise<Fixtures> {
    this.fixtures ??= this.makeFixtures();
    return this.fixtures;
  }

  private async makeFixtures(): Promise<Fixtures> {
    const applicant = await this.pageFor('applicant');
    const open = await inPage<{ id: string }>(applicant, 'GET', `/api/calls/${OPEN_CALL}`);
    const twoStage = await inPage<{ id: string }>(applicant, 'GET', `/api/calls/${TWO_STAGE_CALL}`);
    const draft = await inPage<{ id: string }>(applicant, 'POST', `/api/calls/${open.id}/applications`, {});
    const received = await inPage<{ id: string; status: string }[] | { items: { id: string; status: string }[] }>(
      await this.pageFor('officer'),
      'GET',
      `/api/calls/${twoStage.id}/applications`,
    );
    const rows = Array.isArray(received) ? received : received.items;
    const submittedId = rows.find((r) => r.status !== 'draft')!.id;
    return {
      draftId: draft.id,
      submittedId,
      twoStageCallId: twoStage.id,
      ...(await this.reviewFixtures(twoStage.id, submittedId)),
    };
  }

  /** A round of the two-stage call with the demo reviewer invited, accepted and assigned one proposal. */
  private async reviewFixtures(callId: string, applicationId: string) {
    const officer = await this.pageFor('officer');
    const reviewer = await this.pageFor('reviewer');
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
    await inPage(officer, 'POST', `/api/review-rounds/${round.id}/assignments`, {
      add: [{ expertId: expert.id, applicationId }],
    });
    const workspace = await inPage<{ pools: { expert: { id: string }; rounds: { assignments: { id: string }[] }[] }[] }>(
      reviewer,
      'GET',
      '/api/review/workspace',
    );
    const pool = workspace.pools.find((p) => p.expert.id === expert.id)!;
    const assignmentId = pool.rounds.flatMap((r) => r.assignments)[0]!.id;
    return { reviewCallId: callId, roundId: round.id, expertId: expert.id, assignmentId };
  }

  async seriousViolations(page: Page, where: string): Promise<Finding[]> {
    // Legacy mode runs axe in the page itself: no helper page per run (the UI has no iframes).
    const results = await new AxeBuilder({ page }).options(AXE_OPTIONS).setLegacyMode(true).analyze();
    for (const v of results.violations.filter((v) => !FAILING_IMPACTS.has(v.impact ?? ''))) {
      const key = `[${v.impact}] ${v.id} — ${v.help}`;
      this.notes.set(key, (this.notes.get(key) ?? new Set()).add(where.split(' at ')[0]!));
    }
    return results.violations
      .filter((v) => FAILING_IMPACTS.has(v.impact ?? ''))
      .map((v) => ({ rule: v.id, text: explain(where, v) }));
  }

  /** Checks the page as it stands (no reload) at each width, desktop first. */
  async checkAtEveryWidth(page: Page, where: string): Promise<Finding[]> {
    const found: Finding[] = [];
    for (const size of WIDTHS) {
      await page.setViewportSize(size);
      found.push(...(await this.seriousViolations(page, `${where} at ${size.width} px`)));
    }
    return found;
  }
}

function report(found: Finding[]): string {
  return `serious or critical axe violations:\n${found.map((f) => f.text).join('\n')}`;
}

/** Defines the tests of shard `shard` (0-based) of `of`. */
export function defineSweepShard(shard: number, of: number): void {
  const sweep = new Sweep();
  beforeAll(() => sweep.start(`accessibility-${shard + 1}`), 180_000);
  afterAll(() => sweep.close());

  describe(`accessibility (axe-core in Chromium), shard ${shard + 1} of ${of}`, () => {
    it.each(shardCases(shard, of))('$name page ($where) as $role', { timeout: 180_000 }, async ({ name, visit, role }) => {
      const page = await sweep.pageFor(role);
      const fixtures = visit.path.includes('{') ? await sweep.fixturesOnce() : undefined;
      const path = visit.path.replace(/\{(\w+)\}/g, (_, key: keyof Fixtures) => fixtures![key]);
      expect(matchRoute(new URL(path, sweep.base).pathname).page, `${path} is not the ${name} page`).toBe(name);
      await page.setViewportSize(WIDTHS[0]!);
      await page.goto(`${sweep.base}${path}`);
      await settle(page);
      // Still where we went (no redirect to sign in), and the page itself rather than an error.
      expect(matchRoute(new URL(page.url()).pathname).page).toBe(name);
      expect(await page.getByTestId('error').count()).toBe(0);
      if (name !== 'not-found') expect(await page.getByTestId('not-found').count()).toBe(0);

      if (visit.after) await visit.after.act(page);

      const found = await sweep.checkAtEveryWidth(page, `${path}${visit.after ? ` (${visit.after.state})` : ''} as ${role}`);
      expect(found.length, report(found)).toBe(0);
    });
  });
}

/** The API docs with one operation of each area open: the largest page, a shard of its own. */
export function defineApiDocsCheck(): void {
  const sweep = new Sweep();
  beforeAll(() => sweep.start('accessibility-api-docs'), 180_000);
  afterAll(() => sweep.close());

  it('API docs page (/api/docs): operations opened, in both languages', { timeout: 300_000 }, async () => {
    for (const role of PUBLIC) {
      const page = await sweep.pageFor(role);
      await page.setViewportSize(WIDTHS[0]!);
      await page.goto(`${sweep.base}/api/docs`);
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
      const found = await sweep.checkAtEveryWidth(page, `/api/docs, one operation of each area open, as ${role}`);
      expect(found.length, report(found)).toBe(0);
    }
  });
}
