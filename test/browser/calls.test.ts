import { and, isNotNull, sql } from 'drizzle-orm';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostModules, institutions, programs, sampleCollections } from '../../src/db/schema.js';
import type { RunningServer } from '../../src/server/start.js';
import { type SeededAccount, seedActiveAccount } from '../support/accounts.js';
import { type BrowserHarness, startBrowserHarness } from './harness.js';

// Calls and applications end to end: the built UI on the real server over a fresh embedded database.
// An administrator publishes a call through the API; an applicant, in a real Chromium, drafts an
// application (autosaved, surviving a reload), sees the accommodation check, and submits it.

/** A small, well-formed PDF (the server checks the content, not the name). */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

let harness: BrowserHarness;
let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let base: string;
let admin: SeededAccount;
let applicant: SeededAccount;
let institution: { id: string; name: string };
let call: { id: string; slug: string; title: string };
let moduleName: string;

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
  harness = await startBrowserHarness('calls');
  ({ server, browser, base } = harness);
  const db = server.database.db;
  const [inst] = await db
    .select({ id: institutions.id, name: institutions.name })
    .from(institutions)
    .where(isNotNull(institutions.countryCode))
    .orderBy(institutions.name)
    .limit(1);
  institution = inst!;
  admin = await seedActiveAccount(db, [{ role: 'administrator' }]);
  applicant = await seedActiveAccount(db, [{ role: 'applicant', scopeId: institution.id }]);

  // A published one-stage call offering a host module (≤ 10 kg per item) and a sample type.
  const [program] = await db.select({ id: programs.id }).from(programs).limit(1);
  const [module] = await db.select({ id: hostModules.id, name: hostModules.name }).from(hostModules).limit(1);
  const [collection] = await db
    .select({ id: sampleCollections.id, types: sampleCollections.sampleTypes })
    .from(sampleCollections)
    .where(and(sql`cardinality(${sampleCollections.sampleTypes}) > 0`))
    .limit(1);
  moduleName = module!.name;
  const now = Date.now();
  const created = await api<{ id: string; slug: string; title: string }>(admin, 'POST', '/api/calls', {
    slug: `browser-test-call-${now}`,
    programId: program!.id,
    title: 'Browser test call for partner payloads and samples',
    summary: 'A call made by the browser test: payload rides and a sample loan.',
    timeZone: 'Asia/Shanghai',
    opensAt: new Date(now - 86_400_000).toISOString(),
    closesAt: new Date(now + 30 * 86_400_000).toISOString(),
    eligibility: { maxEntities: 5 },
    requiredDocuments: [{ key: 'technical_annex', name: 'Technical annex', required: false }],
    criteria: [
      { key: 'science', name: 'Scientific merit', weight: 60 },
      { key: 'feasibility', name: 'Technical feasibility', weight: 40 },
    ],
    moduleOffers: [
      {
        hostModuleId: module!.id,
        poolMassG: 200_000,
        poolPowerMw: 400_000,
        itemMaxMassG: 10_000,
        itemMaxAvgPowerMw: 50_000,
        itemMaxPeakPowerMw: 80_000,
        itemMaxLengthMm: 300,
        itemMaxWidthMm: 150,
        itemMaxHeightMm: 150,
        itemMinTempC: -180,
        itemMaxTempC: 80,
        mounting: 'either',
      },
    ],
    sampleOffers: [
      {
        sampleCollectionId: collection!.id,
        sampleType: collection!.types[0],
        availableMg: 5_000,
        reserveMg: 1_000,
        maxPerRequestMg: 500,
      },
    ],
  });
  await api(admin, 'POST', `/api/calls/${created.id}/publish`);
  call = created;

  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: 'Europe/Paris' });
  page = await context.newPage();
}, 180_000);

afterAll(async () => {
  await harness?.close();
});

const byTestId = (id: string) => page.getByTestId(id);
const field = (path: string) => page.getByTestId(`f-${path}`);

async function signIn(person: { email: string; password: string }, next: string) {
  await page.goto(`${base}/sign-in?next=${encodeURIComponent(next)}`);
  await byTestId('sign-in-email').fill(person.email);
  await byTestId('sign-in-password').fill(person.password);
  await byTestId('sign-in-submit').click();
  await page.waitForURL((url) => url.pathname === next);
}

/** Waits until the status line says "Saved hh:mm:ss" (a save after the last change, not the opening state). */
async function waitSaved() {
  await page.waitForFunction(() => {
    const el = document.querySelector('[data-testid="save-status"]');
    return el?.getAttribute('data-state') === 'saved' && /^Saved \d/.test(el.textContent ?? '');
  });
}

let applicationUrl: string;

describe('calls and applications in Chromium', () => {
  it('lists the open call with a countdown and shows its rules, resources and deadline in two zones', async () => {
    await signIn(applicant, '/calls');
    const card = byTestId('call-card').filter({ hasText: call.title });
    await card.waitFor();
    expect(await card.getByTestId('call-countdown').textContent()).toMatch(/closes in \d+ d/);
    expect(await byTestId('nav-applications').isVisible()).toBe(true);
    await card.getByTestId('call-link').click();
    await byTestId('call-page').waitFor();
    expect(await byTestId('call-title').textContent()).toBe(call.title);
    expect(await byTestId('call-deadline-call-zone').textContent()).toContain('Asia/Shanghai');
    expect(await byTestId('call-deadline-viewer-zone').textContent()).toContain('Europe/Paris');
    expect(await byTestId('call-deadline-countdown').textContent()).toMatch(/closes in/);
    expect(await byTestId('call-eligibility').textContent()).toContain('At most 5 institutions');
    expect(await byTestId('module-offer').first().textContent()).toContain('≤ 10 kg');
    // 5,000 mg offered less 1,000 mg reserve: 4 g can be lent.
    expect(await byTestId('sample-offer').first().textContent()).toContain('4 g');
    expect(await byTestId('call-criteria').textContent()).toContain('60%');
    // An applicant is not an officer of the call's program: no link to the applications received.
    expect(await byTestId('officer-link').count()).toBe(0);
    await page.screenshot({ path: '/tmp/orbitshare-call-page.png', fullPage: true });
  });

  it('starts an application, autosaves it, and finds the draft intact after a reload', async () => {
    await byTestId('start-application').click();
    await byTestId('application-editor').waitFor();
    applicationUrl = page.url();
    expect(new URL(applicationUrl).pathname).toMatch(/^\/applications\/[0-9a-f-]{36}$/);
    await field('title').fill('Lunar dust electric field monitor');
    await field('abstract').fill('We measure the charging of lunar dust near the lander over a lunar day.');
    await field('scheme.objectives').fill('Map the near-surface electric field at dawn and dusk.');
    await waitSaved();
    await page.reload();
    await byTestId('application-editor').waitFor();
    expect(await field('title').inputValue()).toBe('Lunar dust electric field monitor');
    expect(await field('abstract').inputValue()).toBe('We measure the charging of lunar dust near the lander over a lunar day.');
    expect(await field('scheme.objectives').inputValue()).toBe('Map the near-surface electric field at dawn and dusk.');
  });

  it('says "changed elsewhere" when another tab saved first, and keeps the typed text for after the reload', async () => {
    const id = new URL(applicationUrl).pathname.split('/').pop()!;
    const current = await api<{ draft: Record<string, unknown>; draftRevision: number }>(
      applicant,
      'GET',
      `/api/applications/${id}`,
    );
    await api(applicant, 'PUT', `/api/applications/${id}/draft`, {
      document: { ...current.draft, heritage: undefined },
      baseRevision: current.draftRevision,
    });
    await field('scheme.heritage').fill('Flown on a sounding rocket in 2021.');
    await page.waitForFunction(
      () => document.querySelector('[data-testid="save-status"]')?.getAttribute('data-state') === 'conflict',
    );
    expect(await byTestId('save-status').textContent()).toContain('Changed elsewhere');
    await page.reload();
    await byTestId('local-copy').waitFor();
    await byTestId('local-copy').getByRole('button', { name: 'Use the copy from this browser' }).click();
    await waitSaved();
    expect(await field('scheme.heritage').inputValue()).toBe('Flown on a sounding rocket in 2021.');
  });

  it('shows a fail naming the limit for an over-limit payload, and marks every error beside its field on submit', async () => {
    await byTestId('add-payload-request').click();
    await field('payloadRequests.0.name').fill('Dust sensor');
    await field('payloadRequests.0.massG').fill('12000'); // the module takes at most 10 kg per item
    await waitSaved();
    const failed = page.locator('[data-testid="check-item"][data-result="fail"]');
    await failed.first().waitFor();
    const reasons = await failed.first().textContent();
    expect(reasons).toMatch(/at most 10(\.0)? kg per item/);
    expect(await byTestId('check-result').textContent()).toContain('Fail');

    // Submitting now lists every problem at once; the first field in error takes focus.
    await byTestId('submit-application').click();
    await byTestId('submit-errors').waitFor();
    expect(await field('payloadRequests.0.massG').getAttribute('aria-invalid')).toBe('true');
    expect(await field('payloadRequests.0.lengthMm').getAttribute('aria-invalid')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-invalid'))).toBe('true');
    await page.screenshot({ path: '/tmp/orbitshare-editor-errors.png', fullPage: true });
  });

  it('completes the application, attaches a PDF, passes the check and submits it', async () => {
    await byTestId('add-team-member').click();
    await byTestId('team-0-institution-search').fill(institution.name);
    const select = byTestId('team-0-institution-select');
    await page.waitForFunction((name) => {
      const el = document.querySelector<HTMLSelectElement>('[data-testid="team-0-institution-select"]');
      return !!el && [...el.options].some((o) => o.text.startsWith(name));
    }, institution.name);
    await select.selectOption(institution.id);
    await byTestId('add-person').click();
    await field('people.0.name').fill('Li Wei');
    await field('people.0.email').fill('li.wei@example.org');
    await field('scheme.methods').fill('A field mill and a dust impact sensor on a short boom.');
    await field('scheme.expectedResults').fill('A day-night profile of the surface field, published openly.');
    const p = 'payloadRequests.0';
    await field(`${p}.massG`).fill('3500');
    await field(`${p}.avgPowerMw`).fill('12500');
    await field(`${p}.peakPowerMw`).fill('20000');
    expect(await page.getByText('= 12.5 W').count()).toBeGreaterThan(0);
    await field(`${p}.dataMbPerDay`).fill('50');
    await field(`${p}.lengthMm`).fill('200');
    await field(`${p}.widthMm`).fill('100');
    await field(`${p}.heightMm`).fill('100');
    await field(`${p}.minTempC`).fill('-40');
    await field(`${p}.maxTempC`).fill('60');
    await byTestId(`f-${p}.mounting-outside`).check();
    await byTestId('upload-technical_annex').setInputFiles({ name: 'annex.pdf', mimeType: 'application/pdf', buffer: PDF });
    await byTestId('attachment').waitFor();
    expect(await byTestId('attachment-sha256').textContent()).toMatch(/^[0-9a-f]{64}$/);
    await waitSaved();
    await page.waitForFunction(() => document.querySelector('[data-testid="check-result"]')?.textContent?.includes('Pass'));
    expect(await byTestId('check-issues').count()).toBe(0);
    await page.screenshot({ path: '/tmp/orbitshare-editor.png', fullPage: true });

    await byTestId('submit-application').click();
    await byTestId('status-panel').waitFor();
    expect(await byTestId('application-page').getAttribute('data-status')).toBe('submitted');
    const status = await byTestId('submitted-version').textContent();
    expect(status).toContain('Version 1');
    expect(status).toContain('A receipt was sent to your e-mail');
    // Read-only until "Amend".
    expect(await field('title').isDisabled()).toBe(true);
    expect(await byTestId('amend').isVisible()).toBe(true);
  });

  it('lists the application under My applications', async () => {
    await byTestId('nav-applications').click();
    const row = byTestId('my-application').filter({ hasText: 'Lunar dust electric field monitor' });
    await row.waitFor();
    expect(await row.textContent()).toContain('Submitted');
  });

  it('reads on a phone: the call page and the submitted application fit the screen', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      for (const path of [`/calls/${call.slug}`, new URL(applicationUrl).pathname]) {
        await page.goto(`${base}${path}`);
        await page.locator('[data-testid="call-page"], [data-testid="application-page"]').first().waitFor();
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      }
      // The saved team institution is named in its picker even when it is not among the first results.
      await page.waitForFunction((name) => {
        const el = document.querySelector<HTMLSelectElement>('[data-testid="team-0-institution-select"]');
        return el?.selectedOptions[0]?.text.startsWith(name);
      }, institution.name);
      await page.screenshot({ path: '/tmp/orbitshare-application-phone.png', fullPage: true });
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });

  it('shows the officer view to an administrator with charts, filters and exports', async () => {
    const officer = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const saved = page;
    page = await officer.newPage();
    try {
      await signIn(admin, `/calls/${call.slug}`);
      await byTestId('officer-link').click();
      await byTestId('officer-page').waitFor();
      await byTestId('officer-row').first().waitFor();
      expect(await byTestId('officer-table').textContent()).toContain('Lunar dust electric field monitor');
      expect(await byTestId('country-chart-row').count()).toBeGreaterThan(0);
      expect(await byTestId('demand-chart').textContent()).toContain(moduleName);
      expect(await byTestId('export-csv').getAttribute('href')).toContain('format=csv');
      await page.screenshot({ path: '/tmp/orbitshare-officer.png', fullPage: true });
    } finally {
      await officer.close();
      page = saved;
    }
  });
});
