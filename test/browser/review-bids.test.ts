import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/start.js';
import { type SeededAccount, seedActiveAccount } from '../support/accounts.js';
import { makeInstitution, makeProgram } from '../support/factories.js';
import { seedClosedCall, seedSubmittedApplication } from '../support/review-factories.js';
import { type BrowserHarness, startBrowserHarness } from './harness.js';

// Bidding in Chromium: two experts bid on the proposals of a round that collects bids (one in the
// browser, one through the API); the officer's solver proposal follows the bids and shows them beside
// each pair; the officer then opens an expert's page from the board, with the reminders sent and
// the late reviews once the deadline has passed.

let harness: BrowserHarness;
let server: RunningServer;
let browser: Browser;
let base: string;
let officer: SeededAccount;
let ada: SeededAccount;
let ben: SeededAccount;
let call: { id: string };
let dust: { id: string };
let ions: { id: string };
let roundId: string;
const expertIds: Record<string, string> = {};
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

async function pageFor(person: SeededAccount, next: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: 'Europe/Paris' });
  contexts.push(context);
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  await page.goto(`${base}/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByTestId('sign-in-email').fill(person.email);
  await page.getByTestId('sign-in-password').fill(person.password);
  await page.getByTestId('sign-in-submit').click();
  await page.waitForURL((url) => url.pathname === next);
  return page;
}

beforeAll(async () => {
  harness = await startBrowserHarness('review-bids');
  ({ server, browser, base } = harness);
  const db = server.database.db;
  const stamp = Date.now();
  const programId = String((await makeProgram(db, { slug: `bids-program-${stamp}` })).id);
  const lab = String((await makeInstitution(db, { slug: `bids-lab-${stamp}`, countryCode: 'FR', name: `Bids Lab ${stamp}` })).id);
  officer = await seedActiveAccount(db, [{ role: 'program_officer', scopeId: programId }]);
  const applicant = await seedActiveAccount(db, [{ role: 'applicant', scopeId: lab }]);
  ada = await seedActiveAccount(db, [], { email: `ada-${stamp}@example.edu` });
  ben = await seedActiveAccount(db, [], { email: `ben-${stamp}@example.edu` });
  call = await seedClosedCall(db, programId);
  // Two proposals no expert's keywords favour: only the bids tell the solver who should review which.
  dust = await seedSubmittedApplication(db, {
    callId: call.id,
    ownerAccountId: applicant.id,
    title: 'Dust levitation at the terminator',
    team: [{ institutionId: lab, role: 'lead' }],
    leadCountry: 'FR',
  });
  ions = await seedSubmittedApplication(db, {
    callId: call.id,
    ownerAccountId: applicant.id,
    title: 'Pickup ions above the regolith',
    team: [{ institutionId: lab, role: 'lead' }],
    leadCountry: 'FR',
  });
  const round = await api<{ id: string }>(officer, 'POST', `/api/calls/${call.id}/review-rounds`, {
    stage: 'full_proposal',
    title: 'Screening with bids',
    deadlineAt: new Date(Date.now() + 10 * 86_400_000).toISOString(),
    reviewsPerProposal: 1,
    collectsBids: true,
  });
  roundId = round.id;
  for (const [key, who] of [
    ['ada', ada],
    ['ben', ben],
  ] as const) {
    const expert = await api<{ id: string }>(officer, 'POST', `/api/calls/${call.id}/experts`, {
      name: key === 'ada' ? 'Dr Ada' : 'Dr Ben',
      email: who.email,
      maxLoad: 1,
    });
    expertIds[key] = expert.id;
    await api(who, 'POST', `/api/experts/${expert.id}/answer`, { answer: 'accepted' });
  }
}, 180_000);

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await harness?.close();
});

describe('bids in Chromium', () => {
  it('the expert bids on each proposal in the workspace, and the bids are still there after a reload', async () => {
    const p = await pageFor(ada, '/review');
    await p.getByTestId('bids').waitFor();
    await p.getByLabel('Bid for Pickup ions above the regolith').selectOption('eager');
    await p.getByTestId('bid-status').filter({ hasText: 'Bid saved.' }).waitFor();
    await p.getByLabel('Bid for Dust levitation at the terminator').selectOption('not_willing');
    await expect
      .poll(async () => (await api<{ bids: unknown[] }>(officer, 'GET', `/api/review-rounds/${roundId}/board`)).bids.length)
      .toBe(2);
    await p.reload();
    await p.getByTestId('bids').waitFor();
    expect(await p.getByLabel('Bid for Pickup ions above the regolith').inputValue()).toBe('eager');
    expect(await p.getByLabel('Bid for Dust levitation at the terminator').inputValue()).toBe('not_willing');
  });

  it('the officer’s solver proposal follows the bids, shows them beside each pair, and is applied', async () => {
    // The other expert bids the other way round, through the API.
    await api(ben, 'POST', `/api/review-rounds/${roundId}/bids`, { applicationId: dust.id, bid: 'eager' });
    await api(ben, 'POST', `/api/review-rounds/${roundId}/bids`, { applicationId: ions.id, bid: 'not_willing' });
    const p = await pageFor(officer, `/staff/review-rounds/${roundId}`);
    await p.getByTestId('propose').click();
    await p.locator('[data-testid="proposal-result"][data-status="optimal"]').waitFor();
    const rows = p.getByTestId('proposed-pairs').locator('tbody tr');
    expect(await rows.count()).toBe(2);
    const pair = (expert: string) => rows.filter({ hasText: expert });
    expect(await pair('Dr Ada').textContent()).toContain('Pickup ions above the regolith');
    expect(await pair('Dr Ada').getByTestId('proposed-bid').textContent()).toBe('Eager');
    expect(await pair('Dr Ben').textContent()).toContain('Dust levitation at the terminator');
    expect(await pair('Dr Ben').getByTestId('proposed-bid').textContent()).toBe('Eager');
    await p.getByTestId('apply-proposal').click();
    await p.getByTestId('assignment-row').filter({ hasText: 'Dr Ada' }).filter({ hasText: 'Pickup ions' }).waitFor();
    expect(await p.getByTestId('assignment-row').filter({ hasText: 'Dr Ben' }).textContent()).toContain('Dust levitation');
  });

  it('the officer opens an expert’s page from the board: profile, assignments, reminders, late reviews', async () => {
    const db = server.database.db;
    const { sql } = await import('drizzle-orm');
    // The reminder duty ran 72 h before a deadline that has since passed, with Dr Ada's review unwritten.
    await db.execute(sql`insert into review_reminders (round_id, expert_id, threshold_hours, sent_at)
                         values (${roundId}, ${expertIds.ada}, 72, now() - interval '4 days')`);
    await db.execute(sql`update review_rounds set deadline_at = now() - interval '1 hour' where id = ${roundId}`);
    const p = await pageFor(officer, `/staff/review-rounds/${roundId}`);
    const late = p.getByTestId('late-reviews');
    await late.waitFor();
    expect(await late.textContent()).toContain('Dr Ada');
    expect(await late.textContent()).toContain('Pickup ions above the regolith');
    const adaRow = p.getByTestId('progress-expert-row').filter({ hasText: 'Dr Ada' });
    expect(await adaRow.getByTestId('reminders-list').textContent()).toContain('72 h before the deadline');
    await p.getByTestId('pool-expert-link').filter({ hasText: 'Dr Ada' }).click();
    await p.getByTestId('board-expert-page').waitFor();
    expect(new URL(p.url()).pathname).toBe(`/staff/review-rounds/${roundId}/experts/${expertIds.ada}`);
    expect(await p.locator('h1').textContent()).toBe('Dr Ada');
    expect(await p.getByTestId('board-expert-profile').textContent()).toContain(ada.email);
    expect(await p.getByTestId('board-expert-assignments').textContent()).toContain('Late');
    expect(await p.getByTestId('reminders-list').textContent()).toContain('72 h before the deadline');
    await p.getByTestId('publications-panel').waitFor();
  });
});
