// A person's view of the demo in headless Chromium (Debian's chromium, driven by playwright-core): the
// page shows the three styles side by side with their GraphQL, REST and SQL; the numbered controls and
// Next/Previous browse it; GraphiQL loads and runs a query with every request off localhost blocked.
import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { describeNeeding } from '../../support/databases';
import { runDemo, type RunningDemo } from './demo-server';

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
// Screenshots for a person to look at (not compared: pixels differ across fonts and Chromium versions).
const SCREENSHOTS = process.env['DEMO_SCREENSHOTS'] ?? join(tmpdir(), 'pagewise-demo-screenshots');
const missing = existsSync(CHROMIUM) ? null : `no Chromium at ${CHROMIUM} (apt-get install chromium; .ci/run installs it)`;

describeNeeding(missing, 'demo page in a browser', () => {
  let running: RunningDemo;
  let browser: Browser;

  beforeAll(async () => {
    running = await runDemo(95);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await running?.stop();
  });

  it('shows the three styles side by side, each with its GraphQL query, REST body and SQL (screenshot)', async () => {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1200 } });
    await page.goto(`${running.demo.origin}/?page=2&page_size=5`);
    await expect(page.locator('#count').textContent()).resolves.toBe('95 articles, page 2');
    for (const style of ['page-number', 'limit-offset', 'cursor']) {
      const column = page.locator(`section#${style}`);
      await expect(column.isVisible()).resolves.toBe(true);
      await expect(column.locator('.rows tr').count()).resolves.toBe(5);
      await expect(column.locator('.rows tr').first().locator('td').first().textContent()).resolves.toBe('90');
      await expect(column.locator('pre.graphql').isVisible()).resolves.toBe(true);
      await expect(column.locator('pre.rest').isVisible()).resolves.toBe(true);
      await expect(column.locator('pre.sql').isVisible()).resolves.toBe(true);
    }
    await expect(page.locator('section#page-number pre.sql').textContent()).resolves.toMatch(/limit 6 offset 5/);
    await expect(page.locator('section#cursor pre.sql').textContent()).resolves.toMatch(/where \(\(`e`\.`created_at`, `e`\.`id`\) <= \(/);
    await expect(page.locator('section#cursor pre.graphql').textContent()).resolves.toContain(
      'articleFeed(first: $first, after: $after, last: $last, before: $before)',
    );
    // Side by side: the three columns share a row of the layout.
    const boxes = await Promise.all(
      ['page-number', 'limit-offset', 'cursor'].map((style) => page.locator(`section#${style}`).boundingBox()),
    );
    expect(new Set(boxes.map((box) => Math.round(box!.y))).size).toBe(1);
    expect(boxes[0]!.x).toBeLessThan(boxes[1]!.x);
    expect(boxes[1]!.x).toBeLessThan(boxes[2]!.x);
    mkdirSync(SCREENSHOTS, { recursive: true });
    const shot = await page.screenshot({ path: join(SCREENSHOTS, 'demo-page.png'), fullPage: true });
    expect(shot.length).toBeGreaterThan(10_000);
    await page.close();
  }, 60_000);

  it('browses pages with the numbered controls', async () => {
    const page = await browser.newPage();
    await page.goto(`${running.demo.origin}/`);
    await expect(page.locator('#count').textContent()).resolves.toBe('95 articles, page 1');
    await expect(page.locator('#page-number .rows tr').count()).resolves.toBe(10);
    await expect(page.locator('#page-number .rows tr').first().locator('td').first().textContent()).resolves.toBe('95'); // the newest; ties by -id

    // 10 pages: DRF shows 1, 2, 3, …, 10 from page 1.
    const labels = await page.locator('nav .pagination__item').allTextContents();
    expect(labels.map((text) => text.trim())).toEqual(['«', '1', '2', '3', '…', '10', '»']);

    await page.getByRole('link', { name: 'Page 2' }).click();
    await expect(page.locator('#count').textContent()).resolves.toBe('95 articles, page 2');
    await expect(page.locator('[aria-current="page"]').textContent()).resolves.toBe('2');

    await page.getByRole('link', { name: 'Page 10' }).click();
    for (const style of ['page-number', 'limit-offset', 'cursor'])
      await expect(page.locator(`#${style} .rows tr`).count()).resolves.toBe(5);
    await expect(page.locator('[aria-disabled="true"]').first().getAttribute('aria-label')).resolves.toBe('Next page');

    await page.getByRole('link', { name: 'Previous page' }).click();
    await expect(page.locator('#count').textContent()).resolves.toBe('95 articles, page 9');
    await page.close();
  }, 60_000);

  it('walks the three styles together with Next and Previous until the end', async () => {
    const page = await browser.newPage();
    await page.goto(`${running.demo.origin}/?page_size=20`);
    const seen: string[] = [];
    for (let step = 0; step < 10; step += 1) {
      const ids = await page.locator('#cursor .rows tr td:first-child').allTextContents();
      expect(await page.locator('#limit-offset .rows tr td:first-child').allTextContents()).toEqual(ids);
      seen.push(...ids);
      if ((await page.locator('#walk-next').count()) === 0) break;
      await page.locator('#walk-next').click();
    }
    expect(seen).toHaveLength(95);
    expect(new Set(seen).size).toBe(95);
    await page.locator('#walk-previous').click();
    await expect(page.locator('#count').textContent()).resolves.toBe('95 articles, page 4');
    await expect(page.locator('#cursor .rows tr td:first-child').allTextContents()).resolves.toEqual(seen.slice(60, 80));
    await page.close();
  }, 60_000);

  it('shows an error as a readable page', async () => {
    const page = await browser.newPage();
    const response = await page.goto(`${running.demo.origin}/?page=0`);
    expect(response?.status()).toBe(404);
    await expect(page.locator('#error').textContent()).resolves.toBe('Invalid page.');
    await page.close();
  }, 60_000);

  it('loads GraphiQL with every request off localhost blocked, and runs a query in it', async () => {
    const context = await browser.newContext();
    const blocked: string[] = [];
    await context.route('**/*', (route) => {
      const { hostname } = new URL(route.request().url());
      if (hostname === '127.0.0.1' || hostname === 'localhost') return route.continue();
      blocked.push(route.request().url());
      return route.abort('internetdisconnected');
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${running.demo.origin}/graphql`);
    await page.locator('.graphiql-container').waitFor({ timeout: 30_000 });
    await page.locator('.graphiql-query-editor .CodeMirror').first().waitFor();
    await expect(page.locator('body').textContent()).resolves.not.toMatch(/offline|cannot be loaded/i);
    await page.locator('.graphiql-execute-button').click();
    mkdirSync(SCREENSHOTS, { recursive: true });
    try {
      await page.locator('.result-window', { hasText: '"edges"' }).waitFor({ timeout: 30_000 });
    } finally {
      await page.screenshot({ path: join(SCREENSHOTS, 'graphiql-offline.png') });
    }
    // The result editor renders only the lines in view: the first edge's cursor and node are.
    await expect(page.locator('.result-window').textContent()).resolves.toMatch(/"cursor":.*"node":.*"databaseId": 95/s);
    expect(errors).toEqual([]);
    expect(blocked).toEqual([]);
    await context.close();
  }, 90_000);
});
