import { sql } from 'drizzle-orm';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/connection.js';
import type { RunningServer } from '../../src/server/start.js';
import { type SeededAccount, seedActiveAccount } from '../support/accounts.js';
import { makeInstitution, makeProgram } from '../support/factories.js';
import { seedClosedCall, seedSubmittedApplication } from '../support/review-factories.js';
import { type BrowserHarness, startBrowserHarness } from './harness.js';

// Expert review end to end in Chromium: the officer opens a round and runs the board (pool,
// conflicts with evidence, waiver, assignment, progress, calibration, panel); the expert accepts,
// declares a conflict and writes an autosaved review; the applicant declares a conflict. The call and
// its submitted applications are seeded through the factories, as review-flow.test.ts does.

let harness: BrowserHarness;
let server: RunningServer;
let browser: Browser;
let base: string;
let officer: SeededAccount;
let expert: SeededAccount;
let colleague: SeededAccount;
let applicant: SeededAccount;
let third: SeededAccount;
let call: { id: string; slug: string; title: string };
let tungsten: { id: string };
let basalt: { id: string };
let institutionName: string;
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

beforeAll(async () => {
  harness = await startBrowserHarness('review');
  ({ server, browser, base } = harness);
  const db = server.database.db;
  const stamp = Date.now();
  const programId = String((await makeProgram(db, { slug: `review-program-${stamp}` })).id);
  institutionName = `Review Test University ${stamp}`;
  const cologne = String((await makeInstitution(db, { slug: `rtu-${stamp}`, countryCode: 'DE', name: institutionName })).id);
  officer = await seedActiveAccount(db, [{ role: 'program_officer', scopeId: programId }]);
  applicant = await seedActiveAccount(db, [{ role: 'applicant', scopeId: cologne }]);
  expert = await seedActiveAccount(db, [], { email: `expert-${stamp}@example.edu` });
  colleague = await seedActiveAccount(db, [], { email: `colleague-${stamp}@example.edu` });
  third = await seedActiveAccount(db, [], { email: `third-${stamp}@example.edu` });
  call = await seedClosedCall(db, programId);
  tungsten = await seedSubmittedApplication(db, {
    callId: call.id,
    ownerAccountId: applicant.id,
    title: 'Tungsten isotopes of lunar basalts',
    team: [{ institutionId: cologne, role: 'lead' }],
    people: [{ name: 'Carla Munk', role: 'principal_investigator', institutionId: cologne }],
    leadCountry: 'DE',
  });
  basalt = await seedSubmittedApplication(db, {
    callId: call.id,
    ownerAccountId: applicant.id,
    title: 'Basalt cooling rates',
    team: [{ institutionId: cologne, role: 'lead' }],
    leadCountry: 'DE',
  });
  // A colleague at the applicants' institution: the detection must find them, with the institution as evidence.
  await api(officer, 'POST', `/api/calls/${call.id}/experts`, {
    name: 'Dr Colleague',
    email: colleague.email,
    institutionId: cologne,
    maxLoad: 3,
  });
  await api(officer, 'POST', `/api/calls/${call.id}/experts`, { name: 'Dr Third', email: third.email });
}, 180_000);

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await harness?.close();
});

async function pageFor(person: SeededAccount, next: string, language?: 'zh'): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: 'Europe/Paris' });
  contexts.push(context);
  if (language) await context.addInitScript((lang) => window.localStorage.setItem('orbitshare.language', lang), language);
  // Shorter than the test's own limit, so a failure names the element it waited for.
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  page.on('dialog', (d) => void d.accept());
  await page.goto(`${base}/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByTestId('sign-in-email').fill(person.email);
  await page.getByTestId('sign-in-password').fill(person.password);
  await page.getByTestId('sign-in-submit').click();
  await page.waitForURL((url) => url.pathname === next);
  return page;
}

let officerPage: Page;
let expertPage: Page;
let roundId: string;

describe('expert review in Chromium', () => {
  it('the officer reaches the review from the call, opens a round and invites an expert', async () => {
    officerPage = await pageFor(officer, `/calls/${call.slug}/applications`);
    const p = officerPage;
    await p.getByTestId('review-board-link').click();
    await p.getByTestId('call-review-page').waitFor();
    await p.getByTestId('round-title').fill('Scientific screening');
    const deadline = new Date(Date.now() + 10 * 86_400_000);
    const local = `${deadline.getFullYear()}-${String(deadline.getMonth() + 1).padStart(2, '0')}-${String(deadline.getDate()).padStart(2, '0')}T12:00`;
    await p.getByTestId('round-deadline-input').fill(local);
    await p.getByTestId('round-rpp').fill('1');
    await p.getByTestId('open-round').click();
    await p.getByTestId('round-link').click();
    await p.getByTestId('review-board').waitFor();
    roundId = new URL(p.url()).pathname.split('/').pop()!;
    expect(await p.locator('h1').textContent()).toBe('Scientific screening');

    await p.getByTestId('invite-name').fill('Dr Expert');
    await p.getByTestId('invite-email').fill(expert.email);
    await p.getByTestId('invite-keywords').fill('isotopes, basalt');
    await p.getByTestId('invite-expert').click();
    const row = p.getByTestId('pool-row').filter({ hasText: 'Dr Expert' });
    await row.waitFor();
    expect(await row.getByTestId('pool-status').textContent()).toBe('Invited');
    expect(await row.textContent()).toContain('isotopes, basalt');
    const board = await api<{ experts: { id: string; email: string }[] }>(officer, 'GET', `/api/review-rounds/${roundId}/board`);
    expect(board.experts.some((e) => e.email === expert.email)).toBe(true);
  });

  it('the expert finds Review in the header, accepts, and declares a conflict with a reason', async () => {
    expertPage = await pageFor(expert, '/account');
    const p = expertPage;
    await p.getByTestId('nav-review').click();
    await p.getByTestId('review-workspace').waitFor();
    await p.getByTestId('accept-invitation').click();
    await p.getByTestId('workspace-round').waitFor();
    expect(await p.getByTestId('invitation-status').textContent()).toBe('Accepted');
    expect(await p.getByTestId('round-deadline').textContent()).toMatch(/Asia\/Shanghai.*closes in \d+ d/);
    expect(await p.getByTestId('round-progress').textContent()).toBe('0 of 0 submitted');
    await p.getByTestId('conflict-proposal').selectOption({ label: 'Basalt cooling rates' });
    await p.getByTestId('conflict-reason').fill('I supervised the PI’s thesis.');
    await p.getByTestId('declare-conflict').click();
    await p.getByTestId('my-conflicts').waitFor();
    expect(await p.getByTestId('my-conflicts').textContent()).toContain(
      'Basalt cooling rates — Declared by expert: I supervised',
    );
  });

  it('the expert edits their profile and imports publications, with each bad line listed', async () => {
    const p = expertPage;
    await p.getByTestId('profile-link').click();
    await p.getByTestId('expert-profile-page').waitFor();
    await p.getByTestId('profile-keywords').fill('isotopes, basalt, tungsten');
    await p.getByTestId('profile-statement').fill('Radiogenic isotope geochemistry of planetary basalts.');
    await p.getByTestId('profile-max-load').fill('4');
    await p.getByTestId('save-profile').click();
    await p.getByTestId('profile-status').filter({ hasText: 'Profile saved.' }).waitFor();
    const csv = 'title,year,doi,coauthors\nHf-W chronology of the Moon,2022,10.1000/xyz,Munk C.; Doe J.\nUndated note,1066,,\n';
    await p
      .getByTestId('publications-file')
      .setInputFiles({ name: 'papers.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await p.getByTestId('import-status').filter({ hasText: '1 publications imported, 1 issues' }).waitFor();
    expect(await p.getByTestId('import-issues').textContent()).toContain('line 3');
    expect(await p.getByTestId('publications-table').textContent()).toContain('Hf-W chronology of the Moon');
    await p.reload();
    await p.getByTestId('publications-table').waitFor();
    expect(await p.getByTestId('profile-keywords').inputValue()).toBe('isotopes, basalt, tungsten');
  });

  it('the officer runs detection, sees the evidence, and waives a conflict with a written justification', async () => {
    await api(colleague, 'POST', `/api/experts/${await colleagueId()}/answer`, { answer: 'accepted' });
    const p = officerPage;
    await p.reload();
    await p.getByTestId('detect-conflicts').click();
    await p.getByTestId('detect-status').filter({ hasText: 'conflicts found' }).waitFor();
    const colleagueRows = p.getByTestId('conflict-row').filter({ hasText: 'Dr Colleague' });
    await colleagueRows.first().waitFor();
    expect(await colleagueRows.first().getByTestId('conflict-evidence').textContent()).toContain(institutionName);
    const declared = p.getByTestId('conflict-row').filter({ hasText: 'I supervised' });
    expect(await declared.textContent()).toContain('Declared by expert');

    const tungstenRow = colleagueRows.filter({ hasText: 'Tungsten' });
    await tungstenRow.getByTestId('waive').click();
    await tungstenRow.getByTestId('waive-justification').fill('Different department, no joint work in ten years.');
    await tungstenRow.getByTestId('confirm-waive').click();
    await p.getByTestId('conflict-row').filter({ hasText: 'Tungsten' }).and(p.locator('[data-waived="yes"]')).waitFor();
    expect(
      await p.getByTestId('conflict-row').filter({ hasText: 'Tungsten' }).getByTestId('conflict-waived').textContent(),
    ).toContain('Different department');
  });

  it('the officer assigns by hand, sees why the solver finds no solution, then previews, dry-runs and applies its proposal', async () => {
    const p = officerPage;
    await p.getByTestId('assign-expert').selectOption({ label: 'Dr Expert (0/4)' });
    await p.getByTestId('assign-proposal').selectOption({ label: 'Tungsten isotopes of lunar basalts' });
    await p.getByTestId('assign-add').click();
    await p.getByTestId('assignment-row').filter({ hasText: 'Dr Expert' }).waitFor();
    // The declared conflict forbids the other pair: the refusal is shown, nothing is added.
    await p.getByTestId('assign-proposal').selectOption({ label: 'Basalt cooling rates' });
    await p.getByTestId('assign-add').click();
    await p
      .getByTestId('assign-status')
      .filter({ hasText: /conflict/i })
      .waitFor();
    expect(await p.getByTestId('assignment-row').count()).toBe(1);

    // Basalt still needs a review and every accepted expert conflicts with it: the solver says why.
    await p.getByTestId('propose').click();
    await p.locator('[data-testid="proposal-result"][data-status="infeasible"]').waitFor();
    expect(await p.getByTestId('infeasibility-reasons').textContent()).toContain('Basalt cooling rates');
    // A late expert accepts; the proposal keeps the existing pair and adds one, applied after a dry run.
    await api(third, 'POST', `/api/experts/${await expertIdOf(third)}/answer`, { answer: 'accepted' });
    await p.getByTestId('propose').click();
    await p.locator('[data-testid="proposal-result"][data-status="optimal"]').waitFor();
    expect(await p.getByTestId('proposed-pairs').textContent()).toContain('Dr Third');
    await p.getByRole('button', { name: 'Dry run' }).click();
    await p.getByTestId('proposal-status').filter({ hasText: 'Dry run: would add 1' }).waitFor();
    await p.getByTestId('apply-proposal').click();
    await p.getByTestId('assignment-row').filter({ hasText: 'Dr Third' }).waitFor();
    expect(await p.getByTestId('assignment-row').filter({ hasText: 'Dr Expert' }).count()).toBe(1);
  });

  it('the expert opens the assignment, the draft autosaves and survives a reload, and submit lists each gap then succeeds', async () => {
    const p = expertPage;
    await p.goto(`${base}/review`);
    await p.getByTestId('assignment-link').click();
    await p.getByTestId('review-form-page').waitFor();
    expect(await p.getByTestId('review-proposal-title').textContent()).toBe('Tungsten isotopes of lunar basalts');
    expect(await p.getByTestId('review-team').textContent()).toContain('Carla Munk');
    expect(await p.getByTestId('criterion-science').textContent()).toContain('weight 60%, scale 1–5');
    await p.getByTestId('score-science').selectOption('4');
    await p.getByTestId('comment-science').fill('A sound isotope system.');
    await p.waitForFunction(() => /^Saved \d/.test(document.querySelector('[data-testid="save-status"]')?.textContent ?? ''));
    await p.reload();
    await p.getByTestId('review-form').waitFor();
    expect(await p.getByTestId('score-science').inputValue()).toBe('4');
    expect(await p.getByTestId('comment-science').inputValue()).toBe('A sound isotope system.');

    await p.getByTestId('submit-review').click();
    await p.getByTestId('form-error').waitFor();
    // Every missing answer is named beside its own field.
    for (const field of ['score-feasibility', 'confidence', 'recommendation']) {
      expect(await p.getByTestId(field).getAttribute('aria-invalid'), field).toBe('true');
    }
    await p.getByTestId('score-feasibility').selectOption('5');
    await p.getByTestId('confidence').selectOption('high');
    await p.getByTestId('recommendation').selectOption('select');
    await p.getByTestId('submit-review').click();
    await p.getByTestId('review-submitted').waitFor();
    expect(await p.getByTestId('review-form-page').getAttribute('data-status')).toBe('submitted');
    expect(await p.getByTestId('submit-review').count()).toBe(0);
  });

  it('the officer sees progress, calibration and records the panel’s consensus, then freezes it', async () => {
    const p = officerPage;
    await p.reload();
    await p.getByTestId('progress-section').waitFor();
    expect(await p.getByTestId('progress-summary').textContent()).toContain('1 of 2 reviews submitted');
    expect(await p.getByTestId('progress-proposals').textContent()).toContain('1 / 1');
    await p.getByTestId('ranking-row').first().waitFor();
    const first = p.getByTestId('ranking-row').first();
    expect(await first.textContent()).toContain('Tungsten');
    // Raw mean and calibrated score side by side (never one for the other), with the reviewer's bias.
    expect(await p.getByTestId('ranking-table').locator('th').allTextContents()).toEqual(
      expect.arrayContaining(['Raw mean', 'Calibrated', 'Interval']),
    );
    expect(await p.getByTestId('bias-table').textContent()).toContain('Dr Expert');
    for (const title of ['Tungsten isotopes of lunar basalts', 'Basalt cooling rates']) {
      const entry = p.getByTestId('panel-entry').filter({ hasText: title });
      await entry.getByTestId('panel-consensus').selectOption(title.startsWith('Tungsten') ? 'select' : 'reject');
      await entry.getByTestId('panel-reasons').fill('The panel agreed on the reviews.');
      await entry.getByTestId('panel-save').click();
      await entry.getByTestId('panel-entry-status').filter({ hasText: 'Saved.' }).waitFor();
    }
    await p.getByTestId('freeze-panel').click();
    await p.getByTestId('panel-frozen').waitFor();
    expect(await p.getByTestId('panel-hash').textContent()).toMatch(/^[0-9a-f]{64}$/);
    expect(await p.getByTestId('panel-save').count()).toBe(0);
    await p.reload();
    await p.getByTestId('panel-frozen').waitFor();
    expect(await p.getByTestId('panel-consensus').first().isDisabled()).toBe(true);
  });

  it('the applicant sees the conflicts section on a submitted application and declares a conflict', async () => {
    const p = await pageFor(applicant, `/applications/${tungsten.id}`);
    const section = p.getByTestId('applicant-conflicts');
    await section.waitFor();
    await section.getByTestId('pool-names').filter({ hasText: 'Dr Third' }).waitFor();
    await section.getByTestId('applicant-conflict-expert').selectOption({ label: 'Dr Third' });
    await section.getByTestId('applicant-conflict-reason').fill('Former co-supervisor of our PI.');
    await section.getByTestId('applicant-declare').click();
    await section.getByTestId('declared-conflicts').filter({ hasText: 'Former co-supervisor' }).waitFor();
    // Not pinned: the applicant may withdraw it.
    await section.getByRole('button', { name: 'Withdraw' }).click();
    await section.getByTestId('applicant-conflict-status').filter({ hasText: 'Declaration withdrawn.' }).waitFor();
    // The list reloads after the status line shows: wait for it to empty.
    await expect.poll(() => section.getByTestId('declared-conflicts').count()).toBe(0);
    expect(basalt.id).toBeTruthy();
  });

  it('locks the review form once the round’s deadline has passed (and says so in Chinese to a Chinese reader)', async () => {
    await server.database.db.execute(
      sql`update review_rounds set deadline_at = now() - interval '1 minute' where id = ${roundId}`,
    );
    const workspace = await api<{ pools: { rounds: { assignments: { id: string }[] }[] }[] }>(
      third,
      'GET',
      '/api/review/workspace',
    );
    const assignmentId = workspace.pools[0]!.rounds[0]!.assignments[0]!.id;
    const p = await pageFor(third, `/review/assignments/${assignmentId}`, 'zh');
    await p.getByTestId('review-locked').waitFor();
    expect(await p.getByTestId('review-locked').textContent()).toBe('截止时间已过，评审已锁定。');
    expect(await p.getByTestId('criterion-science').textContent()).toContain('（权重 60%，分值 1–5）');
    expect(await p.getByTestId('submit-review').count()).toBe(0);
    expect(await p.getByTestId('score-science').isDisabled()).toBe(true);
  });
});

async function expertIdOf(person: SeededAccount) {
  const rows = await queryRows<{ id: string }>(
    server.database.db,
    sql`select id from experts where lower(email) = lower(${person.email})`,
  );
  return rows[0]!.id;
}

async function colleagueId() {
  const rows = await queryRows<{ id: string }>(
    server.database.db,
    sql`select id from experts where lower(email) = lower(${colleague.email})`,
  );
  return rows[0]!.id;
}
