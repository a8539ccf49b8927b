import { eq } from 'drizzle-orm';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accounts } from '../../src/db/schema.js';
import { seedActiveAccount } from '../support/accounts.js';
import { type BrowserHarness, startBrowserHarness } from './harness.js';

// The UI language in a real Chromium: a Chinese browser gets Chinese on its first visit, the
// header's switch changes the page in place and is remembered across reloads, an English browser
// gets English. The browser's language reaches the page both as Accept-Language and navigator.languages.

let harness: BrowserHarness;
let browser: Browser;
let base: string;
const opened: BrowserContext[] = [];

beforeAll(async () => {
  harness = await startBrowserHarness('i18n');
  ({ browser, base } = harness);
}, 180_000);

afterAll(async () => {
  for (const context of opened) await context.close();
  await harness?.close();
});

async function visitor(locale: string): Promise<Page> {
  const context = await browser.newContext({ locale, viewport: { width: 1280, height: 900 } });
  opened.push(context);
  return context.newPage();
}

const text = async (page: Page, testId: string) => (await page.getByTestId(testId).first().textContent())?.trim() ?? '';
const htmlLang = (page: Page) => page.evaluate(() => document.documentElement.lang);
const heading = async (page: Page) => (await page.locator('main h1').first().textContent())?.trim() ?? '';

describe('UI language in Chromium', () => {
  it('gives a Chinese browser Chinese on its first visit: header, sign-in page and calls list', async () => {
    const page = await visitor('zh-CN');
    expect(await page.evaluate(() => navigator.language)).toBe('zh-CN');
    await page.goto(`${base}/`);
    await page.getByTestId('nav-sign-in').waitFor();
    expect(await htmlLang(page)).toBe('zh-CN');
    expect(await text(page, 'nav-programs')).toBe('项目计划');
    expect(await text(page, 'nav-calls')).toBe('征集');
    expect(await text(page, 'nav-sign-in')).toBe('登录');
    expect(await page.getByTestId('language-zh').getAttribute('aria-pressed')).toBe('true');

    await page.goto(`${base}/sign-in`);
    await page.getByTestId('sign-in-form').waitFor();
    expect(await heading(page)).toBe('登录');
    expect(await page.getByLabel('电子邮箱').count()).toBe(1);
    expect(await page.title()).toBe('登录 · Orbitshare');
    // The server's own message comes back in the page's language (the UI sends it as Accept-Language).
    await page.getByTestId('sign-in-email').fill('nobody@example.org');
    await page.getByTestId('sign-in-password').fill('not the right password');
    await page.getByTestId('sign-in-submit').click();
    await page.getByTestId('form-error').filter({ hasText: '电子邮箱地址或密码错误。' }).waitFor();

    await page.goto(`${base}/calls`);
    await page.getByTestId('calls-page').waitFor();
    expect(await heading(page)).toBe('开放的征集');
    await page.locator('[data-testid="call-list"], [data-testid="no-calls"]').first().waitFor();
    const countdowns = await page.getByTestId('call-countdown').allTextContents();
    for (const countdown of countdowns) expect(countdown).toMatch(/^(剩余 .*|已截止)$/);
  });

  it('switches to English in place, without a reload, and remembers the choice after one', async () => {
    const page = await visitor('zh-CN');
    await page.goto(`${base}/sign-in`);
    await page.getByTestId('sign-in-form').waitFor();
    await page.getByTestId('sign-in-email').fill('typed-before-switching@example.org');
    expect(await heading(page)).toBe('登录');

    await page.getByTestId('language-en').click();
    await page.waitForFunction(() => document.documentElement.lang === 'en-GB');
    expect(await heading(page)).toBe('Sign in');
    expect(await text(page, 'nav-calls')).toBe('Calls');
    expect(await page.getByTestId('language-en').getAttribute('aria-pressed')).toBe('true');
    // Re-rendered, not reloaded: what was typed is still there.
    expect(await page.getByTestId('sign-in-email').inputValue()).toBe('typed-before-switching@example.org');

    await page.reload();
    await page.getByTestId('sign-in-form').waitFor();
    expect(await htmlLang(page)).toBe('en-GB');
    expect(await heading(page)).toBe('Sign in');
    await page.goto(`${base}/calls`);
    await page.getByTestId('calls-page').waitFor();
    expect(await heading(page)).toBe('Open calls');

    // And back to Chinese, remembered too.
    await page.getByTestId('language-zh').click();
    await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
    expect(await heading(page)).toBe('开放的征集');
    await page.reload();
    await page.getByTestId('calls-page').waitFor();
    expect(await heading(page)).toBe('开放的征集');
  });

  it('gives an English browser English', async () => {
    const page = await visitor('en-US');
    await page.goto(`${base}/sign-in`);
    await page.getByTestId('sign-in-form').waitFor();
    expect(await htmlLang(page)).toBe('en-GB');
    expect(await heading(page)).toBe('Sign in');
    expect(await text(page, 'nav-programs')).toBe('Programs');
    expect(await page.getByTestId('language-en').getAttribute('aria-pressed')).toBe('true');
    expect(await page.title()).toBe('Sign in · Orbitshare');
  });

  it('lets a person signed in on a Chinese page choose the language of their e-mails', async () => {
    const db = harness.server.database.db;
    const person = await seedActiveAccount(db);
    const page = await visitor('zh-CN');
    await page.goto(`${base}/sign-in?next=%2Faccount`);
    await page.getByTestId('sign-in-email').fill(person.email);
    await page.getByTestId('sign-in-password').fill(person.password);
    await page.getByTestId('sign-in-submit').click();
    await page.getByTestId('account-page').waitFor();
    expect(await page.locator('#email-language-heading').textContent()).toBe('邮件语言');
    expect(await page.getByTestId('email-language').inputValue()).toBe('en');
    await page.getByTestId('email-language').selectOption('zh');
    await page.getByTestId('email-language-save').click();
    await page.getByTestId('email-language-saved').filter({ hasText: '今后您的邮件将使用中文。' }).waitFor();
    const [row] = await db.select({ locale: accounts.locale }).from(accounts).where(eq(accounts.id, person.id));
    expect(row!.locale).toBe('zh');
  });
});
