import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserHarness, startBrowserHarness } from './harness.js';

// The real thing end to end: the built UI served by the real server over a fresh embedded database
// that loads the demo data on its first start, driven by a real Chromium.

let harness: BrowserHarness;
let browser: Browser;
let page: Page;
let base: string;

beforeAll(async () => {
  harness = await startBrowserHarness('portal');
  ({ browser, base } = harness);
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
}, 180_000);

afterAll(async () => {
  await harness?.close();
});

const byTestId = (id: string) => page.getByTestId(id);

describe('public portal in Chromium', () => {
  it('shows the home page with the timeline, open opportunities and partners', async () => {
    await page.goto(`${base}/`);
    await byTestId('home').waitFor();
    expect(await byTestId('timeline-mission').count()).toBeGreaterThan(3);
    expect(await byTestId('timeline').textContent()).toContain("Chang'e-8");
    expect(await byTestId('partner-country').count()).toBeGreaterThan(10);
    expect(Number(await byTestId('total-projects').textContent())).toBeGreaterThanOrEqual(10);
    await page.screenshot({ path: '/tmp/orbitshare-home.png', fullPage: true });
  });

  it("navigates by clicking to the Chang'e-8 program and shows what the agency reported", async () => {
    await byTestId('nav-programs').click();
    await byTestId('program-list').waitFor();
    await page.locator('a[href="/programs/change-8-cooperation"]').first().click();
    await byTestId('program-page').waitFor();
    expect(new URL(page.url()).pathname).toBe('/programs/change-8-cooperation');

    expect(await byTestId('project-row').count()).toBe(10);
    expect(await byTestId('count-projects').textContent()).toBe('10');
    expect(await byTestId('count-countries').textContent()).toBe('11');
    expect(await byTestId('count-organisations').textContent()).toBe('1');
    expect(await byTestId('program-counts').textContent()).toBe(
      '10 projects · 11 countries and regions · 1 international organisation',
    );
    const table = (await byTestId('projects-table').textContent()) ?? '';
    for (const name of ['Hong Kong', 'SUPARCO', 'ISTVS', 'Middle East Technical University', 'Peru', 'Thailand']) {
      expect(table).toContain(name);
    }
    expect(await byTestId('native-name').count()).toBeGreaterThan(0);
    await page.screenshot({ path: '/tmp/orbitshare-change-8.png', fullPage: true });
  });

  it('marks unconfirmed facts with their note as a tooltip', async () => {
    const marker = byTestId('unconfirmed').first();
    await marker.waitFor();
    expect((await marker.getAttribute('title'))?.length).toBeGreaterThan(0);
  });

  it('follows links between pages, and the back button returns', async () => {
    await page.locator('[data-testid="projects-table"] a[href="/countries/HK"]').first().click();
    await byTestId('country-page').waitFor();
    expect(await byTestId('country-name').textContent()).toContain('Hong Kong');
    await page.goBack();
    await byTestId('program-page').waitFor();
    expect(new URL(page.url()).pathname).toBe('/programs/change-8-cooperation');
    await page.goBack();
    await byTestId('program-list').waitFor();
  });

  it('opens deep links, and shows a friendly page for an unknown record', async () => {
    await page.goto(`${base}/missions/change-8`);
    await byTestId('mission-page').waitFor();
    expect(await byTestId('host-module').count()).toBeGreaterThan(0);
    await page.goto(`${base}/programs/no-such-program`);
    await byTestId('not-found').waitFor();
    await page.goto(`${base}/nowhere/at/all`);
    await byTestId('not-found').waitFor();
  });

  it('reads on a phone', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${base}/programs/change-8-cooperation`);
    await byTestId('program-page').waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: '/tmp/orbitshare-change-8-phone.png', fullPage: true });
  });
  it('serves readable API docs listing every operation, under the strict CSP', async () => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${base}/api/docs`);
    // The document the page renders lists every API route; swagger-ui draws the operations
    // progressively (slowly, with 119 of them), so the page is checked for its first ones only.
    const listed = await page.evaluate(async () => {
      const doc = (await (await fetch('/api/docs/json')).json()) as { paths: Record<string, Record<string, unknown>> };
      return Object.values(doc.paths).reduce((n, ops) => n + Object.keys(ops).length, 0);
    });
    expect(listed).toBeGreaterThan(100);
    await page.locator('.opblock').first().waitFor();
    expect(await page.getByText('Orbitshare API').first().isVisible()).toBe(true);
    expect(errors).toEqual([]);
  });
});
