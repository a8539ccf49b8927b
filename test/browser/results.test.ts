import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicationRequests, callSampleOffers } from '../../src/db/schema.js';
import { SYSTEM } from '../../src/services/actor.js';
import { createRecord } from '../../src/services/registry/create-record.js';
import { RESOURCE_BY_NAME } from '../../src/services/registry/resources.js';
import { type SeededAccount, seedActiveAccount } from '../support/accounts.js';
import { makeInstitution, makeMission, makeProgram } from '../support/factories.js';
import { extractPdfText, squash } from '../support/pdf-text.js';
import { seedClosedCall, seedSubmittedApplication } from '../support/review-factories.js';
import { type BrowserHarness, startBrowserHarness } from './harness.js';

// The public results of the demo (decided by the selection demo on first start) in English and
// Chinese, and an applicant downloading their own decision letter from their application page.

let harness: BrowserHarness;
let browser: Browser;
let base: string;
let applicant: SeededAccount;
let applicationId: string;
let official: SeededAccount;
let callSlug: string;
const contexts: BrowserContext[] = [];
const CE5 = 'change-5-international-2025';
const CE8 = 'change-8-international-2023';

async function api(who: SeededAccount, method: string, path: string, body?: unknown) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { ...who.headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path} → ${response.status}: ${await response.text()}`);
  return response.json();
}

beforeAll(async () => {
  harness = await startBrowserHarness('results');
  ({ browser, base } = harness);
  const db = harness.server.database.db;
  const stamp = Date.now();
  const programId = String((await makeProgram(db, { slug: `letters-program-${stamp}` })).id);
  official = await seedActiveAccount(db, [{ role: 'selection_official', scopeId: programId }]);
  const lab = String(
    (await makeInstitution(db, { slug: `letters-lab-${stamp}`, countryCode: 'DE', name: 'Universität zu Köln' })).id,
  );
  applicant = await seedActiveAccount(db, [{ role: 'applicant', scopeId: lab }]);
  const mission = String((await makeMission(db)).id);
  const collection = (await createRecord(db, SYSTEM, RESOURCE_BY_NAME.get('sample-collections')!, {
    slug: `letters-ce-${stamp}`,
    missionId: mission,
    name: 'Test collection',
    returnedMassMg: 10_000,
  })) as { id: string };
  const call = await seedClosedCall(db, programId);
  callSlug = call.slug;
  const [offer] = await db
    .insert(callSampleOffers)
    .values({ callId: call.id, sampleCollectionId: collection.id, sampleType: 'regolith', availableMg: 1000, reserveMg: 100 })
    .returning();
  const app = await seedSubmittedApplication(db, {
    callId: call.id,
    ownerAccountId: applicant.id,
    title: 'Noble gases in lunar regolith',
    team: [{ institutionId: lab, role: 'lead' }],
    people: [{ name: '李娜 (Li Na)', role: 'principal_investigator', institutionId: lab }],
    leadCountry: 'DE',
  });
  applicationId = app.id;
  await db.insert(applicationRequests).values({ applicationId: app.id, version: 1, sampleOfferId: offer!.id, massMg: 250 });
  await api(official, 'POST', `/api/calls/${call.id}/selection/merits`, { merits: [{ applicationId: app.id, merit: 80 }] });
  await api(official, 'POST', `/api/calls/${call.id}/selection/decisions`, {
    decisions: [{ applicationId: app.id, outcome: 'selected', reason: 'Highest merit; the regolith asked fits the offer.' }],
  });
  await api(official, 'POST', `/api/calls/${call.id}/letters`);
}, 300_000);

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await harness?.close();
});

async function newPage(language?: 'zh'): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  contexts.push(context);
  context.setDefaultTimeout(20_000);
  if (language) await context.addInitScript((lang) => window.localStorage.setItem('orbitshare.language', lang), language);
  return context.newPage();
}

async function signedIn(who: SeededAccount, next: string): Promise<Page> {
  const page = await newPage();
  await page.goto(`${base}/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByTestId('sign-in-email').fill(who.email);
  await page.getByTestId('sign-in-password').fill(who.password);
  await page.getByTestId('sign-in-submit').click();
  await page.waitForURL((url) => url.pathname === next);
  return page;
}

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).setLegacyMode(true).analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`);
}

describe('results in Chromium', () => {
  it('lists decided calls with their headline beside open and past ones, in English, without serious axe violations', async () => {
    const page = await newPage();
    await page.goto(`${base}/results`);
    await page.getByTestId('results-decided').waitFor();
    expect(await page.getByTestId(`headline-${CE5}`).textContent()).toBe('7 institutions from 6 countries');
    expect(await page.getByTestId(`headline-${CE8}`).textContent()).toBe(
      '10 projects from 11 countries and regions and 1 international organisation',
    );
    expect(await page.getByTestId('results-open').count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByTestId(`results-link-${CE5}`).click();
    await page.getByTestId('results-table').waitFor();
    expect(await page.getByTestId('results-headline').textContent()).toBe('7 institutions from 6 countries');
    const table = (await page.getByTestId('results-table').textContent()) ?? '';
    for (const name of [
      'Osaka University',
      'Space and Upper Atmosphere Research Commission',
      'Brown University',
      'Pakistan',
      'United States',
    ])
      expect(table).toContain(name);
    expect(await seriousViolations(page)).toEqual([]);

    // The CSV link downloads the same selection.
    const href = await page.getByTestId('results-csv').getAttribute('href');
    expect(href).toBe(`/api/results/${CE5}/download.csv`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('results-csv').click()]);
    const csv = await (await fetch(`${base}${href}`)).text();
    expect(download.suggestedFilename()).toBe(`results-${CE5}.csv`);
    expect(csv.split('\r\n').filter((l) => l.includes('"selected"')).length).toBeGreaterThanOrEqual(7);
  });

  it('shows the results in Chinese, with the computed Chinese headline, without serious axe violations', async () => {
    const page = await newPage('zh');
    await page.goto(`${base}/results`);
    await page.getByTestId('results-decided').waitFor();
    expect(await page.locator('main h1').textContent()).toBe('评选结果');
    expect(await page.getByTestId(`headline-${CE5}`).textContent()).toBe('7家机构，来自6个国家');
    expect(await seriousViolations(page)).toEqual([]);
    await page.goto(`${base}/results/${CE8}`);
    await page.getByTestId('results-table').waitFor();
    expect(await page.getByTestId('results-headline').textContent()).toBe('10个项目，来自11个国家和地区及1个国际组织');
    expect(await page.getByTestId('results-table').textContent()).toContain('地区');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("links each program's calls to their results", async () => {
    const page = await newPage();
    await page.goto(`${base}/programs/change-8-cooperation`);
    await page.getByTestId(`program-results-${CE8}`).click();
    await page.getByTestId('call-results-page').waitFor();
    expect(new URL(page.url()).pathname).toBe(`/results/${CE8}`);
  });

  it('the applicant downloads their decision letter from their application page', async () => {
    const page = await newPage();
    await page.goto(`${base}/sign-in?next=${encodeURIComponent(`/applications/${applicationId}`)}`);
    await page.getByTestId('sign-in-email').fill(applicant.email);
    await page.getByTestId('sign-in-password').fill(applicant.password);
    await page.getByTestId('sign-in-submit').click();
    await page.getByTestId('decision-letters').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('letter-en').click()]);
    const path = await download.path();
    const { readFileSync } = await import('node:fs');
    const text = squash(await extractPdfText(readFileSync(path)));
    expect(text).toContain('李娜');
    expect(text).toContain('Decision:selected');
    expect(text).toContain(squash('Highest merit; the regolith asked fits the offer.'));
  });

  it("the call's staff page lists every decision with its letters in both languages", async () => {
    const page = await signedIn(official, `/calls/${callSlug}/applications`);
    await page.getByTestId('call-letters').waitFor();
    const section = (await page.getByTestId('call-letters').textContent()) ?? '';
    expect(section).toContain('Noble gases in lunar regolith');
    expect(
      await page.getByTestId('call-letters').locator(`a[href="/api/applications/${applicationId}/letters/zh"]`).count(),
    ).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('a person makes their calendar address on the account page and subscribes to it', async () => {
    const page = await signedIn(applicant, '/account');
    await page.getByTestId('calendar-feed-rotate').click();
    const url = await page.getByTestId('calendar-feed-url').inputValue();
    expect(url).toMatch(/\/api\/calendar\/[A-Za-z0-9_-]+\.ics$/);
    const feed = await fetch(url);
    expect(feed.headers.get('content-type')).toContain('text/calendar');
    expect(await feed.text()).toContain('BEGIN:VCALENDAR');
    expect(await seriousViolations(page)).toEqual([]);
  });
});
