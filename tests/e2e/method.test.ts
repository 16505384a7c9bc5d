import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foreignRequests, launchChromium, recordPage, type PageLog } from './browser.ts';
import { buildAndServe } from './site.ts';

/**
 * 方法说明 in Chromium on the built site: KaTeX math in both languages with its CSS and fonts served
 * by the site itself, the 说明 link beside the normalisation selector opening its paragraph, and the
 * profile table whose points (with the bonus) add up to the displayed score.
 */
let site: Awaited<ReturnType<typeof buildAndServe>>;
let browser: Browser;
let page: Page;
let log: PageLog;
const num = (s: string | null) => Number((s ?? '').replace(/[,\s]/g, ''));

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

describe('方法说明 and the profile arithmetic', () => {
  it('shows rendered math in Chinese and in English', async () => {
    await page.getByRole('tab', { name: '方法说明' }).click();
    const view = page.getByTestId('method-view');
    await expect.poll(() => view.locator('.katex').count()).toBeGreaterThan(20);
    expect(await view.locator('math').count()).toBeGreaterThan(20); // MathML for screen readers
    expect(await view.locator('h2').textContent()).toBe('方法说明');
    expect(await view.locator('#m-norm-percentile-rank h4').textContent()).toBe('百分位排名');
    // KaTeX's fonts are loaded (from the site): a bundled woff2 was requested.
    await page.evaluate(() => document.fonts.ready);
    expect(log.requests.some((u) => /KaTeX_.*\.woff2$/.test(u))).toBe(true);
    await page.screenshot({ path: '/tmp/method-zh.png', fullPage: false });
    await page.getByRole('button', { name: 'English' }).click();
    expect(await view.locator('h2').textContent()).toBe('Methodology');
    expect(await view.locator('.katex').count()).toBeGreaterThan(20);
    await page.screenshot({ path: '/tmp/method-en.png', fullPage: false });
    await page.getByRole('button', { name: '中文' }).click();
  });

  it('the 说明 link beside the normalisation selector opens that method’s paragraph', async () => {
    await page.getByRole('tab', { name: '权重' }).click();
    await page.getByLabel('标准化方法').selectOption('zscore');
    const link = page.getByRole('link', { name: '方法说明：标准化（Z分数）' });
    await link.focus(); // keyboard-reachable
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('tab', { name: '方法说明' }).getAttribute('aria-selected')).toBe('true');
    const para = page.locator('#m-norm-zscore');
    await expect.poll(() => para.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await para.getAttribute('class')).toContain('target');
    expect(await para.boundingBox().then((b) => (b?.y ?? -1) >= 0 && (b?.y ?? 1e9) < 1000)).toBe(true);
    await page.screenshot({ path: '/tmp/method-link.png' });
    await page.getByRole('tab', { name: '权重' }).click();
    await page.getByLabel('标准化方法').selectOption('winsorized-minmax');
  });

  for (const lang of ['zh', 'en'] as const) {
    it(`profile table (${lang}): points plus bonus add up to the displayed score`, async () => {
      if (lang === 'en') await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('tab', { name: lang === 'zh' ? '排名' : 'Ranking' }).click();
      const row = page.locator('[data-testid="ranking-table"] tbody tr').nth(3);
      await expect.poll(() => row.count()).toBe(1);
      await row.locator('td.name button').click();
      const profile = page.locator('.profile-view');
      await expect.poll(() => profile.locator('table').first().locator('tbody tr').count()).toBe(18);
      const table = profile.locator('table').first();
      expect(await table.locator('thead th[scope="col"]').count()).toBe(9);
      const heads = await table.locator('thead th').allTextContents();
      expect(heads.join('|')).toContain(lang === 'zh' ? '下界 lo|上界 hi|截断值 c|标准化值 s|权重|得分' : 'Lower bound lo|Upper bound hi|Clipped c|Normalised s|Weight|Points');
      const points = (await table.locator('tbody tr td:last-child').allTextContents()).map(num);
      const facts = await profile.locator('.facts dd').allTextContents();
      const bonus = num(facts[4]);
      const score = num(await page.getByTestId('profile-score').textContent());
      expect(Math.abs(points.reduce((a, b) => a + b, 0) + bonus - score)).toBeLessThan(0.01);
      // Each row: points = 100 · weight · s (within display rounding).
      const cells = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
      for (const c of cells) expect(Math.abs(100 * num(c[6]) * num(c[5]) - num(c[7]))).toBeLessThan(0.01);
      expect(await profile.getByRole('link', { name: lang === 'zh' ? /方法说明：企业画像/ : /Methodology: Enterprise profile/ }).count()).toBe(1);
      await page.screenshot({ path: `/tmp/profile-${lang}.png`, fullPage: true });
      if (lang === 'en') await page.getByRole('button', { name: '中文' }).click();
    });
  }

  it('logged no console error and made no request outside its origin', async () => {
    expect(log.errors).toEqual([]);
    expect(foreignRequests(log, new URL(site.url).origin)).toEqual([]);
  });
});
