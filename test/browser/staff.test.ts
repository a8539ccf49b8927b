import { and, eq, isNotNull, sql } from 'drizzle-orm';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostModules, institutions, missions, sampleCollections } from '../../src/db/schema.js';
import { type SeededAccount, seedActiveAccount } from '../support/accounts.js';
import { makeProgram } from '../support/factories.js';
import { type BrowserHarness, startBrowserHarness } from './harness.js';

// Issue 7, item 12, in Chromium: the officer reaches every call from "My calls", writes and publishes
// a call in the editor (errors beside their fields), reads submitted applications on their own page
// and sees Shortlist buttons only where they work; the official sees decisions, never buttons; a
// shortlisted applicant starts the full proposal from the UI; and the smaller slips stay fixed.

let harness: BrowserHarness;
let browser: Browser;
let base: string;
let officer: SeededAccount;
let official: SeededAccount;
let applicants: SeededAccount[];
let program: { id: string; name: string };
let institution: { id: string; name: string };
let collection: { id: string; name: string; type: string };
let module: { id: string; name: string; mission: string };
const contexts: BrowserContext[] = [];
const hours = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();

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

let n = 0;
async function apiCall(overrides: Record<string, unknown> = {}) {
  n++;
  return api<{ id: string; slug: string; title: string }>(officer, 'POST', '/api/calls', {
    slug: `staff-browser-${n}-${Date.now()}`,
    programId: program.id,
    title: `Staff browser call ${n}`,
    timeZone: 'Asia/Shanghai',
    opensAt: hours(-2),
    closesAt: hours(24 * 20),
    criteria: [{ key: 'science', name: 'Science', weight: 100 }],
    moduleOffers: [{ hostModuleId: module.id, poolMassG: 50_000, itemMaxMassG: 10_000 }],
    ...overrides,
  });
}

/** A page signed in as `who` (its own browser context, so roles never mix). */
async function pageAs(who: SeededAccount | null, next = '/'): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: 'Europe/Paris' });
  contexts.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  if (!who) {
    await page.goto(`${base}${next}`);
    return page;
  }
  await page.goto(`${base}/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByTestId('sign-in-email').fill(who.email);
  await page.getByTestId('sign-in-password').fill(who.password);
  await page.getByTestId('sign-in-submit').click();
  await page.waitForURL((url) => url.pathname === next);
  return page;
}

beforeAll(async () => {
  harness = await startBrowserHarness('staff');
  ({ browser, base } = harness);
  const db = harness.server.database.db;
  const made = await makeProgram(db, { name: 'Staff browser test program' });
  program = { id: String(made.id), name: String(made.name) };
  const [inst] = await db
    .select({ id: institutions.id, name: institutions.name })
    .from(institutions)
    .where(isNotNull(institutions.countryCode))
    .orderBy(institutions.name)
    .limit(1);
  institution = inst!;
  const [c] = await db
    .select({ id: sampleCollections.id, name: sampleCollections.name, types: sampleCollections.sampleTypes })
    .from(sampleCollections)
    .where(and(sql`cardinality(${sampleCollections.sampleTypes}) > 0`))
    .limit(1);
  collection = { id: c!.id, name: c!.name, type: c!.types[0]! };
  const [m] = await db
    .select({ id: hostModules.id, name: hostModules.name, mission: missions.name })
    .from(hostModules)
    .innerJoin(missions, eq(missions.id, hostModules.missionId))
    .limit(1);
  module = m!;
  officer = await seedActiveAccount(db, [{ role: 'program_officer', scopeId: program.id }]);
  official = await seedActiveAccount(db, [{ role: 'selection_official', scopeId: program.id }]);
  applicants = [
    await seedActiveAccount(db, [{ role: 'applicant', scopeId: institution.id }]),
    await seedActiveAccount(db, [{ role: 'applicant', scopeId: institution.id }]),
  ];
}, 180_000);

afterAll(async () => {
  for (const context of contexts) await context.close();
  await harness?.close();
});

describe('staff workflow in Chromium', () => {
  it('links My calls from the header and lists the officer’s calls in every state', async () => {
    const draft = await apiCall({ title: 'A draft call' });
    const published = await apiCall({ title: 'A published call' });
    await api(officer, 'POST', `/api/calls/${published.id}/publish`);
    const closed = await apiCall({ title: 'A closed call' });
    await api(officer, 'POST', `/api/calls/${closed.id}/publish`);
    await api(officer, 'POST', `/api/calls/${closed.id}/close`);
    const cancelled = await apiCall({ title: 'A cancelled call' });
    await api(officer, 'POST', `/api/calls/${cancelled.id}/cancel`);

    const page = await pageAs(officer, '/calls');
    await page.getByTestId('nav-my-calls').click();
    await page.getByTestId('my-calls-table').waitFor();
    expect(await page.title()).toContain('My calls');
    for (const [call, status] of [
      [draft, 'draft'],
      [published, 'published'],
      [closed, 'closed'],
      [cancelled, 'cancelled'],
    ] as const) {
      const row = page.locator(`[data-testid="my-call"][data-status="${status}"]`).filter({ hasText: call.title });
      expect(await row.count(), `${status} row`).toBe(1);
    }
    // The closed call is reachable and its applications page is one click away.
    const closedRow = page.getByTestId('my-call').filter({ hasText: 'A closed call' });
    await closedRow.getByTestId('my-call-applications').click();
    await page.getByTestId('officer-page').waitFor();
  });

  it('creates a call in the editor, shows the API’s errors beside their fields, then saves and publishes it', async () => {
    const page = await pageAs(officer, '/staff/calls');
    await page.getByTestId('new-call').click();
    await page.getByTestId('call-editor').waitFor();
    const f = (path: string) => page.getByTestId(`f-${path}`);
    await f('title').fill('Partner payloads on the test orbiter');
    const slug = `editor-call-${Date.now()}`;
    await f('slug').fill(slug);
    await f('programId').selectOption(program.id);
    await f('stages').selectOption('2');
    await f('timeZone').selectOption('Asia/Shanghai');
    await f('opensAt').fill('2026-01-01T00:00');
    await f('loiClosesAt').fill('2030-01-31T17:00');
    await f('closesAt').fill('2030-06-30T17:00');
    await f('eligibility.excludedCountries').fill('kp');
    await page.getByTestId('add-criterion').click();
    await f('criteria.0.name').fill('Scientific merit');
    await f('criteria.0.key').fill('science');
    await f('criteria.0.weight').fill('60');
    await page.getByTestId('add-sample-offer').click();
    await f('sampleOffers.0.sampleCollectionId').selectOption(collection.id);
    await f('sampleOffers.0.sampleType').selectOption(collection.type);
    await f('sampleOffers.0.availableMg').fill('5000');
    await f('sampleOffers.0.reserveMg').fill('6000');
    await page.getByTestId('add-module-offer').click();
    await f('moduleOffers.0.hostModuleId').selectOption(module.id);
    await f('moduleOffers.0.poolMassG').fill('15000');
    await f('moduleOffers.0.itemMaxMassG').fill('5000');
    await page.getByTestId('add-document').click();
    await f('requiredDocuments.0.name').fill('Technical annex');
    await f('requiredDocuments.0.key').fill('technical_annex');
    await page.getByTestId('save-call').click();

    // Refused: each message beside its field (the reserve) or its section (the weights).
    await page.getByTestId('call-editor-error').waitFor();
    expect(await f('sampleOffers.0.reserveMg').getAttribute('aria-invalid')).toBe('true');
    const reserveField = page.locator('.field').filter({ has: f('sampleOffers.0.reserveMg') });
    expect(await reserveField.getByTestId('field-error').textContent()).toContain('less than the mass offered');
    expect(await page.getByTestId('call-criteria-fields').getByTestId('section-error').textContent()).toContain('sum to 60');
    await page.screenshot({ path: '/tmp/orbitshare-call-editor-errors.png', fullPage: true });

    await f('sampleOffers.0.reserveMg').fill('1000');
    await f('criteria.0.weight').fill('100');
    await page.getByTestId('save-call').click();
    await page.waitForURL((url) => /^\/staff\/calls\/[0-9a-f-]{36}\/edit$/.test(url.pathname));
    await page.locator('[data-testid="call-editor"][data-status="draft"]').waitFor();
    const id = new URL(page.url()).pathname.split('/')[3]!;
    const saved = await api<{
      timeZone: string;
      loiClosesAt: string;
      closesAt: string;
      eligibility: { excludedCountries?: string[] };
      sampleOffers: { availableMg: number; reserveMg: number }[];
      moduleOffers: { poolMassG: number; itemMaxMassG: number }[];
      requiredDocuments: { key: string }[];
    }>(officer, 'GET', `/api/calls/${id}`);
    // 17:00 in Shanghai (UTC+8) is 09:00 UTC.
    expect(saved.closesAt).toBe('2030-06-30T09:00:00.000Z');
    expect(saved.loiClosesAt).toBe('2030-01-31T09:00:00.000Z');
    expect(saved.eligibility.excludedCountries).toEqual(['KP']);
    expect(saved.sampleOffers[0]).toMatchObject({ availableMg: 5000, reserveMg: 1000 });
    expect(saved.moduleOffers[0]).toMatchObject({ poolMassG: 15000, itemMaxMassG: 5000 });
    expect(saved.requiredDocuments.map((d) => d.key)).toEqual(['technical_annex']);
    // The form shows the saved values back in the call's zone.
    expect(await f('closesAt').inputValue()).toBe('2030-06-30T17:00');

    // Edit the draft, then publish it; only the actions the API allows are offered.
    await f('title').fill('Partner payloads on the test orbiter (revised)');
    await page.getByTestId('save-call').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="call-saved"]')?.textContent === 'Saved.');
    expect(await page.getByTestId('call-close').count()).toBe(0);
    await page.getByTestId('call-publish').click();
    await page.getByTestId('confirm-publish').click();
    await page.locator('[data-testid="call-editor"][data-status="published"]').waitFor();
    expect(await page.getByTestId('call-publish').count()).toBe(0);
    expect(await page.getByTestId('call-close').count()).toBe(1);
    expect((await api<{ title: string; status: string }>(officer, 'GET', `/api/calls/${id}`)).status).toBe('published');
    await page.screenshot({ path: '/tmp/orbitshare-call-editor.png', fullPage: true });
  });

  it('shows Shortlist buttons only on undecided letters, decisions on decided rows, and links each row to its read view', async () => {
    const call = await apiCall({ title: 'Two-stage call for shortlisting', stages: 2, loiClosesAt: hours(24 * 10) });
    await api(officer, 'POST', `/api/calls/${call.id}/publish`);
    const letters: { id: string }[] = [];
    for (const [i, who] of applicants.entries()) {
      const loi = await api<{ id: string }>(who, 'POST', `/api/calls/${call.id}/applications`, {});
      await api(who, 'PUT', `/api/applications/${loi.id}/draft`, {
        document: {
          title: `Letter ${i + 1}`,
          abstract: 'A dust counter for the orbiter.',
          team: [{ institutionId: institution.id, role: 'lead' }],
          scheme: { objectives: 'Count dust grains in orbit.' },
        },
        baseRevision: 0,
      });
      await api(who, 'POST', `/api/applications/${loi.id}/submit`, { revision: 1 });
      letters.push(loi);
    }
    await api(officer, 'POST', `/api/applications/${letters[0]!.id}/shortlist`, { decision: 'not_shortlisted' });

    const page = await pageAs(officer, `/calls/${call.slug}/applications`);
    await page.getByTestId('officer-row').first().waitFor();
    const row = (title: string) => page.getByTestId('officer-row').filter({ hasText: title });
    expect(await row('Letter 1').getByTestId('shortlist').count()).toBe(0);
    expect(await row('Letter 1').getByTestId('shortlist-decision').textContent()).toContain('Not shortlisted');
    await row('Letter 2')
      .getByRole('button', { name: /^Shortlist/ })
      .click();
    await row('Letter 2').getByTestId('shortlist-decision').waitFor();
    expect(await page.getByTestId('shortlist').count()).toBe(0);

    // The official reads the same table: decisions, no buttons.
    const officialPage = await pageAs(official, `/calls/${call.slug}/applications`);
    await officialPage.getByTestId('officer-row').first().waitFor();
    expect(await officialPage.getByTestId('shortlist').count()).toBe(0);
    expect(await officialPage.getByTestId('shortlist-decision').count()).toBe(2);

    // A row opens the staff's read view of the submitted version.
    await row('Letter 2').getByTestId('officer-row-link').click();
    await page.getByTestId('submitted-application').waitFor();
    expect(new URL(page.url()).pathname).toBe(`/staff/applications/${letters[1]!.id}`);
    expect(await page.getByTestId('submitted-title').textContent()).toBe('Letter 2');
    expect(await page.getByTestId('read-team').textContent()).toContain(institution.name);
    expect(await page.getByTestId('read-scheme').textContent()).toContain('Count dust grains in orbit.');
    expect(await page.getByTestId('read-check').isVisible()).toBe(true);
    expect(
      await page.locator('[data-testid="submitted-application"] input, [data-testid="submitted-application"] textarea').count(),
    ).toBe(0);
    await page.screenshot({ path: '/tmp/orbitshare-submitted-read.png', fullPage: true });

    // The applicant whose letter was shortlisted starts the full proposal from My applications.
    const applicantPage = await pageAs(applicants[1]!, '/applications');
    const mine = applicantPage.getByTestId('my-application').filter({ hasText: 'Letter 2' });
    await mine.getByTestId('start-full-proposal').click();
    await applicantPage.getByTestId('application-editor').waitFor();
    const full = await api<{ id: string; stage: string }>(
      applicants[1]!,
      'GET',
      `/api/applications/${new URL(applicantPage.url()).pathname.split('/').pop()}`,
    );
    expect(full.stage).toBe('full_proposal');
    // Back on the letter's own page, the next step is now "continue".
    await applicantPage.goto(`${base}/applications/${letters[1]!.id}`);
    await applicantPage.getByTestId('continue-full-proposal').waitFor();
  });

  it('asks nothing the viewer may not use on a call page (no 403 in the console)', async () => {
    const call = await apiCall({ title: 'A call to read without errors' });
    await api(officer, 'POST', `/api/calls/${call.id}/publish`);
    for (const who of [null, applicants[0]!, official]) {
      const page = await pageAs(who, '/calls');
      const refused: string[] = [];
      page.on('response', (response) => {
        if (response.status() >= 400) refused.push(`${response.status()} ${response.url()}`);
      });
      await page.goto(`${base}/calls/${call.slug}`);
      await page.getByTestId('apply-box').waitFor();
      await page.waitForLoadState('networkidle');
      expect(refused).toEqual([]);
      expect(await page.getByTestId('manage-call-link').count()).toBe(0);
    }
  });

  it('does not call an empty draft a Pass, says "Choose an institution", and titles missing pages "Not found"', async () => {
    const call = await apiCall({ title: 'A call for an empty draft' });
    await api(officer, 'POST', `/api/calls/${call.id}/publish`);
    const page = await pageAs(applicants[0]!, `/calls/${call.slug}`);
    await page.getByTestId('start-application').click();
    await page.getByTestId('application-editor').waitFor();
    await page.getByTestId('check-nothing').waitFor();
    expect(await page.getByTestId('check-result').count()).toBe(0);
    await page.getByTestId('add-team-member').click();
    await page.waitForFunction(() =>
      [...document.querySelectorAll('[data-testid="team-0-institution-select"] option')].some(
        (o) => o.textContent === 'Choose an institution',
      ),
    );
    const visitor = await pageAs(null, '/');
    const staff = await pageAs(official, '/calls');
    for (const [viewer, path] of [
      [visitor, '/programs/no-such-program'],
      [visitor, '/no/such/page'],
      [staff, '/staff/applications/00000000-0000-4000-8000-000000000000'],
    ] as const) {
      await viewer.goto(`${base}${path}`);
      await viewer.getByTestId('not-found').waitFor();
      expect(await viewer.title(), path).toBe('Not found · Orbitshare');
    }
  });

  it('heads program pages with the figures the agency reports and how each is counted', async () => {
    const page = await pageAs(null, '/programs/css-first-cycle');
    await page.getByTestId('reported-figures').waitFor();
    expect(await page.getByTestId('reported-2').textContent()).toBe('17');
    expect(await page.getByTestId('reported-how').textContent()).toContain('17 countries: The countries of those 23 entities');
    await page.goto(`${base}/programs/ilrs`);
    await page.getByTestId('reported-figures').waitFor();
    expect(await page.getByTestId('reported-how').textContent()).toMatch(
      /17 member countries and international organisations: .*initiator, is not counted/,
    );
    expect(await page.getByTestId('partnership-counts').textContent()).toContain('18 partners (1 the initiator, 17 joined)');
  });

  it('shows open opportunities derived from the calls: Tianwen-3 (call closed) is not open for proposals', async () => {
    const page = await pageAs(null, '/');
    await page.getByTestId('open-opportunities').waitFor();
    const opportunities = (await page.getByTestId('opportunity').allTextContents()).join('\n');
    expect(opportunities).not.toContain('Tianwen-3');
    await page.goto(`${base}/programs/tianwen-3-payloads`);
    await page.getByTestId('program-page').waitFor();
    expect(await page.locator('.chip--open').count()).toBe(0);
  });
});
