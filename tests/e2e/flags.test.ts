import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, recordPage, type PageLog } from './browser.ts';
import { buildAndServe } from './site.ts';

/**
 * Flags follow the enterprise (issue 10, bullet 3): a data-quality warning found at import shows
 * in 排名 (marker, and the 有数据提示 filter), in the profile and in a list export's 数据提示 column.
 *
 * tests/corpus/files/staff-exceeds-employees.csv has 5 enterprises; read by hand, only row 2
 * (甲科技有限公司, 91510100MA0000001L) has 科技人员 500 > 从业人员 50. Nothing else is flagged:
 * no cell is unreadable or negative, 研发费用 never exceeds 10× 营业收入, and no value is an
 * extreme (科技人员 11…14 and 500: Q(0.99) = 14 + 0.96·486 = 480.56, far below 480.56 + 10·469.52).
 */
const FILE = resolve(import.meta.dirname, '../corpus/files/staff-exceeds-employees.csv');
const FLAGGED = '91510100MA0000001L';
const MESSAGE = '「截至2023年底科技人员数量」500 大于「截至2023年底从业人员期末数」50';
let site: Awaited<ReturnType<typeof buildAndServe>>;
let browser: Browser;
let page: Page;
let log: PageLog;

beforeAll(async () => {
  site = await buildAndServe('/points/');
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, acceptDownloads: true });
  log = recordPage(page);
  await page.goto(`${site.url}#data`);
  await page.waitForSelector('.app[data-phase="ready"]', { timeout: 90_000 });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

const rankingRows = () => page.locator('[data-testid="ranking-table"] tbody tr');

describe('data flags in Chromium', () => {
  it('imports the file and marks the flagged row in 排名', async () => {
    await page.getByRole('tab', { name: '数据' }).click();
    await page.getByTestId('import-file').setInputFiles(FILE);
    await page.waitForFunction(() => {
      const view = document.querySelector('.data-view');
      return view?.getAttribute('data-import-phase') === 'review' && view.getAttribute('data-validating') === 'false';
    });
    const before = Number(await page.locator('.app').getAttribute('data-score-version'));
    await page.getByTestId('score-import').click();
    await page.waitForFunction((b) => Number(document.querySelector('.app')?.getAttribute('data-score-version')) > b, before, { timeout: 60_000 });
    await page.getByRole('tab', { name: '排名' }).click();
    await expect.poll(() => rankingRows().count()).toBe(5);
    const marked = await rankingRows().evaluateAll((trs) =>
      trs.map((tr) => ({ uscc: tr.querySelector('td.code')?.textContent ?? '', flag: tr.querySelector('[data-testid="flag-marker"]')?.getAttribute('aria-label') ?? '' })),
    );
    expect(marked.filter((m) => m.flag !== '').map((m) => m.uscc)).toEqual([FLAGGED]);
    expect(marked.find((m) => m.uscc === FLAGGED)!.flag).toBe(`1 条数据提示：${MESSAGE}`);
    await page.screenshot({ path: '/tmp/e2e-flags-ranking-zh.png', fullPage: true });
  });

  it('filters 排名 to the flagged rows', async () => {
    const box = page.getByLabel('只看有数据提示的企业');
    await box.check();
    await expect.poll(() => rankingRows().count()).toBe(1);
    expect(await rankingRows().locator('td.code').textContent()).toBe(FLAGGED);
    expect(await page.locator('.summary').textContent()).toContain('1 家');
    await page.screenshot({ path: '/tmp/e2e-flags-filter-zh.png', fullPage: true });
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.getByLabel('Only enterprises with a data flag').isChecked()).toBe(true);
    expect(await rankingRows().locator('[data-testid="flag-marker"]').getAttribute('aria-label')).toBe(
      '1 data flag(s): "截至2023年底科技人员数量" 500 is larger than "截至2023年底从业人员期末数" 50',
    );
    await page.screenshot({ path: '/tmp/e2e-flags-filter-en.png', fullPage: true });
    await page.getByRole('button', { name: '中文' }).click();
  });

  it('shows the message in the profile', async () => {
    await rankingRows().locator('button.open').click();
    const flags = page.getByTestId('profile-flags');
    await expect.poll(() => flags.count()).toBe(1);
    expect(await flags.locator('li').allTextContents()).toEqual([MESSAGE]);
    await page.screenshot({ path: '/tmp/e2e-flags-profile-zh.png' });
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => flags.locator('h3').textContent()).toContain('Data flags');
    await page.screenshot({ path: '/tmp/e2e-flags-profile-en.png' });
    await page.getByRole('button', { name: '中文' }).click();
  });

  it('exports the list with a 数据提示 column carrying the message as text', async () => {
    await page.getByRole('tab', { name: '情景分析' }).click();
    await page.getByRole('tab', { name: '名单', exact: true }).click();
    await expect.poll(() => page.getByTestId('list-table').locator('tbody tr').count(), { timeout: 20_000 }).toBe(5);
    expect(await page.getByTestId('list-table').locator('[data-testid="flag-marker"]').count()).toBe(1);
    await page.screenshot({ path: '/tmp/e2e-flags-list-zh.png', fullPage: true });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-xlsx').click()]);
    const path = await download.path();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await readFile(path)) as unknown as ArrayBuffer);
    const sheet = wb.worksheets.find((s) => {
      let found = false;
      s.eachRow((r) => {
        if ((r.values as unknown[]).includes('数据提示')) found = true;
      });
      return found;
    })!;
    expect(sheet).toBeDefined();
    let header: unknown[] = [];
    const rows: unknown[][] = [];
    const rowNumbers: number[] = [];
    sheet.eachRow((r, n) => {
      const v = r.values as unknown[];
      if (v.includes('数据提示')) header = v;
      else if (header.length) {
        rows.push(v);
        rowNumbers.push(n);
      }
    });
    const flagCol = header.indexOf('数据提示');
    const usccCol = header.indexOf('统一社会信用代码');
    expect(rows).toHaveLength(5);
    const byUscc = new Map(rows.map((r) => [r[usccCol], r[flagCol] ?? '']));
    expect(byUscc.get(FLAGGED)).toBe(MESSAGE);
    for (const [uscc, text] of byUscc) if (uscc !== FLAGGED) expect(text).toBe('');
    // Written as text, never as a formula (the export's formula-injection rule covers this column).
    const cell = sheet.getRow(rowNumbers[rows.findIndex((r) => r[usccCol] === FLAGGED)]).getCell(flagCol);
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.formula).toBeUndefined();
  });

  it('logged no console error', () => {
    expect(log.errors).toEqual([]);
  });
});
