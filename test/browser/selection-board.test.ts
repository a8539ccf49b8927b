import { AxeBuilder } from '@axe-core/playwright';
import { and, eq } from 'drizzle-orm';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, calls, selectionDecisions } from '../../src/db/schema.js';
import type { RunningServer } from '../../src/server/start.js';
import { type SeededAccount, seedActiveAccount } from '../support/accounts.js';
import { makeProgram } from '../support/factories.js';
import { type SeededSelectionCall, seedSelectionCall } from '../support/selection-factories.js';
import { type BrowserHarness, startBrowserHarness } from './harness.js';

// The official's decision board in Chromium: reached from My calls, it shows the optimiser's
// proven set beside the merit ranking with a reason per proposal and the budgets; the what-if moves
// a budget; an override is re-checked live with the merit it loses; the decision is frozen.
// The call (a 100 g orbiter pool, 800 mg of regolith less the reserve) has a hand-checked optimum:
//   A: merit 90, 60 g, 500 mg   B: merit 80, 50 g, 400 mg   C: merit 70, 40 g, 300 mg   D: merit 30, 10 g, 100 mg
// Greedy by merit takes A and C (160); the optimum is B, C, D (180); A does not fit beside them.

const SEEDS = [
  { key: 'A', title: 'Noble gases in Chang’e-5 glass beads', country: 'FR', massG: 60, massMg: 500, merit: 90 },
  { key: 'B', title: 'Basalt cooling rates', country: 'DE', massG: 50, massMg: 400, merit: 80 },
  { key: 'C', title: 'Space weathering of regolith', country: 'IT', massG: 40, massMg: 300, merit: 70 },
  { key: 'D', title: 'Water in apatite', country: 'JP', massG: 10, massMg: 100, merit: 30 },
];
const FAILING_IMPACTS = new Set(['serious', 'critical']);

let harness: BrowserHarness;
let server: RunningServer;
let browser: Browser;
let base: string;
let official: SeededAccount;
let officer: SeededAccount;
let call: SeededSelectionCall;
/** A second call, run without review: its merits, rules and merged projects are set on the board. */
let unscored: SeededSelectionCall;
let page: Page;
const contexts: BrowserContext[] = [];

async function api<T>(who: SeededAccount, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { ...who.headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} → ${response.status}: ${text}`);
  return JSON.parse(text) as T;
}

async function seriousViolations(p: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page: p })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .setLegacyMode(true)
    .analyze();
  return results.violations
    .filter((v) => FAILING_IMPACTS.has(v.impact ?? ''))
    .map((v) => `[${v.impact}] ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

const row2 = (key: string) => page.locator(`[data-testid="ranking-row"][data-id="${unscored.ids[key]}"]`);
const row = (key: string) => page.locator(`[data-testid="ranking-row"][data-id="${call.ids[key]}"]`);

beforeAll(async () => {
  harness = await startBrowserHarness('selection');
  ({ server, browser, base } = harness);
  const db = server.database.db;
  const programId = String((await makeProgram(db, { slug: `selection-program-${Date.now()}` })).id);
  official = await seedActiveAccount(db, [{ role: 'selection_official', scopeId: programId }]);
  officer = await seedActiveAccount(db, [{ role: 'program_officer', scopeId: programId }]);
  const applicant = await seedActiveAccount(db, []);
  call = await seedSelectionCall(db, { programId, applicantAccountId: applicant.id, proposals: SEEDS });
  // The call ran without the review panel: the official enters the merits.
  await api(official, 'POST', `/api/calls/${call.callId}/selection/merits`, {
    merits: SEEDS.map((p) => ({ applicationId: call.ids[p.key], merit: p.merit })),
  });
  unscored = await seedSelectionCall(db, { programId, applicantAccountId: applicant.id, proposals: SEEDS });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: 'Europe/Paris' });
  contexts.push(context);
  context.setDefaultTimeout(20_000);
  page = await context.newPage();
  await page.goto(`${base}/sign-in?next=${encodeURIComponent('/staff/calls')}`);
  await page.getByTestId('sign-in-email').fill(official.email);
  await page.getByTestId('sign-in-password').fill(official.password);
  await page.getByTestId('sign-in-submit').click();
  await page.waitForURL((url) => url.pathname === '/staff/calls');
}, 180_000);

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await harness?.close();
});

describe('the selection decision board in Chromium', () => {
  it('the official opens the board from My calls and sees the proven set, the budgets and a reason for every decision', async () => {
    await page.getByTestId('my-call').filter({ hasText: call.title }).getByTestId('my-call-selection').click();
    await page.getByTestId('selection-board').waitFor();
    await page.getByTestId('analysis-pending').waitFor({ state: 'detached', timeout: 90_000 });
    expect(new URL(page.url()).pathname).toBe(`/staff/calls/${call.callId}/selection`);
    expect(await page.getByTestId('selection-status').textContent()).toBe('Proven optimal');
    expect(await page.getByTestId('selection-objective').textContent()).toBe('180');
    expect(await page.getByTestId('selection-bound').textContent()).toBe('180');
    expect(await page.getByTestId('selection-gap').textContent()).toBe('0%');

    // Ranked by merit, beside the optimiser's verdict.
    expect(await page.getByTestId('ranking-title').allTextContents()).toEqual(SEEDS.map((s) => s.title));
    expect(await page.getByTestId('optimiser-verdict').allTextContents()).toEqual([
      'Rejected',
      'Selected',
      'Selected',
      'Selected',
    ]);
    const reasonA = await row('A').getByTestId('optimiser-reason').textContent();
    expect(reasonA).toContain('Rejected for resources');
    expect(reasonA).toContain('Orbiter mass');
    expect(reasonA).toContain('Smallest change that admits it');
    expect(reasonA).toMatch(/displace .*(Basalt cooling rates|Space weathering of regolith)/);
    const reasonD = await row('D').getByTestId('optimiser-reason').textContent();
    expect(reasonD).toContain('Selected on merit');

    const budgets = await page.getByTestId('budget-text').allTextContents();
    expect(budgets).toEqual(['100 g used of 100 g (100%)', '800 mg used of 800 mg (100%)']);
    expect(await seriousViolations(page)).toEqual([]);
    // And on a phone.
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await seriousViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('the program officer reaches the board from the applications page and reads it without deciding', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    contexts.push(context);
    context.setDefaultTimeout(20_000);
    const p = await context.newPage();
    await p.goto(`${base}/sign-in?next=${encodeURIComponent(`/calls/${call.slug}/applications`)}`);
    await p.getByTestId('sign-in-email').fill(officer.email);
    await p.getByTestId('sign-in-password').fill(officer.password);
    await p.getByTestId('sign-in-submit').click();
    await p.getByTestId('selection-board-link').click();
    await p.getByTestId('selection-board').waitFor();
    expect(await p.getByTestId('selection-objective').textContent()).toBe('180');
    await p.getByTestId('read-only').waitFor();
    expect(await p.getByTestId('freeze').count()).toBe(0);
    expect(await p.getByTestId('rules-panel').count()).toBe(0);
  });

  it('moves a budget in the what-if and reads the best set at +20 % in words, chart and table', async () => {
    const sweep = await api<{
      sweep: { budget: string; percent: number; objective: number | null }[];
      budgets: { id: string; label: string }[];
    }>(official, 'GET', `/api/calls/${call.callId}/selection/proposal`);
    const orbiter = sweep.budgets.find((b) => b.label === 'Orbiter mass')!;
    const plus20 = sweep.sweep.find((s) => s.budget === orbiter.id && s.percent === 20)!;
    await page.getByTestId('what-if-budget').selectOption({ label: 'Orbiter mass' });
    await page.getByTestId('what-if-step').fill('20');
    const summary = page.getByTestId('what-if-summary');
    await expect.poll(() => summary.textContent()).toContain('+20 %');
    expect(await summary.textContent()).toContain(`merit ${plus20.objective}`);
    expect(await summary.textContent()).toContain('120 g');
    expect(await page.getByTestId('what-if-chart').getAttribute('role')).toBe('img');
    expect(await page.getByTestId('what-if-table').locator('tbody tr').count()).toBe(9);
  });

  it('overrides a decision: every rule is re-checked at once and the merit lost is shown', async () => {
    await row('A').getByTestId('decision-outcome').selectOption('selected');
    await page.getByTestId('broken-rules').waitFor();
    expect(await page.getByTestId('broken-rules').textContent()).toContain('within Orbiter mass');
    expect(await page.getByTestId('freeze').isDisabled()).toBe(true);
    await row('A').getByTestId('decision-outcome').selectOption('rejected');
    await page.getByTestId('rules-hold').waitFor();

    // The override: D is rejected although the optimiser selects it; 30 merit is lost.
    await row('D').getByTestId('decision-outcome').selectOption('rejected');
    expect(await row('D').getAttribute('data-overridden')).toBe('true');
    await expect.poll(() => page.getByTestId('merit-lost').textContent()).toContain('merit 150 against 180');
    expect(await page.getByTestId('merit-lost').textContent()).toContain('merit lost by your changes: 30');
    const bars = await page.getByTestId('budget-text').allTextContents();
    expect(bars[0]).toBe('90 g used of 100 g (90%)');
  });

  it('decides selected, conditionally selected and rejected with reasons, freezes it, and the call is decided', async () => {
    await row('C').getByTestId('decision-outcome').selectOption('conditional');
    const item = (key: string) => page.locator(`[data-testid="decision-item"][data-id="${call.ids[key]}"]`);
    await item('C').getByTestId('decision-conditions').fill('A contamination-control plan by March.');
    await item('D')
      .getByTestId('decision-reason')
      .fill('Rejected by the official: the apatite study duplicates an earlier loan.');
    await page.getByTestId('freeze').click();
    await page.getByTestId('freeze-confirm-button').click();
    await page.getByTestId('decided-view').waitFor();
    const outcomes = await page.getByTestId('decided-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-outcome')));
    expect(outcomes).toEqual(['rejected', 'selected', 'conditional', 'rejected']);
    expect(await page.getByTestId('decided-summary').textContent()).toContain('merit 150 (the optimiser’s set: 180)');
    expect(await page.getByTestId('decided-table').textContent()).toContain('A contamination-control plan by March.');

    const db = server.database.db;
    const [row0] = await db.select({ status: calls.status }).from(calls).where(eq(calls.id, call.callId));
    expect(row0!.status).toBe('decided');
    const frozen = await db.select().from(selectionDecisions).where(eq(selectionDecisions.callId, call.callId));
    expect(frozen).toHaveLength(4);
    expect(frozen.find((d) => d.applicationId === call.ids.A)!.reason).toContain('Rejected for resources');
    const [audit] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'selection.decided'), eq(auditLog.subjectId, call.callId)));
    expect(audit!.details).toMatchObject({ merit: 150, optimum: 180, meritLost: 30 });
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('enters merits for a call run without review, sets a must-reject and merges two proposals; the optimiser re-solves each time', async () => {
    await page.goto(`${base}/staff/calls/${unscored.callId}/selection`);
    await page.getByTestId('selection-unscored').waitFor();
    const merits = page.getByTestId('merits-panel');
    for (const s of SEEDS) await merits.locator('label', { hasText: s.title }).getByTestId('merit-input').fill(String(s.merit));
    await page.getByTestId('save-merits').click();
    await expect.poll(() => page.getByTestId('selection-objective').textContent()).toBe('180');

    // The official must reject D, with a reason: A and C now fill both budgets exactly (160).
    await page.getByTestId('rules-panel').locator('summary').click();
    await page.getByTestId('rules-must-reject-id').selectOption({ label: 'Water in apatite' });
    await page.getByTestId('rules-must-reject-reason').fill('Export licence refused.');
    await page.getByTestId('rules-must-reject-add').click();
    await page.getByTestId('save-rules').click();
    await expect.poll(() => page.getByTestId('selection-objective').textContent()).toBe('160');
    await page.getByTestId('analysis-pending').waitFor({ state: 'detached', timeout: 90_000 });
    expect(await row2('D').getByTestId('optimiser-reason').textContent()).toBe(
      'The official’s decision: Export licence refused.',
    );

    // B and C merged into one project: selected together (90 g, 700 mg, merit 150), A no longer fits.
    await page.getByTestId('merge-panel').locator('summary').click();
    await page.getByTestId('merge-name').fill('Cooling and weathering');
    for (const title of ['Basalt cooling rates', 'Space weathering of regolith'])
      await page.getByTestId('merge-panel').locator('label', { hasText: title }).locator('input').check();
    await page.getByTestId('merge-add').click();
    await expect.poll(() => page.getByTestId('selection-objective').textContent()).toBe('150');
    expect(await page.getByTestId('merged-chip').count()).toBe(2);
    await page.getByTestId('analysis-pending').waitFor({ state: 'detached', timeout: 90_000 });
    expect(await page.getByTestId('optimiser-verdict').allTextContents()).toEqual([
      'Rejected',
      'Selected',
      'Selected',
      'Rejected',
    ]);
    // Rejecting one member of the project rejects both: a merged project moves as a whole.
    await row2('B').getByTestId('decision-outcome').selectOption('rejected');
    expect(await row2('C').getByTestId('decision-outcome').inputValue()).toBe('rejected');
    expect(await seriousViolations(page)).toEqual([]);
  });
});
