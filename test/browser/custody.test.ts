import { AxeBuilder } from '@axe-core/playwright';
import { sql } from 'drizzle-orm';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/connection.js';
import { drawAuditSample } from '../../src/domain/samples/audit-sample.js';
import type { RunningServer } from '../../src/server/start.js';
import { type SeededAccount, seedActiveAccount } from '../support/accounts.js';
import { makeSampleCollection } from '../support/custody-factories.js';
import { makeInstitution } from '../support/factories.js';
import { type SeededLoan, seedOpenLoan } from '../support/loan-factories.js';
import { type BrowserHarness, startBrowserHarness } from './harness.js';

// Custody in Chromium: the curator finds the loan from the custody home, packs and dispatches it;
// the borrower finds it under "My loans", confirms receipt with measured masses and files the
// annual inventory; every page passes axe (no serious or critical violation).

let harness: BrowserHarness;
let server: RunningServer;
let browser: Browser;
let base: string;
let curator: SeededAccount;
let borrower: SeededAccount;
let loan: SeededLoan;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  harness = await startBrowserHarness('custody');
  ({ server, browser, base } = harness);
  const db = server.database.db;
  const collectionId = (await makeSampleCollection(db)).id;
  const institutionId = String((await makeInstitution(db, { countryCode: 'DE', name: `Custody Test Lab ${Date.now()}` })).id);
  curator = await seedActiveAccount(db, [{ role: 'curator', scopeId: collectionId }]);
  borrower = await seedActiveAccount(db, [{ role: 'applicant', scopeId: institutionId }]);
  loan = await seedOpenLoan(db, { collectionId, institutionId, masses: [25_000, 15_000], toleranceUg: 10 });
}, 180_000);

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await harness?.close();
});

async function pageFor(person: SeededAccount, next: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
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

async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page })
    .options({ resultTypes: ['violations'], runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
    .setLegacyMode(true)
    .analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

describe('sample custody in Chromium', () => {
  it('the curator reaches the loan from the custody home, packs it and hands it to the courier', async () => {
    const p = await pageFor(curator, '/account');
    await p.getByTestId('nav-custody').click();
    await p.getByTestId('custody-home').waitFor();
    await expectAccessible(p);
    await p.getByTestId('custody-link-loans').click();
    await p.getByRole('link', { name: loan.reference }).click();
    await p.getByTestId('loan-items').waitFor();
    await expectAccessible(p);
    const form = p.getByTestId('prepare-shipment');
    await form.getByLabel('Courier').fill('SF Express');
    await form.getByLabel('Tracking number').fill('SF123456789CN');
    await form.getByLabel('Sealed container id').fill('N2-BOX-7');
    await form.getByRole('button').click();
    await p.getByTestId('dispatch').getByLabel('Place of the hand-over').fill('NAOC sample store, Beijing');
    await p.getByTestId('dispatch').getByRole('button').click();
    await p.getByText('Agency curation → SF Express at NAOC sample store, Beijing').waitFor();
    await expectAccessible(p);
    const [status] = await queryRows<{ status: string }>(
      server.database.db,
      sql`select status from samples where id = ${loan.items[0]!.sampleId}`,
    );
    expect(status!.status).toBe('in_transit');
    for (const path of [
      '/custody/where',
      '/custody/overdue',
      '/custody/discrepancies',
      '/custody/audit',
      `/custody/samples/${loan.parentId}`,
    ]) {
      await p.goto(`${base}${path}`);
      await p.getByTestId('custody-page').waitFor();
      await expectAccessible(p);
    }
    await p.getByTestId('genealogy-tree').getByRole('link', { name: loan.items[0]!.number }).waitFor();
  });

  it('the borrower finds the loan under My loans, confirms receipt with measured masses and files the inventory', async () => {
    const p = await pageFor(borrower, '/account');
    await p.getByTestId('nav-borrower').click();
    await p.getByRole('link', { name: loan.reference }).click();
    const receipt = p.getByTestId('confirm-receipt');
    await receipt.waitFor();
    await expectAccessible(p);
    await receipt.getByLabel('Place of receipt').fill('Cologne, clean lab 2');
    await receipt.getByLabel(`Measured mass of ${loan.items[0]!.number} (µg)`).fill('24995');
    await receipt.getByRole('button').click();
    const inventory = p.getByTestId('inventory-form');
    await inventory.waitFor();
    for (const item of loan.items)
      await inventory.getByRole('group', { name: item.number }).getByLabel('Location').fill('Cologne, N2 cabinet 4');
    await inventory.getByRole('button').click();
    await p.getByText('Inventories filed: 1').waitFor();
    await expectAccessible(p);
    const rows = await queryRows<{ kind: string; delta: string }>(
      server.database.db,
      sql`select kind, delta_ug::text as delta from ledger_entries where loan_item_id = ${loan.items[0]!.loanItemId} order by id`,
    );
    expect(rows.map((r) => `${r.kind} ${r.delta}`)).toEqual(['ship -25000', 'receive -5']);
    const [held] = await queryRows<{ custodian: string }>(
      server.database.db,
      sql`select custodian_kind as custodian from sample_custodians where sample_id = ${loan.items[0]!.sampleId} and "until" is null`,
    );
    expect(held!.custodian).toBe('borrower');
    const lines = await queryRows<{ n: number }>(
      server.database.db,
      sql`select count(*)::int as n from inventory_lines l join inventory_reports r on r.id = l.report_id where r.loan_id = ${loan.loanId}`,
    );
    expect(lines[0]!.n).toBe(2);
  });

  it('the curator draws an audit sample on the audit page and reads it back with its seed', async () => {
    const p = await pageFor(curator, '/custody/audit');
    const form = p.getByTestId('audit-form');
    await form.getByLabel('How many').fill('1');
    await form.getByLabel('Seed (optional)').fill('browser-seed');
    await form.getByRole('button', { name: 'Draw' }).click();
    const drawn = p.getByTestId('audit-draw').filter({ hasText: 'seed browser-seed' });
    await drawn.getByRole('heading', { name: '1 of 2, seed browser-seed' }).waitFor();
    // The borrower holds both subsamples now; the seed decides which one, as anyone can re-run.
    const [expected] = drawAuditSample(loan.items.map((i) => i.number).sort(), 1, 'browser-seed');
    await drawn.getByText(expected!, { exact: false }).waitFor();
    await expectAccessible(p);
  });
});
