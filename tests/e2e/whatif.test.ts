import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foreignRequests, launchChromium, recordPage, type PageLog } from './browser.ts';
import { buildAndServe } from './site.ts';

/**
 * The 情景分析 section in real headless Chromium, as a new user would try it: change a weight, see
 * who enters and leaves the list and why, run a small Monte Carlo analysis with a progress bar,
 * copy the link and open it in a fresh browser context (same weights), and open a hostile link
 * (a message, no script, no error). Nothing may leave the page's origin.
 */
let site: Awaited<ReturnType<typeof buildAndServe>>;
let browser: Browser;
let page: Page;
const logs: PageLog[] = [];
const contexts: BrowserContext[] = [];

const SLIDER = (stage: string) => `与主营业务相关的PCT专利申请量 — ${stage} 权重`;

async function open(url: string): Promise<{ page: Page; log: PageLog }> {
  const ctx = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  contexts.push(ctx);
  const p = await ctx.newPage();
  const log = recordPage(p);
  logs.push(log);
  await p.goto(url);
  await p.waitForSelector('.app[data-phase="ready"]', { timeout: 60_000 });
  return { page: p, log };
}

const scoreVersion = (p: Page) => p.locator('.app').getAttribute('data-score-version').then(Number);

beforeAll(async () => {
  site = await buildAndServe('/points/');
  browser = await launchChromium();
  ({ page } = await open(site.url));
}, 120_000);

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await browser?.close();
  await site?.close();
});

describe('what-if analysis in Chromium', () => {
  it('a changed weight shows who enters and leaves the top-100 list, with reasons', async () => {
    await page.getByRole('tab', { name: '权重' }).click();
    for (const stage of ['初创期', '成长期', '稳定期']) {
      const v = await scoreVersion(page);
      // Weights are typed as percentages: 60 means 0.6 (the sliders stop at 30 % while all weights fit).
      await page.getByRole('textbox', { name: `${SLIDER(stage)}（%）` }).fill('60');
      await page.getByRole('textbox', { name: `${SLIDER(stage)}（%）` }).press('Enter');
      await page.waitForFunction((b) => Number(document.querySelector('.app')?.getAttribute('data-score-version')) > b, v);
    }
    await page.getByRole('tab', { name: '情景分析' }).click();
    await page.getByRole('tab', { name: '方案对比' }).click();
    const entries = page.getByTestId('list-entries');
    await expect.poll(() => entries.locator('tbody tr td.reasons').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    const reasons = await entries.locator('tbody tr td.reasons').allTextContents();
    expect(reasons.every((r) => r.trim().length > 0)).toBe(true);
    expect(reasons.join('|')).toContain('PCT');
    expect(await page.getByTestId('list-exits').locator('tbody tr td.reasons').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('weight-diff').locator('tbody tr').count()).toBeGreaterThanOrEqual(3);
    const rho = Number(await page.getByTestId('spearman').textContent());
    expect(rho).toBeGreaterThan(0);
    expect(rho).toBeLessThan(1);
    await expect.poll(() => page.locator('[data-testid="rank-shift-chart"] svg').count()).toBeGreaterThan(0);
    await page.screenshot({ path: '/tmp/e2e-whatif-compare.png', fullPage: true });
  });

  it('runs a small Monte Carlo analysis with a moving progress bar and a results table', async () => {
    await page.getByRole('tab', { name: '蒙特卡洛' }).click();
    await page.getByLabel('抽样次数').fill('50');
    await page.getByLabel('抽样次数').blur();
    await page.getByTestId('mc-run').click();
    const progress = page.getByTestId('mc-progress');
    await expect.poll(() => progress.evaluate((e) => (e as HTMLProgressElement).value), { timeout: 30_000 }).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('mc-table').locator('tbody tr').count(), { timeout: 30_000 }).toBeGreaterThan(10);
    expect(await progress.evaluate((e) => [(e as HTMLProgressElement).value, (e as HTMLProgressElement).max])).toEqual([50, 50]);
    expect(await page.getByTestId('mc-summary').textContent()).toContain('种子 20240601');
    await expect.poll(() => page.locator('[data-testid="mc-chart"] svg').count()).toBeGreaterThan(0);
    await page.screenshot({ path: '/tmp/e2e-whatif-mc.png', fullPage: true });
    // The profile shows the enterprise's interval from the same run.
    await page.getByRole('tab', { name: '企业画像' }).click();
    await page.getByRole('button', { name: /查看第一名/ }).click();
    const mc = page.getByTestId('profile-mc');
    await expect.poll(() => mc.count(), { timeout: 15_000 }).toBe(1);
    expect(await mc.textContent()).toMatch(/在 50 次权重抽样中（种子 20240601），排名中位数 \d+，5%–95% 区间 \[\d+, \d+\]/);
    await page.getByRole('tab', { name: '情景分析' }).click();
  });

  it('copies a link that restores the same weights in a fresh browser', async () => {
    await page.getByRole('tab', { name: '方案', exact: true }).click();
    await page.getByTestId('copy-link').click();
    const url = await page.getByTestId('share-url').inputValue();
    expect(url).toMatch(/#s=[A-Za-z0-9_-]+/);
    await page.getByRole('tab', { name: '权重' }).click();
    const topBefore = await page.getByTestId('preview-top').locator('tbody tr td.name').allTextContents();

    const fresh = await open(url);
    await fresh.page.waitForSelector('[data-link-status="applied"]');
    await fresh.page.getByRole('tab', { name: '权重' }).click();
    for (const stage of ['初创期', '成长期', '稳定期']) {
      expect(await fresh.page.getByRole('slider', { name: SLIDER(stage) }).inputValue()).toBe('0.6');
    }
    const top = fresh.page.getByTestId('preview-top').locator('tbody tr td.name');
    await expect.poll(() => top.allTextContents()).toEqual(topBefore);
    await fresh.page.screenshot({ path: '/tmp/e2e-whatif-link.png', fullPage: true });
  });

  it('a hostile link shows a message, runs nothing and logs no error', async () => {
    const hostile = await open(`${site.url}#s=%3Cscript%3Ealert(1)%3C%2Fscript%3E`);
    const banner = hostile.page.getByTestId('link-banner');
    await expect.poll(() => banner.getAttribute('role')).toBe('alert');
    expect(await banner.textContent()).toContain('链接已损坏');
    expect(await hostile.page.locator('[data-testid="link-banner"] script').count()).toBe(0);
    expect(await hostile.page.locator('[data-link-status="rejected"]').count()).toBe(1);
    await hostile.page.screenshot({ path: '/tmp/e2e-whatif-hostile.png' });
    expect(hostile.log.errors).toEqual([]);
  });

  it('renders the other views: sensitivity, agreement, lists, scenarios, report, presenter', async () => {
    await page.getByRole('tab', { name: '情景分析' }).click();
    await page.getByRole('tab', { name: '敏感性', exact: true }).click();
    await expect.poll(() => page.getByTestId('sensitivity-table').locator('tbody tr').count(), { timeout: 20_000 }).toBeGreaterThan(10);
    await expect.poll(() => page.locator('[data-testid="tornado-chart"] svg').count()).toBeGreaterThan(0);
    await page.screenshot({ path: '/tmp/e2e-whatif-sensitivity.png', fullPage: true });
    await page.getByRole('tab', { name: '方法吻合度' }).click();
    await expect.poll(() => page.getByTestId('agreement-verdict').count(), { timeout: 30_000 }).toBe(1);
    await expect.poll(() => page.getByTestId('cross-verdict').count(), { timeout: 30_000 }).toBe(1);
    expect(await page.getByTestId('agreement-verdict').textContent()).toMatch(/吻合/);
    await page.screenshot({ path: '/tmp/e2e-whatif-agreement.png', fullPage: true });
    await page.getByRole('tab', { name: '名单', exact: true }).click();
    await expect.poll(() => page.getByTestId('list-table').locator('tbody tr').count(), { timeout: 20_000 }).toBe(50);
    await page.screenshot({ path: '/tmp/e2e-whatif-lists.png', fullPage: true });
    await page.getByRole('tab', { name: '方案', exact: true }).click();
    await page.getByLabel('保存当前方案为').fill('PCT 加权方案');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await expect.poll(() => page.getByTestId('scenario-table').locator('tbody tr').count()).toBe(2);
    expect(await page.getByTestId('current-scenario-name').textContent()).toBe('PCT 加权方案');
    await page.screenshot({ path: '/tmp/e2e-whatif-scenarios.png', fullPage: true });
    await page.getByRole('tab', { name: '报告' }).click();
    await expect.poll(() => page.locator('[data-testid="report"] svg').count()).toBeGreaterThan(0);
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: '/tmp/e2e-whatif-print.png', fullPage: true });
    await page.emulateMedia({ media: 'screen' });
    await page.getByRole('tab', { name: '方案', exact: true }).click();
    await page.getByRole('button', { name: '演示模式' }).click();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.getByTestId('presenter').locator('h2').textContent()).toBe('PCT 加权方案');
    await page.screenshot({ path: '/tmp/e2e-whatif-presenter.png' });
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('presenter').count()).toBe(0);
  });

  it('logged no console error and made no request outside its origin', async () => {
    const origin = new URL(site.url).origin;
    for (const log of logs) {
      expect(log.errors).toEqual([]);
      expect(foreignRequests(log, origin)).toEqual([]);
    }
  });
});
