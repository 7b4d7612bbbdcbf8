// A person's view of the demo page in headless Chromium (Debian's chromium, driven by playwright-core):
// the REST page controls browse the table, and "Load more" grows the GraphQL list.
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { runDemo, type RunningDemo } from './demo-server';

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
if (!available && process.env['CI'] !== 'true') {
  console.warn(`Skipping the browser test: no Chromium at ${CHROMIUM} (apt-get install chromium; .ci/run installs it).`);
}
const describeBrowser = available || process.env['CI'] === 'true' ? describe : describe.skip;

describeBrowser('demo page in a browser', () => {
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

  it('browses pages with the numbered controls', async () => {
    const page = await browser.newPage();
    await page.goto(`${running.demo.origin}/`);
    await expect(page.locator('#count').textContent()).resolves.toBe('95 articles, page 1');
    await expect(page.locator('#rows tr').count()).resolves.toBe(10);
    await expect(page.locator('#rows tr').first().locator('td').first().textContent()).resolves.toBe('95'); // the newest; ties by -id

    // 10 pages: DRF shows 1, 2, 3, …, 10 from page 1.
    const labels = await page.locator('nav .pagination__item').allTextContents();
    expect(labels.map((text) => text.trim())).toEqual(['«', '1', '2', '3', '…', '10', '»']);

    await page.getByRole('link', { name: 'Page 2' }).click();
    await expect(page.locator('#count').textContent()).resolves.toBe('95 articles, page 2');
    await expect(page.locator('[aria-current="page"]').textContent()).resolves.toBe('2');

    await page.getByRole('link', { name: 'Page 10' }).click();
    await expect(page.locator('#rows tr').count()).resolves.toBe(5);
    await expect(page.locator('[aria-disabled="true"]').first().getAttribute('aria-label')).resolves.toBe('Next page');

    await page.getByRole('link', { name: 'Previous page' }).click();
    await expect(page.locator('#count').textContent()).resolves.toBe('95 articles, page 9');
    await page.close();
  }, 60_000);

  it('loads more rows from the GraphQL connection until there are none', async () => {
    const page = await browser.newPage();
    await page.goto(`${running.demo.origin}/`);
    const button = page.getByRole('button', { name: 'Load more' });
    await button.click();
    await page.locator('#feed li').nth(9).waitFor();
    await button.click();
    await page.locator('#feed li').nth(19).waitFor();
    const items = await page.locator('#feed li').allTextContents();
    expect(new Set(items).size).toBe(20);
    expect(items[0]).toMatch(/^#95 /);
    for (let clicks = 0; clicks < 10 && (await button.isEnabled()); clicks += 1) {
      const before = await page.locator('#feed li').count();
      await button.click();
      await page.locator('#feed li').nth(before).waitFor();
    }
    await expect(page.locator('#feed li').count()).resolves.toBe(95);
    await expect(button.isDisabled()).resolves.toBe(true);
    await page.close();
  }, 60_000);
});
