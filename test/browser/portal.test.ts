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
    await byTestId('api-docs').waitFor();
    const listed = await page.evaluate(async () => {
      const doc = (await (await fetch('/api/docs/json')).json()) as { paths: Record<string, Record<string, unknown>> };
      return Object.values(doc.paths).reduce((n, ops) => n + Object.keys(ops).length, 0);
    });
    expect(listed).toBeGreaterThan(100);
    // Every operation of the document is on the page, grouped by tag, with the problem codes.
    expect(await byTestId('api-operation').count()).toBe(listed);
    expect(await page.getByText('Orbitshare API').first().isVisible()).toBe(true);
    expect(await byTestId('problem-codes').textContent()).toContain('NOT_FOUND');
    const first = byTestId('api-operation').first();
    await first.locator('summary').click();
    await first.locator('h3').first().waitFor();
    expect(errors).toEqual([]);
  });

  it('opens what the sources say from an UNCONFIRMED badge, by mouse and by keyboard', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${base}/programs/ilrs`);
    await byTestId('program-page').waitFor();
    const badge = byTestId('unconfirmed').first();
    expect(await badge.getAttribute('aria-expanded')).toBe('false');
    await badge.click();
    expect(await badge.getAttribute('aria-expanded')).toBe('true');
    expect(await byTestId('sources-note').first().textContent()).toContain('17');
    await badge.click();
    expect(await byTestId('sources').count()).toBe(0);
    await badge.focus();
    await page.keyboard.press('Enter');
    expect(await byTestId('sources').count()).toBe(1);
  });

  it('lists missions and institutions in sortable tables, by mouse and keyboard, with CSV and JSON downloads', async () => {
    await page.goto(`${base}/missions`);
    await byTestId('missions-page').waitFor();
    expect(await byTestId('missions-table-row').count()).toBeGreaterThan(5);
    await page.goto(`${base}/institutions`);
    await byTestId('institutions-page').waitFor();
    const rows = byTestId('institutions-table-row');
    expect(await rows.count()).toBeGreaterThan(30);
    const header = page.locator('th:has([data-testid="sort-projects"])');
    expect(await header.getAttribute('aria-sort')).toBeNull();
    await byTestId('sort-projects').focus();
    await page.keyboard.press('Enter');
    expect(await header.getAttribute('aria-sort')).toBe('ascending');
    await page.keyboard.press(' ');
    expect(await header.getAttribute('aria-sort')).toBe('descending');
    const counts = await rows.evaluateAll((trs) => trs.map((tr) => Number(tr.children[3]?.textContent)));
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(counts[0]).toBeGreaterThan(0);

    const csvHref = await byTestId('download-csv').getAttribute('href');
    const csv = await page.evaluate(async (href) => {
      const r = await fetch(href!);
      return { type: r.headers.get('content-type'), disposition: r.headers.get('content-disposition'), text: await r.text() };
    }, csvHref);
    expect(csv.type).toContain('text/csv');
    expect(csv.disposition).toContain('institutions.csv');
    expect(csv.text.split('\r\n')[0]).toContain('slug,name,native_name');
    const json = await page.evaluate(async () => {
      const r = await fetch('/api/portal/institutions?format=json');
      return { disposition: r.headers.get('content-disposition'), body: await r.json() };
    });
    expect(json.disposition).toContain('institutions.json');
    expect(json.body.items.length).toBe(await rows.count());
  });
});

describe('partner map, statistics and search', () => {
  it('colours partner countries on the world map, with a table of the counts and charts', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${base}/statistics`);
    await byTestId('partner-map').locator('path').first().waitFor();
    expect(await byTestId('partner-map').locator('path').count()).toBeGreaterThan(170);
    for (const code of ['PK', 'TH', 'TR'])
      expect(await page.locator(`path[data-code="${code}"]`).getAttribute('class')).not.toContain('map-step-0');
    expect(await page.locator('path[data-code="BR"]').getAttribute('class')).toContain('map-step-0');
    expect(await byTestId('map-table-row').count()).toBeGreaterThan(20);
    expect(await byTestId('chart-programs-row').count()).toBeGreaterThan(5);
    expect(await byTestId('chart-rounds-row').count()).toBeGreaterThan(0);
    await page.screenshot({ path: '/tmp/orbitshare-statistics.png', fullPage: true });
  });

  it('searches from the home page and lists ranked matches', async () => {
    await page.goto(`${base}/search`);
    await page.getByLabel(/Search the programs/).fill('Osaka');
    await byTestId('search-submit').click();
    await byTestId('search-results').waitFor();
    expect(new URL(page.url()).search).toBe('?q=Osaka');
    expect(await byTestId('search-hit').first().textContent()).toContain('Osaka University');
  });
});

describe('public portal in Chinese (a browser whose language is Chinese)', () => {
  let zh: Page;
  beforeAll(async () => {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
    zh = await context.newPage();
  });

  const PAGES: [string, string, string][] = [
    ['/', 'home', '月球与深空探测国际合作'],
    ['/programs', 'program-list', '合作计划'],
    ['/programs/ilrs', 'program-page', '国际月球科研站'],
    ['/programs/change-8-cooperation', 'program-page', '入选项目'],
    ['/missions', 'missions-page', '任务'],
    ['/missions/change-8', 'mission-page', '可供合作载荷使用的资源'],
    ['/institutions', 'institutions-page', '机构'],
    ['/institutions/osaka-university', 'institution-page', '项目'],
    ['/countries', 'countries-table', '合作国家和地区'],
    ['/countries/HK', 'country-page', '香港'],
    ['/api/docs', 'api-docs', '错误代码'],
    ['/search?q=%E9%A6%99%E6%B8%AF', 'search-results', '香港'],
    ['/statistics', 'partner-map', '合作伙伴地图与统计'],
  ];

  it.each(PAGES)('%s speaks Chinese', async (path, testId, text) => {
    await zh.goto(`${base}${path}`);
    await zh.getByTestId(testId).waitFor();
    expect(await zh.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    expect(await zh.locator('main').textContent()).toContain(text);
  });

  it('shows Chinese names where the registry has them, and the remembered choice wins over the browser', async () => {
    await zh.goto(`${base}/programs/change-8-cooperation`);
    await zh.getByTestId('program-page').waitFor();
    expect(await zh.getByTestId('program-counts').textContent()).toBe('10 个项目 · 11 个国家和地区 · 1 个国际组织');
    expect(await zh.getByTestId('projects-table').textContent()).toContain('香港科技大學');
    await zh.evaluate(() => localStorage.setItem('orbitshare.language', 'en'));
    await zh.reload();
    await zh.getByTestId('program-page').waitFor();
    expect(await zh.getByTestId('program-counts').textContent()).toBe(
      '10 projects · 11 countries and regions · 1 international organisation',
    );
    await zh.evaluate(() => localStorage.removeItem('orbitshare.language'));
  });
});

// The public sample catalogue over the demo data: reached from the home page and a mission page, its
// table sorts, its download links answer files, and a Chinese browser reads it with Chinese units.
const names = (page: Page) => page.getByTestId('catalogue-collection-link').allTextContents();

describe('sample catalogue (issue 11 item 4)', () => {
  it('is linked from the home page, sorts by any column and offers CSV and JSON', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    await page.goto(`${base}/`);
    await page.getByTestId('catalogue-link').click();
    await page.getByTestId('catalogue-table').waitFor();
    expect(await names(page)).toEqual(["Chang'e-5 lunar samples", "Chang'e-6 lunar far-side samples"]);

    // Returned mass, largest first: Chang'e-6 (1,935.3 g) before Chang'e-5 (1,731 g).
    await page.getByTestId('sort-returned').click();
    await page.getByTestId('sort-returned').click();
    expect(await page.locator('th[aria-sort="descending"]').textContent()).toContain('Returned to Earth');
    expect(await names(page)).toEqual(["Chang'e-6 lunar far-side samples", "Chang'e-5 lunar samples"]);
    expect(await page.getByTestId('catalogue-table').textContent()).toContain('1,731 g');

    const csvHref = await page.getByTestId('download-csv').getAttribute('href');
    expect(csvHref).toBe('/api/portal/samples?format=csv');
    const csv = await page.request.get(`${base}${csvHref}`);
    expect(csv.headers()['content-disposition']).toContain('sample-collections.csv');
    expect((await csv.text()).split('\r\n')[0]).toContain('slug,name,mission,returned_mass_mg');

    // A collection's page, and the mission page links back to it.
    await page.getByTestId('catalogue-collection-link').first().click();
    await page.getByTestId('catalogue-collection-page').waitFor();
    expect(new URL(page.url()).pathname).toBe('/samples/change-6-samples');
    expect(await page.getByTestId('download-csv').first().getAttribute('href')).toBe(
      '/api/portal/samples/change-6-samples?list=types&format=csv',
    );
    await page.goto(`${base}/missions/change-5`);
    await page.getByTestId('catalogue-link-collection').click();
    await page.getByTestId('catalogue-collection-page').waitFor();
    expect(new URL(page.url()).pathname).toBe('/samples/change-5-samples');
    await page.close();
  });

  it('reads in Chinese, with masses in 克 and 毫克', async () => {
    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(`${base}/samples`);
    await page.getByTestId('catalogue-table').waitFor();
    expect(await page.locator('h1').textContent()).toBe('样品目录');
    const table = (await page.getByTestId('catalogue-table').textContent()) ?? '';
    expect(table).toContain('1,731 克');
    expect(table).toContain('0 毫克');
    await page.getByTestId('catalogue-collection-link').first().click();
    await page.getByTestId('catalogue-collection-page').waitFor();
    expect(await page.getByTestId('catalogue-figures').textContent()).toContain('可供借用');
    await context.close();
  });
});
