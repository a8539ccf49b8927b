import { eq } from 'drizzle-orm';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accounts, institutions } from '../../src/db/schema.js';
import type { RunningServer } from '../../src/server/start.js';
import { type SeededAccount, seedActiveAccount } from '../support/accounts.js';
import { type BrowserHarness, startBrowserHarness } from './harness.js';

// Accounts end to end: the built UI on the real server over a fresh embedded database, with people
// inserted straight into it, driven by a real Chromium through the sign-in form.

interface Person extends SeededAccount {
  name: string;
}

let harness: BrowserHarness;
let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let base: string;
let admin: Person;
let applicant: Person;

async function seedPerson(grants: Parameters<typeof seedActiveAccount>[1]): Promise<Person> {
  const db = server.database.db;
  const seeded = await seedActiveAccount(db, grants);
  const [row] = await db.select({ name: accounts.displayName }).from(accounts).where(eq(accounts.id, seeded.id));
  return { ...seeded, name: row!.name };
}

beforeAll(async () => {
  harness = await startBrowserHarness('accounts');
  ({ server, browser, base } = harness);
  const [institution] = await server.database.db.select({ id: institutions.id }).from(institutions).limit(1);
  admin = await seedPerson([{ role: 'administrator' }]);
  applicant = await seedPerson([{ role: 'applicant', scopeId: institution!.id }]);
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
}, 180_000);

afterAll(async () => {
  await harness?.close();
});

const NEWCOMER = { email: `newcomer-${Date.now()}@example.org`, name: 'Newcomer Wang' };

const byTestId = (id: string) => page.getByTestId(id);
const pathname = () => new URL(page.url()).pathname;

async function signIn(person: { email: string; password: string }) {
  await byTestId('sign-in-email').fill(person.email);
  await byTestId('sign-in-password').fill(person.password);
  await byTestId('sign-in-submit').click();
}

describe('accounts in Chromium', () => {
  it('shows "Sign in" and "Sign up" to an anonymous visitor, and no Admin', async () => {
    await page.goto(`${base}/`);
    await byTestId('nav-sign-in').waitFor();
    expect(await byTestId('nav-sign-up').isVisible()).toBe(true);
    expect(await byTestId('nav-admin').count()).toBe(0);
    expect(await byTestId('nav-account').count()).toBe(0);
  });

  it('signs an applicant up, choosing the institution from a searchable list', async () => {
    await byTestId('nav-sign-up').click();
    await byTestId('sign-up-form').waitFor();
    await byTestId('sign-up-email').fill(NEWCOMER.email);
    await byTestId('sign-up-name').fill(NEWCOMER.name);
    await byTestId('sign-up-institution-search').fill('China');
    const select = byTestId('sign-up-institution-select');
    await page.waitForFunction(() => {
      const el = document.querySelector<HTMLSelectElement>('[data-testid="sign-up-institution-select"]');
      return !!el && el.options.length > 1 && [...el.options].slice(1).every((o) => o.text.includes('China'));
    });
    const first = await select.locator('option').nth(1).getAttribute('value');
    await select.selectOption(first!);
    await byTestId('sign-up-password').fill('a long enough passphrase');
    await byTestId('sign-up-confirm').fill('a long enough passphrase');
    await page.screenshot({ path: '/tmp/orbitshare-sign-up.png', fullPage: true });
    await byTestId('sign-up-submit').click();
    await byTestId('sign-up-done').waitFor();
    expect(await byTestId('sign-up-done').textContent()).toContain('Check your mail');
  });

  it('refuses a wrong password with the server message and stays on /sign-in', async () => {
    await byTestId('nav-sign-in').click();
    await byTestId('sign-in-form').waitFor();
    await signIn({ email: admin.email, password: 'not the right password' });
    const error = byTestId('form-error');
    await error.waitFor();
    expect(await error.textContent()).toBe('The e-mail address or the password is wrong.');
    expect(pathname()).toBe('/sign-in');
    // The message took focus, so a screen reader reads it at once.
    expect(await error.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await byTestId('nav-sign-in').isVisible()).toBe(true);
  });

  it('marks empty fields beside them and focuses the first', async () => {
    await page.goto(`${base}/sign-in`);
    await byTestId('sign-in-submit').click();
    await byTestId('field-error').first().waitFor();
    expect(await byTestId('sign-in-email').getAttribute('aria-invalid')).toBe('true');
    expect(await byTestId('sign-in-email').evaluate((el) => el === document.activeElement)).toBe(true);
    await page.screenshot({ path: '/tmp/orbitshare-sign-in.png', fullPage: true });
  });

  it('sends an anonymous visit of /account to sign in, and back after signing in as an administrator', async () => {
    await page.goto(`${base}/account`);
    await byTestId('sign-in-form').waitFor();
    expect(pathname()).toBe('/sign-in');
    expect(new URL(page.url()).searchParams.get('next')).toBe('/account');

    await signIn(admin);
    await byTestId('account-page').waitFor();
    expect(pathname()).toBe('/account');
    expect(await byTestId('nav-account').textContent()).toContain(admin.name);
    expect(await byTestId('nav-admin').isVisible()).toBe(true);
    expect(await byTestId('nav-sign-out').isVisible()).toBe(true);
    expect(await byTestId('nav-sign-in').count()).toBe(0);
    expect(await byTestId('account-email').textContent()).toBe(admin.email);
    expect(await byTestId('my-grants').textContent()).toContain('Administrator');
  });

  it('lists the current session, marked as this device', async () => {
    await byTestId('session').first().waitFor();
    const current = page.locator('[data-testid="session"][data-current="true"]');
    expect(await current.count()).toBe(1);
    expect(await current.textContent()).toContain('This device');
    expect(await current.getByTestId('session-revoke').count()).toBe(0);
  });

  it('creates an API token, shows its secret once, and only its prefix after a reload', async () => {
    await byTestId('token-name-input').fill('browser test token');
    await byTestId('token-scope-write').check();
    await byTestId('token-days').fill('30');
    await byTestId('token-create').click();
    const secretBox = byTestId('token-secret-box');
    await secretBox.waitFor();
    const secret = await byTestId('token-secret').inputValue();
    expect(secret.length).toBeGreaterThan(20);
    expect(await secretBox.textContent()).toContain('only time it is shown');

    const row = byTestId('token').filter({ hasText: 'browser test token' });
    const prefix = ((await row.getByTestId('token-prefix').textContent()) ?? '').replace('…', '');
    expect(prefix.length).toBeGreaterThan(3);
    expect(secret.startsWith(prefix)).toBe(true);
    expect(await row.textContent()).toContain('read + write');

    // The secret works as a bearer token.
    const me = await fetch(`${base}/api/account/tokens`, { headers: { authorization: `Bearer ${secret}` } });
    expect(me.status).toBe(200);
    await page.screenshot({ path: '/tmp/orbitshare-account-secret.png', fullPage: true });

    await page.reload();
    await byTestId('token').first().waitFor();
    expect(await byTestId('token-secret-box').count()).toBe(0);
    const again = byTestId('token').filter({ hasText: 'browser test token' });
    expect(await again.getByTestId('token-prefix').textContent()).toBe(`${prefix}…`);
    expect(await page.content()).not.toContain(secret);
    await page.screenshot({ path: '/tmp/orbitshare-account.png', fullPage: true });
  });

  it('revokes the token with its button', async () => {
    const row = byTestId('token').filter({ hasText: 'browser test token' });
    await row.getByTestId('token-revoke').click();
    await row.getByText('revoked').waitFor();
    expect(await row.getByTestId('token-revoke').count()).toBe(0);
  });

  it('opens the admin pages: people with grants, outbox and audit log', async () => {
    await byTestId('nav-admin').click();
    await byTestId('people').waitFor();
    const people = (await byTestId('people').textContent()) ?? '';
    expect(people).toContain(admin.email);
    expect(people).toContain(applicant.email);
    const applicantRow = byTestId('person').filter({ hasText: applicant.email });
    expect(await applicantRow.getByTestId('grant').textContent()).toContain('Applicant');
    await page.screenshot({ path: '/tmp/orbitshare-admin.png', fullPage: true });

    // Grant a scoped role (a program chosen from the list), then revoke it.
    await applicantRow.getByTestId('grant-open').click();
    await applicantRow.getByTestId('new-grant-role').selectOption('program_officer');
    const program = applicantRow.getByTestId('new-grant-scope-select');
    await page.waitForFunction(
      () => (document.querySelector<HTMLSelectElement>('[data-testid="new-grant-scope-select"]')?.options.length ?? 0) > 1,
    );
    await program.selectOption((await program.locator('option').nth(1).getAttribute('value'))!);
    await applicantRow.getByTestId('grant-submit').click();
    const officer = applicantRow.getByTestId('grant').filter({ hasText: 'Program officer' });
    await officer.waitFor();
    await page.screenshot({ path: '/tmp/orbitshare-admin-granted.png', fullPage: true });
    await applicantRow.locator('li').filter({ hasText: 'Program officer' }).getByTestId('grant-revoke').click();
    await officer.waitFor({ state: 'detached' });
    expect(await applicantRow.getByTestId('grant').count()).toBe(1);

    // An unscoped role: no record to choose, and a hint says what it keeps.
    await applicantRow.getByTestId('grant-open').click();
    await applicantRow.getByTestId('new-grant-role').selectOption('registry_editor');
    expect(await applicantRow.getByTestId('new-grant-scope-select').count()).toBe(0);
    expect(await applicantRow.getByTestId('new-grant').textContent()).toContain('shared reference data');
    await applicantRow.getByTestId('grant-submit').click();
    const editor = applicantRow.getByTestId('grant').filter({ hasText: 'Registry editor' });
    await editor.waitFor();
    await applicantRow.locator('li').filter({ hasText: 'Registry editor' }).getByTestId('grant-revoke').click();
    await editor.waitFor({ state: 'detached' });

    await byTestId('admin-tab-invite').click();
    await byTestId('invite-form').waitFor();
    await page.screenshot({ path: '/tmp/orbitshare-admin-invite.png', fullPage: true });

    await byTestId('admin-tab-audit').click();
    await byTestId('audit-row').first().waitFor();
    expect(await byTestId('audit').textContent()).toContain('auth.login');
    const rows = await byTestId('audit-row').count();
    const newest = await byTestId('audit-row').first().textContent();
    await page.screenshot({ path: '/tmp/orbitshare-admin-audit.png', fullPage: true });
    if (await byTestId('audit-more').count()) {
      await byTestId('audit-more').click();
      await page.waitForFunction((n) => document.querySelectorAll('[data-testid="audit-row"]').length > n, rows);
      expect(await byTestId('audit-row').first().textContent()).toBe(newest);
    }

    // The duties the server runs as jobs: the call closer has run at start; the next run is shown.
    await byTestId('admin-tab-jobs').click();
    const closer = byTestId('duty').filter({ hasText: 'calls.close-expired' });
    await closer.waitFor();
    expect(await closer.textContent()).toContain('every minute');
    expect(await closer.getByTestId('duty-next').textContent()).toMatch(/next run .+ · last run: (done|running|queued)/);
    await page.screenshot({ path: '/tmp/orbitshare-admin-jobs.png', fullPage: true });
  });

  it("shows the newcomer's verification e-mail in the outbox, and its link confirms the address", async () => {
    await byTestId('admin-tab-outbox').click();
    const message = byTestId('outbox-message').filter({ hasText: NEWCOMER.email });
    await message.waitFor();
    expect(await message.textContent()).toContain('waiting');
    await message.locator('summary').click();
    const body = (await message.getByTestId('outbox-body').textContent()) ?? '';
    expect(await message.getByTestId('outbox-body').isVisible()).toBe(true);
    await page.screenshot({ path: '/tmp/orbitshare-admin-outbox.png', fullPage: true });
    const token = /verify-email\?token=([\w-]+)/.exec(body)?.[1];
    expect(token, body).toBeTruthy();

    await page.goto(`${base}/verify-email?token=${token}`);
    const result = byTestId('verify-result');
    await result.waitFor();
    expect(await result.textContent()).toContain('Address confirmed');
  });

  it('signs out: the header says "Sign in" again and /account sends to sign in', async () => {
    await byTestId('nav-sign-out').click();
    await byTestId('nav-sign-in').waitFor();
    expect(pathname()).toBe('/');
    expect(await byTestId('nav-account').count()).toBe(0);
    expect(await byTestId('nav-admin').count()).toBe(0);

    await page.goto(`${base}/account`);
    await byTestId('sign-in-form').waitFor();
    expect(pathname()).toBe('/sign-in');
  });

  it('gives an applicant no Admin link, and a friendly page at /admin', async () => {
    await signIn(applicant);
    await byTestId('account-page').waitFor();
    expect(await byTestId('nav-account').textContent()).toContain(applicant.name);
    expect(await byTestId('nav-admin').count()).toBe(0);

    await page.goto(`${base}/admin`);
    await byTestId('not-available').waitFor();
    expect(await byTestId('people').count()).toBe(0);
  });

  it('reads on a phone', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    for (const path of ['/account', '/sign-up']) {
      await page.goto(`${base}${path}`);
      await page.locator('[data-testid="account-page"], [data-testid="sign-up-page"]').first().waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
      await page.screenshot({ path: `/tmp/orbitshare${path.replace('/', '-')}-phone.png`, fullPage: true });
    }
  });
});
