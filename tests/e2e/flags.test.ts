import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readOutput, runCli, stderrLines } from '../cli/run-cli.ts';
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

  it('refuses an as-of date the CLI would exclude enterprises for, with the same count and reason', async () => {
    // Registration dates in the file: 2020-06-01, 2015-03-15, 2008-11-30, 2021-01-10, 2019-07-07.
    // At 2020-01-01, by hand, 2020-06-01 and 2021-01-10 are after the date: 2 excluded.
    const asOf = '2020-01-01';
    const dir = await mkdtemp(join(tmpdir(), 'ipw-e2e-flags-'));
    try {
      const output = join(dir, 'out.csv');
      const r = await runCli(['--system', 'sichuan-2024', '--input', FILE, '--output', output, '--as-of', asOf]);
      expect(r.code, r.stderr).toBe(0);
      const excluded = stderrLines(r, 'excluded ');
      expect(excluded).toHaveLength(2);
      expect(excluded.every((l) => l.endsWith('registration_date after as-of date'))).toBe(true);
      expect((await readOutput(output)).rows).toHaveLength(3);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    await page.getByRole('tab', { name: '排名' }).click();
    const field = page.getByTestId('context-as-of');
    await field.fill(asOf);
    await field.press('Enter');
    const error = page.getByTestId('context-as-of-error');
    await expect.poll(() => error.count()).toBe(1);
    const text = await error.textContent();
    expect(text).toContain('评价基准日 2020-01-01 早于 2 家企业的注册日期');
    expect(text).toContain('注册日期晚于基准日的企业不参与评分');
    expect(text).toContain('不早于 2021-01-10');
    expect(text).not.toContain('--as-of');
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    // Refused: the scenario keeps the default date, all 5 enterprises stay scored, nothing is modified.
    expect(await page.getByTestId('context-modified').count()).toBe(0);
    await page.screenshot({ path: '/tmp/e2e-asof-refused-zh.png' });
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => error.textContent()).toContain('before the registration date of 2 enterprises');
    await page.screenshot({ path: '/tmp/e2e-asof-refused-en.png' });
    await page.getByRole('button', { name: '中文' }).click();
    // The latest registration date itself is accepted (not after the as-of date).
    await field.fill('2021-01-10');
    await field.press('Enter');
    await expect.poll(() => error.count()).toBe(0);
    await expect.poll(() => page.getByTestId('context-modified').count()).toBe(1);
  });

  it('logged no console error', () => {
    expect(log.errors).toEqual([]);
  });
});
