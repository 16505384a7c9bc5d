import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, recordPage, type PageLog } from './browser.ts';
import { buildAndServe } from './site.ts';

/**
 * 边缘企业的权重稳定区间 in 情景分析 → 名单, in headless Chromium on the demo (default list: the
 * top 100 of all enterprises). The table's cut line is checked against the list's own 入选最低分,
 * and its "most sensitive weight" is checked by doing what it says: typing that weight just past
 * the interval's end in 权重 and finding the enterprise out of the top 100 in 排名.
 */
let site: Awaited<ReturnType<typeof buildAndServe>>;
let browser: Browser;
let page: Page;
let log: PageLog;

const num = (s: string) => Number(s.replace('%', '').replace(/,/g, '').trim());

beforeAll(async () => {
  site = await buildAndServe('/points/');
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  log = recordPage(page);
  await page.goto(site.url);
  await page.waitForSelector('.app[data-phase="ready"]', { timeout: 60_000 });
  await page.getByRole('tab', { name: '情景分析' }).click();
  await page.getByRole('tab', { name: '名单', exact: true }).click();
  await page.getByTestId('list-table').locator('tbody tr').nth(49).waitFor({ timeout: 30_000 });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

type Row = string[];
const tableRows = (): Promise<Row[]> =>
  page
    .getByTestId('borderline-table')
    .locator('tbody tr')
    .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => (td.textContent ?? '').trim())));

describe('borderline enterprises of the list', () => {
  let first: Row;

  it('3 on each side: the listed ones from the cut line up, the others from it down; the last listed one is on the line', async () => {
    const panel = page.getByTestId('borderline');
    await panel.getByLabel('每侧企业数').fill('3');
    await panel.getByRole('button', { name: '计算边缘企业' }).click();
    await expect.poll(() => page.getByTestId('borderline-table').locator('tbody tr').count(), { timeout: 30_000 }).toBe(6);
    expect(await page.getByTestId('borderline-status').textContent()).toMatch(/^按名单“前 N 名: N = 100 \(全部企业\)”计算：在榜 3 家、榜外 3 家。/);
    const rows = await tableRows();
    // Columns: rank, name, stage, score, status, margin, key weight, weight, interval, change, decisive, flags.
    expect(rows.map((r) => r[4])).toEqual(['在榜', '在榜', '在榜', '榜外', '榜外', '榜外']);
    const margins = rows.map((r) => num(r[5]));
    expect(margins[0]).toBe(0);
    expect(margins[0] <= margins[1] && margins[1] <= margins[2]).toBe(true);
    expect(margins.slice(3).every((m) => m < 0)).toBe(true);
    expect(margins[3] >= margins[4] && margins[4] >= margins[5]).toBe(true);
    // The line is the list's lowest listed score (the 名单 view's own per-group table).
    const minListed = await page.locator('table.groups tbody tr td').nth(3).textContent();
    expect(rows[0][3]).toBe(minListed!.trim());
    expect(rows.slice(0, 3).every((r) => num(r[0]) <= 100)).toBe(true);
    expect(rows.slice(3).every((r) => num(r[0]) > 100)).toBe(true);
    first = rows[0];
    await panel.screenshot({ path: '/tmp/e2e-borderline-zh.png' });
  });

  it('reads in English, and a count out of range is refused at the field', async () => {
    const panel = page.getByTestId('borderline');
    await page.getByRole('button', { name: 'English' }).click();
    expect(await panel.getByRole('heading').textContent()).toMatch(/^Weight stability of the borderline enterprises/);
    expect((await tableRows()).map((r) => r[4])).toEqual(['Listed', 'Listed', 'Listed', 'Not listed', 'Not listed', 'Not listed']);
    await panel.screenshot({ path: '/tmp/e2e-borderline-en.png' });
    await panel.getByLabel('Enterprises on each side').fill('0');
    expect(await panel.getByRole('alert').textContent()).toBe('Enterprises on each side must be a whole number from 1 to 200');
    expect(await panel.getByRole('button', { name: 'Compute borderline enterprises' }).isDisabled()).toBe(true);
    await panel.getByLabel('Enterprises on each side').fill('3');
    await page.getByRole('button', { name: '中文' }).click();
  });

  it('moving the last listed enterprise’s most sensitive weight just past its interval takes it out of the top 100', async () => {
    const [, name, stage, , , , indicator, weight, interval] = first;
    const w = num(weight);
    const [lo, hi] = interval.split('–').map(num);
    // Past the nearer end by 0.05 percentage points (the table shows 0.01).
    const target = w - lo <= hi - w ? lo - 0.05 : hi + 0.05;
    await page.getByRole('tab', { name: '权重' }).click();
    const field = page.getByRole('textbox', { name: `${indicator} — ${stage} 权重（%）`, exact: true });
    await field.fill(target.toFixed(2));
    await field.press('Enter');
    await page.getByRole('tab', { name: '排名' }).click();
    await page.getByLabel('搜索企业名称或信用代码').fill(name);
    await expect.poll(async () => page.getByTestId('ranking-table').locator('tbody tr').first().textContent(), { timeout: 20_000 }).toContain(name);
    const rank = await page.getByTestId('ranking-table').locator('tbody tr').first().locator('td').first().textContent();
    expect(num(rank!)).toBeGreaterThan(100);
  });

  it('a re-score drops the table (it belonged to the old scores)', async () => {
    await page.getByRole('tab', { name: '情景分析' }).click();
    await page.getByRole('tab', { name: '名单', exact: true }).click();
    await expect.poll(() => page.getByTestId('borderline-table').count(), { timeout: 30_000 }).toBe(0);
  });

  it('logged no console error', () => {
    expect(log.errors).toEqual([]);
  });
});
