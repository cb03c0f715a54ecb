import { existsSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { renderHtml } from '../../src/report/html.js';
import type { Report } from '../../src/report/model.js';
import { catalogExpress } from '../fixtures/paths/catalog-express.js';
import { runAgainst } from '../helpers/contract.js';

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const absent = !existsSync(executablePath);

if (absent && !process.env.CI) {
  test.skip(`HTML report in headless Chromium: ${executablePath} is absent — install it with \`apt-get install -y chromium\` (or set CHROMIUM_PATH)`);
} else {
  describe('HTML report in headless Chromium', () => {
    let browser: Browser;
    let page: Page;
    let report: Report;
    const requests: string[] = [];
    const problems: string[] = [];

    beforeAll(async () => {
      report = await runAgainst({ spec: 'test/fixtures/paths/catalog.openapi.json', app: catalogExpress('schema-mismatch'), config: { fixtures: { default: { id: 1 } } } });
      const file = path.join(await mkdtemp(path.join(tmpdir(), 'specgate-html-')), 'report.html');
      await writeFile(file, renderHtml(report));
      browser = await chromium.launch({ executablePath, args: ARGS });
      page = await browser.newPage();
      page.on('request', (request) => requests.push(request.url()));
      page.on('pageerror', (error) => problems.push(error.message));
      page.on('console', (message) => problems.push(message.text()));
      await page.goto(pathToFileURL(file).href);
    });
    afterAll(() => browser?.close());

    test('opens without errors or any request besides the page itself', () => {
      expect(problems).toEqual([]);
      expect(requests.filter((url) => !url.startsWith('file:'))).toEqual([]);
    });

    test('shows the counts of the report', async () => {
      const count = (name: string) => page.locator(`[data-count="${name}"]`).textContent();
      expect(await count('passed')).toBe(String(report.summary.passed));
      expect(await count('failed')).toBe(String(report.summary.failed));
      expect(await count('skipped')).toBe(String(report.summary.skipped));
      expect(report.summary.failed).toBeGreaterThan(0);
      expect(await page.locator('#shown').textContent()).toBe('showing 4 of 4 rows');
    });

    test('a click on a cell reveals its evidence and hint', async () => {
      const failure = report.results.find((r) => r.outcome === 'fail')!;
      const cell = page.getByRole('button', { name: `${failure.check} on ${failure.operation}: failed` });
      const detail = page.locator('.detail:visible');
      expect(await detail.count()).toBe(0);
      await cell.click();
      await expect.poll(() => detail.count()).toBe(1);
      const text = await detail.innerText();
      expect(text).toContain(failure.message);
      expect(text).toContain(`Hint: ${failure.hint}`);
      expect(text).toContain(`${failure.evidence!.request.method} ${failure.evidence!.request.url}`);
      expect(text).toContain(`HTTP ${failure.evidence!.response!.status}`);
      expect(await page.locator('#panel .placeholder').isVisible()).toBe(false);
    });

    test('filters by outcome and by family', async () => {
      await page.selectOption('#outcome', 'fail');
      expect(await page.locator('tbody tr:visible').count()).toBe(new Set(report.results.filter((r) => r.outcome === 'fail').map((r) => r.operation)).size);
      expect(await page.locator('#shown').textContent()).toMatch(/^showing \d of 4 rows$/);
      await page.selectOption('#outcome', 'all');
      await page.uncheck('input[name=family][value=paths]');
      expect(await page.locator('thead th[data-family="paths"]:visible').count()).toBe(0);
      expect(await page.locator('td.cell[data-family="paths"]:visible').count()).toBe(0);
      expect(await page.locator('td.cell[data-family="errors"]:visible').count()).toBeGreaterThan(0);
    });
  });
}
