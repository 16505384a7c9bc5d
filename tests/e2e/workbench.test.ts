import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foreignRequests, launchChromium, recordPage, type PageLog } from './browser.ts';
import { buildAndServe } from './site.ts';

/**
 * The workbench in real headless Chromium: the built site (base './') served under /points/ by a
 * plain static server. One page walks through the app; the last test checks that nothing logged
 * an error and that no request left the page's origin.
 */
let site: Awaited<ReturnType<typeof buildAndServe>>;
let browser: Browser;
let page: Page;
let log: PageLog;

const num = (s: string | null) => Number((s ?? '').replace(/[,\s]/g, ''));
const scoreVersion = async () => Number(await page.locator('.app').getAttribute('data-score-version'));
const appliedGen = async () => Number(await page.locator('.app').getAttribute('data-applied-gen'));

/** Waits until the worker's answer to something done after `before` has been applied. */
async function settled(before: number) {
  await page.waitForFunction((b) => Number(document.querySelector('.app')?.getAttribute('data-applied-gen')) > b, before);
}

beforeAll(async () => {
  site = await buildAndServe('/points/');
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  log = recordPage(page);
  await page.goto(site.url);
  await page.waitForSelector('.app[data-phase="ready"]', { timeout: 60_000 });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe('workbench in Chromium', () => {
  it('loads the demo: counts, exclusions with reasons, the active system', async () => {
    expect(await page.getByTestId('rows-loaded').textContent()).toBe('30,000');
    const excluded = num(await page.getByTestId('rows-excluded').textContent());
    expect(excluded).toBeGreaterThanOrEqual(10);
    expect(num(await page.getByTestId('rows-scored').textContent())).toBe(30_000 - excluded);
    const reasons = await page.getByTestId('exclusion-reasons').locator('tbody tr').allTextContents();
    expect(reasons.join('|')).toMatch(/校验位错误.*|信用代码重复|晚于评价截止日/);
    expect(reasons.length).toBeGreaterThanOrEqual(3);
    await expect.poll(() => page.getByTestId('system-card').textContent()).toContain('《四川省科技企业创新积分制工作实施方案》');
    // Charts embed once vega has loaded (lazily): wait for them rather than race them.
    await expect.poll(() => page.locator('[data-testid="overall-histogram"] svg').count()).toBeGreaterThan(0);
    await expect.poll(() => page.locator('[data-testid="stage-histograms"] svg').count()).toBeGreaterThan(0);
    // 概览 opens with the top of the list: ten rows, best first.
    expect(await page.locator('[data-testid="overview-top"] tbody tr').count()).toBe(10);
    expect(await page.locator('[data-testid="overview-top"] tbody tr td.num').first().textContent()).toBe('1');
  });

  it('shows the ranking as a real table, and names only as text', async () => {
    await page.getByRole('tab', { name: '排名' }).click();
    const table = page.getByRole('table').first();
    await expect.poll(() => table.locator('tbody tr').count()).toBe(50);
    expect(await table.locator('thead th[scope="col"]').count()).toBe(10); // nine sortable columns and 数据提示
    expect(await table.locator('th[aria-sort="ascending"]').textContent()).toContain('排名');
    expect(await table.locator('tbody tr').first().locator('td').first().textContent()).toBe('1');
    // A name that looks like markup is shown as text: no element is created from it.
    const before = await appliedGen();
    await page.getByLabel('搜索企业名称或信用代码').fill('<script>');
    await settled(before);
    const cell = table.locator('tbody tr').first().locator('td.name');
    expect(await cell.textContent()).toContain('<script>alert("x")</script>');
    expect(await page.locator('table script, table img').count()).toBe(0);
    const cleared = await appliedGen();
    await page.getByLabel('搜索企业名称或信用代码').fill('');
    await settled(cleared);
  });

  it('sorts by a clicked header (aria-sort follows)', async () => {
    const before = await appliedGen();
    await page.getByRole('button', { name: '基础分' }).click();
    await settled(before);
    const th = page.locator('th[aria-sort="descending"]');
    expect(await th.textContent()).toContain('基础分');
    const bases = (await page.locator('[data-testid="ranking-table"] tbody tr td:nth-child(7)').allTextContents()).map(num);
    expect(bases).toEqual([...bases].sort((a, b) => b - a));
    const back = await appliedGen();
    await page.getByRole('button', { name: '排名' }).click();
    await settled(back);
  });

  it('moving a weight slider changes the top of the ranking, and Δrank reflects it', async () => {
    await page.getByRole('tab', { name: '权重' }).click();
    const top = page.getByTestId('preview-top').locator('tbody tr td.name');
    await expect.poll(() => top.count()).toBe(10);
    const topBefore = await top.allTextContents();
    for (const stage of ['初创期', '成长期', '稳定期']) {
      const v = await scoreVersion();
      // Weights are typed as percentages: 60 means 0.6 (the sliders stop at 30 % while all weights fit).
      const field = page.getByRole('textbox', { name: `与主营业务相关的PCT专利申请量 — ${stage} 权重（%）` });
      await field.fill('60');
      await field.press('Enter');
      await page.waitForFunction((b) => Number(document.querySelector('.app')?.getAttribute('data-score-version')) > b, v);
    }
    const topAfter = await top.allTextContents();
    expect(topAfter).not.toEqual(topBefore);
    const deltas = await page
      .getByTestId('preview-top')
      .locator('td[data-delta]')
      .evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-delta'))));
    expect(deltas.some((d) => d > 0)).toBe(true); // newcomers to the top moved up
    // The ranking table shows the same Δrank column.
    await page.getByRole('tab', { name: '排名' }).click();
    const first = page.locator('[data-testid="ranking-table"] tbody tr').first();
    await expect.poll(() => first.locator('td.name').textContent()).toBe(topAfter[0]);
    expect(Number(await first.locator('td[data-delta]').getAttribute('data-delta'))).toBe(deltas[0]);
  });

  it('filters by stage and switches language', async () => {
    const before = await appliedGen();
    await page.getByLabel('阶段', { exact: true }).selectOption({ label: '初创期' });
    await settled(before);
    const stages = await page.locator('[data-testid="ranking-table"] tbody tr td:nth-child(5)').allTextContents();
    expect(new Set(stages)).toEqual(new Set(['初创期']));
    await page.getByRole('button', { name: 'English' }).click();
    expect(await page.getByRole('tab', { name: 'Ranking' }).getAttribute('aria-selected')).toBe('true');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    const stagesEn = await page.locator('[data-testid="ranking-table"] tbody tr td:nth-child(5)').allTextContents();
    expect(new Set(stagesEn)).toEqual(new Set(['Initial']));
    expect(await page.getByRole('columnheader', { name: 'Score' }).count()).toBe(1);
    await page.getByRole('button', { name: '中文' }).click();
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    const reset = await appliedGen();
    await page.getByLabel('阶段', { exact: true }).selectOption({ label: '全部' });
    await settled(reset);
  });

  it('opens a profile whose points add up to the displayed score', async () => {
    const row = page.locator('[data-testid="ranking-table"] tbody tr').first();
    const name = await row.locator('td.name').textContent();
    const shownScore = num(await row.locator('td.score').textContent());
    await row.locator('td.name button').click();
    await expect.poll(() => page.getByRole('tab', { name: '企业画像' }).getAttribute('aria-selected')).toBe('true');
    const profile = page.locator('.profile-view');
    await expect.poll(() => profile.locator('h2 .name').textContent()).toBe(name);
    const score = num(await page.getByTestId('profile-score').textContent());
    expect(score).toBeCloseTo(shownScore, 2);
    const points = (await profile.locator('table').first().locator('tbody tr td:last-child').allTextContents()).map(num);
    const facts = await profile.locator('.facts dd').allTextContents();
    const base = num(facts[3]);
    const bonus = num(facts[4]);
    const sum = points.reduce((a, b) => a + b, 0);
    expect(points.length).toBe(18);
    expect(Math.abs(sum - base)).toBeLessThan(0.01); // 18 values rounded to 0.001
    expect(Math.abs(base + bonus - score)).toBeLessThan(0.01);
    await page.screenshot({ path: '/tmp/e2e-profile.png', fullPage: true });
  });

  it('logged no console error and made no request outside its origin', async () => {
    expect(log.errors).toEqual([]);
    expect(log.requests.length).toBeGreaterThan(3);
    expect(foreignRequests(log, new URL(site.url).origin)).toEqual([]);
  });
});
