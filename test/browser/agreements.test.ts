import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM } from '../../src/services/actor.js';
import { insertAgreementVersion } from '../../src/services/agreements/insert-agreement.js';
import { type SeededAccount, seedActiveAccount } from '../support/accounts.js';
import { seedSelectedSampleProposal } from '../support/agreement-factories.js';
import { type BrowserHarness, startBrowserHarness } from './harness.js';

// Issue 10 item 1 in Chromium: staff reach the agreement from "Agreements" in the header, send it for
// signature, record the agency's on-site signature with the scanned copy; the partner finds it on
// their own agreements page, reads the hash and signs remotely; the agreement comes into force and
// offers its certificate; the curator reaches the loan page; axe finds nothing serious on each page.

let harness: BrowserHarness;
let browser: Browser;
let base: string;
let officer: SeededAccount;
let partner: SeededAccount;
let agency: SeededAccount;
let curator: SeededAccount;
let agreementId: string;
let payloadId: string;
const contexts: BrowserContext[] = [];

async function pageAs(who: SeededAccount, next: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: 'Asia/Shanghai' });
  contexts.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  await page.goto(`${base}/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByTestId('sign-in-email').fill(who.email);
  await page.getByTestId('sign-in-password').fill(who.password);
  await page.getByTestId('sign-in-submit').click();
  await page.waitForURL((url) => url.pathname === next);
  return page;
}

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .options({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } })
    .setLegacyMode(true)
    .analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

beforeAll(async () => {
  harness = await startBrowserHarness('agreements');
  ({ browser, base } = harness);
  const db = harness.server.database.db;
  const seed = await seedSelectedSampleProposal(db, 1_500);
  officer = await seedActiveAccount(db, [{ role: 'program_officer', scopeId: seed.program.id }]);
  partner = await seedActiveAccount(db);
  agency = await seedActiveAccount(db);
  curator = await seedActiveAccount(db, [{ role: 'curator', scopeId: seed.collection.id }]);
  const response = await fetch(`${base}/api/agreements`, {
    method: 'POST',
    headers: { ...officer.headers, 'content-type': 'application/json' },
    body: JSON.stringify({
      decisionId: seed.decision.id,
      signatories: [
        {
          partyRole: 'agency',
          partyName: 'China National Space Administration',
          signerName: 'Agency Signer',
          email: agency.email,
        },
        { partyRole: 'partner', partyName: seed.institution.name, signerName: 'Partner Signer', email: partner.email },
      ],
    }),
  });
  expect(response.status).toBe(201);
  agreementId = ((await response.json()) as { id: string }).id;
  const payload = await insertAgreementVersion(db, SYSTEM, {
    kind: 'payload_cooperation',
    programId: seed.program.id,
    callId: null,
    decisionId: null,
    institutionId: seed.institution.id,
    reference: `BROWSER-PAYLOAD-${Date.now()}`,
    title: 'Laser retroreflector array',
    terms: {
      program: 'Chang’e-8',
      callTitle: null,
      partner: seed.institution.name,
      partnerCountry: null,
      purpose: 'Lunar laser ranging',
      samples: [],
      payloads: [{ name: 'Retroreflector array', hostModule: 'Lander', massG: 1_000, avgPowerMw: null, dataMbPerDay: null }],
      obligations: ['interface_control', 'flight_model_delivery'],
      conditions: null,
      amendmentNote: null,
    },
    languages: ['en', 'zh'],
    durationMonths: null,
    signatories: [{ partyRole: 'agency', partyName: 'CNSA', signerName: 'Agency Signer', email: agency.email }],
    milestones: [
      { kind: 'icd', title: 'ICD signed', dueOn: '2026-01-15', owner: 'Partner' },
      { kind: 'flight_model_delivery', title: 'Flight model at the integration site', dueOn: '2027-06-30', owner: 'Partner' },
    ],
  });
  payloadId = payload.id;
}, 180_000);

afterAll(async () => {
  for (const context of contexts) await context.close();
  await harness?.close();
});

describe('agreements in Chromium', () => {
  it('staff send an agreement and record an on-site signature with the scanned copy', async () => {
    const page = await pageAs(officer, '/agreements');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByTestId('nav-agreements').waitFor();
    await page.getByTestId('agreements-table').getByRole('link').first().click();
    await page.waitForURL((url) => url.pathname === `/agreements/${agreementId}`);
    await page.getByTestId('send-for-signature').click();
    await page.getByTestId('on-site-form').waitFor();
    expect(await page.getByTestId('agreement-sha256').textContent()).toMatch(/^[0-9a-f]{64}$/);
    expect(await page.getByTestId('agreement-deadline').textContent()).not.toBe('—');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByTestId('on-site-signatory').selectOption({ label: 'China National Space Administration — Agency Signer' });
    await page.getByTestId('on-site-place').fill('Beijing');
    await page.getByTestId('on-site-time').fill('2025-04-24T10:30');
    await page.getByTestId('on-site-scan').setInputFiles({
      name: 'signed-agency.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n% scanned\n%%EOF\n'),
    });
    await page.getByTestId('on-site-submit').click();
    await page.getByTestId('signatories').getByText('Beijing').waitFor();
    expect(await page.getByTestId('agreement-status').textContent()).toBe('Awaiting signatures');
  });

  it('the partner finds the agreement, checks the hash and signs remotely; it comes into force with its certificate', async () => {
    const page = await pageAs(partner, '/agreements');
    await page.getByTestId('my-agreements').getByRole('link').first().click();
    await page.waitForURL((url) => url.pathname === `/agreements/${agreementId}/sign`);
    const hash = (await page.getByTestId('sign-sha256').textContent())!.trim();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByTestId('sign-hash').fill('0'.repeat(64));
    await page.getByTestId('sign-read').check();
    await page.getByTestId('sign-submit').click();
    await page.getByRole('alert').waitFor();
    await page.getByTestId('sign-hash').fill(hash);
    await page.getByTestId('sign-submit').click();
    await page.getByTestId('sign-done').waitFor();
    expect(await page.getByTestId('sign-status').textContent()).toBe('In force');
    await page.goto(`${base}/agreements/${agreementId}`);
    await page.getByTestId('download-certificate').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('the curator reaches the loan page of the agreement in force, and the officer the milestones board', async () => {
    const page = await pageAs(curator, '/agreements');
    await page.getByTestId('agreements-table').getByRole('link').first().click();
    await page.getByTestId('go-loan').click();
    await page.getByTestId('open-loan-page').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    const officerPage = await pageAs(officer, `/agreements/${payloadId}/milestones`);
    await officerPage.getByTestId('milestones-page').waitFor();
    expect(await seriousViolations(officerPage)).toEqual([]);
  });
});
