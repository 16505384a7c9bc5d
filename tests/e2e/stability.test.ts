import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, recordPage, type PageLog } from './browser.ts';
import { buildAndServe } from './site.ts';

/**
 * 权重稳定区间 in 企业画像, in headless Chromium on the demo (Sichuan 2024, 18 indicators): the
 * intervals are computed in the scoring worker on request and shown per indicator. For the
 * top-ranked enterprise and a top-1 rule each current weight must lie inside its interval (it is
 * on the list now); for a place count that cannot be typed, the field says so and nothing runs.
 */
let site: Awaited<ReturnType<typeof buildAndServe>>;
let browser: Browser;
let page: Page;
let log: PageLog;

const percent = (s: string) => Number(s.replace('%', '').replace(/,/g, '').trim()) / 100;

beforeAll(async () => {
  site = await buildAndServe('/points/');
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  log = recordPage(page);
  await page.goto(site.url);
  await page.waitForSelector('.app[data-phase="ready"]', { timeout: 60_000 });
  await page.getByRole('tab', { name: '企业画像' }).click();
  await page.getByTestId('profile-open-first').click();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe('weight stability intervals in the profile', () => {
  it('top 1 for the top-ranked enterprise: 18 weights, each current weight inside its interval', async () => {
    const panel = page.getByTestId('profile-stability');
    await panel.getByLabel('名额 N').fill('1');
    await panel.getByRole('button', { name: '计算稳定区间' }).click();
    const rows = panel.getByTestId('stability-table').locator('tbody tr');
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(18);
    expect(await panel.getByTestId('stability-status').textContent()).toBe('当前在前 1 名（全部企业）之内');
    const cells = await rows.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
    for (const [weight, range, enter] of cells) {
      const w = percent(weight);
      const inside = range.split('；').some((r) => {
        const [lo, hi] = r.split('–').map(percent);
        return w >= lo - 5e-5 && w <= hi + 5e-5; // shown to 0.01 %
      });
      expect(inside, `${weight} in ${range}`).toBe(true);
      expect(enter).toBe('—');
    }
    await panel.screenshot({ path: '/tmp/e2e-stability-zh.png' });
  });

  it('refuses 0 places at the field and reads in English', async () => {
    const panel = page.getByTestId('profile-stability');
    await panel.getByLabel('名额 N').fill('0');
    expect(await panel.getByRole('alert').textContent()).toBe('名额须为 1 及以上的整数');
    expect(await panel.getByRole('button', { name: '计算稳定区间' }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'English' }).click();
    expect(await panel.getByRole('heading').textContent()).toMatch(/^Weight stability intervals/);
    expect(await panel.getByRole('alert').textContent()).toBe('Places must be a whole number of 1 or more');
    await panel.getByLabel('Places N').fill('100');
    await panel.getByRole('button', { name: 'Compute the intervals' }).click();
    await expect.poll(() => panel.getByTestId('stability-table').locator('tbody tr').count(), { timeout: 30_000 }).toBe(18);
    await panel.screenshot({ path: '/tmp/e2e-stability-en.png' });
    await page.getByRole('button', { name: '中文' }).click();
  });

  it('a re-score drops the intervals (they belonged to the old scores)', async () => {
    const panel = page.getByTestId('profile-stability');
    await panel.getByLabel('名额 N').fill('100');
    await panel.getByRole('button', { name: '计算稳定区间' }).click();
    await expect.poll(() => panel.getByTestId('stability-table').count(), { timeout: 30_000 }).toBe(1);
    // Typing another N does not relabel the table: it still names the rule it was computed for.
    await panel.getByLabel('名额 N').fill('5');
    expect(await panel.getByTestId('stability-status').textContent()).toMatch(/前 100 名（全部企业）/);
    await page.getByRole('tab', { name: '权重' }).click();
    const field = page.getByRole('textbox', { name: '研发费用金额 — 稳定期 权重（%）', exact: true });
    await field.fill('30');
    await field.press('Enter');
    await page.getByRole('tab', { name: '企业画像' }).click();
    await expect.poll(() => panel.getByTestId('stability-table').count(), { timeout: 30_000 }).toBe(0);
  });

  it('logged no console error', () => {
    expect(log.errors).toEqual([]);
  });
});
