import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getSystem } from '../../src/systems/index.ts';
import { launchChromium, recordPage, type PageLog } from './browser.ts';
import { buildAndServe } from './site.ts';

/**
 * 情景分析 → 统计审核 in headless Chromium on the demo (published weights). The statistics
 * themselves are checked against numpy/scipy in tests/whatif/audit.test.ts; here: the view shows
 * the population the rest of the app scores, the nominal weights are the system's published ones,
 * the tables are consistent with each other and with the XLSX, and the view reads in English.
 */
let site: Awaited<ReturnType<typeof buildAndServe>>;
let browser: Browser;
let ctx: BrowserContext;
let page: Page;
let log: PageLog;
// The demo is scored with the Sichuan 2024 system's published weights.
const system = getSystem('sichuan-2024')!;

const num = (s: string) => Number(s.replace('%', '').replace(/,/g, '').trim());

beforeAll(async () => {
  site = await buildAndServe('/points/');
  browser = await launchChromium();
  ctx = await browser.newContext({ viewport: { width: 1440, height: 1000 }, timezoneId: 'Asia/Shanghai', acceptDownloads: true });
  page = await ctx.newPage();
  log = recordPage(page);
  await page.goto(site.url);
  await page.waitForSelector('.app[data-phase="ready"]', { timeout: 60_000 });
  await page.getByRole('tab', { name: '情景分析' }).click();
  await page.getByRole('tab', { name: '统计审核', exact: true }).click();
  await page.getByTestId('audit-status').waitFor({ timeout: 60_000 });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

const rowsOf = (testid: string) =>
  page
    .getByTestId(testid)
    .locator('tbody tr')
    .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => (c.textContent ?? '').trim())));

describe('the statistical audit view', () => {
  it('audits the 30,000 demo enterprises; the effective weights are sorted and name the driver', async () => {
    const status = (await page.getByTestId('audit-status').textContent()) ?? '';
    expect(status).toMatch(/已审核 29,985 家企业/); // the demo's 30,000 rows less its 15 excluded ones (see 数据)
    expect(status).toMatch(/本范围 29,985 家企业，其中未被否决的 [\d,]+ 家用于有效权重。/);
    const rows = await rowsOf('audit-effective-table');
    expect(rows).toHaveLength(system.indicators.length);
    const eff = rows.map((r) => num(r[2]));
    for (const e of eff) expect(e >= 0 && e <= 100).toBe(true);
    for (let i = 1; i < eff.length; i++) expect(eff[i]).toBeLessThanOrEqual(eff[i - 1]);
    const driver = (await page.getByTestId('audit-driver').textContent()) ?? '';
    expect(driver).toContain(`“${rows[0][0]}”`);
    expect(driver).toContain(`有效权重 ${rows[0][2]}`);
    await page.screenshot({ path: '/tmp/audit-zh.png', fullPage: true });
  });

  it("a stage scope shows that stage's published weights as nominal weights, and the stages add up to all", async () => {
    const total = num(((await page.getByTestId('audit-status').textContent()) ?? '').match(/本范围 ([\d,]+) 家/)![1]);
    let sum = 0;
    for (const st of system.stages) {
      await page.getByTestId('audit-scope').selectOption(st.id);
      await expect.poll(async () => (await page.getByTestId('audit-status').textContent()) ?? '').not.toMatch(new RegExp(`本范围 ${total.toLocaleString('en-US')} 家`));
      sum += num(((await page.getByTestId('audit-status').textContent()) ?? '').match(/本范围 ([\d,]+) 家/)![1]);
      const rows = await rowsOf('audit-effective-table');
      for (const ind of system.indicators) {
        const row = rows.find((r) => r[0] === ind.name.zh)!;
        expect(num(row[1]), `${st.id} ${ind.id}`).toBeCloseTo(100 * (ind.weights[st.id] ?? 0), 2);
      }
    }
    expect(sum).toBe(total);
    await page.getByTestId('audit-scope').selectOption('all');
  });

  it('coverage below 65 % and the skewness rule are flagged in the same row; the correlation table has a unit diagonal', async () => {
    const rows = await rowsOf('audit-coverage-table');
    expect(rows).toHaveLength(system.indicators.length);
    for (const r of rows) {
      const coverage = num(r[2]);
      expect(coverage >= 0 && coverage <= 100).toBe(true);
      expect(r[9].includes('覆盖率低于 65%')).toBe(coverage < 65);
      const [skew, kurt] = [num(r[3]), num(r[4])];
      if (Number.isFinite(skew)) expect(r[9].includes('原始值偏态明显')).toBe(Math.abs(skew) > 2 && kurt > 3.5);
    }
    await page.getByRole('radio', { name: '斯皮尔曼 ρ' }).check();
    const matrix = await page
      .getByTestId('audit-correlation')
      .locator('table.matrix tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((c) => (c.textContent ?? '').trim())));
    expect(matrix).toHaveLength(system.indicators.length);
    matrix.forEach((r, i) => expect(['1', '1.000', '—']).toContain(r[i]));
    for (let i = 0; i < matrix.length; i++) for (let j = 0; j < i; j++) expect(matrix[i][j]).toBe(matrix[j][i]);
  });

  it('the XLSX holds the same effective weights as the screen, a sheet per statistic, injection-safe names', async () => {
    const screen = await rowsOf('audit-effective-table');
    const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByTestId('audit-export').click()]);
    expect(dl.suggestedFilename()).toMatch(/^统计审核-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const bytes = await readFile(await dl.path());
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['覆盖率与分布', '相关系数', '同类负相关', '克朗巴哈α', '主成分', '有效权重', '审核范围', '方案说明']);
    const eff = wb.getWorksheet('有效权重')!;
    expect(eff.getRow(1).values).toEqual([undefined, '审核范围', '指标', '类别', '名义权重', '有效权重 Sᵢ', 'r²', '分箱数']);
    const all = new Map<string, number>();
    eff.eachRow((row, r) => {
      if (r > 1 && row.getCell(1).value === '全部企业') all.set(String(row.getCell(2).value), Number(row.getCell(5).value));
    });
    expect(all.size).toBe(system.indicators.length);
    for (const r of screen) expect(100 * all.get(r[0])!).toBeCloseTo(num(r[2]), 1);
    const notes = wb.getWorksheet('方案说明')!;
    expect(String(notes.getCell('A1').value)).toBe('方案 Scenario');
  });

  it('reads in English', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Statistical audit' }).waitFor();
    const text = (await page.getByTestId('audit').innerText()) ?? '';
    expect(text).toMatch(/Audited 29,985 enterprises/);
    expect(text).toContain('Nominal against effective weights');
    expect(text).not.toMatch(/[\u4e00-\u9fff]/);
    await page.screenshot({ path: '/tmp/audit-en.png', fullPage: true });
    await page.getByRole('button', { name: '中文' }).click();
  });

  it('logs no page error', () => {
    expect(log.errors).toEqual([]);
  });
});
