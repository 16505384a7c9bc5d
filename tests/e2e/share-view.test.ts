import { resolve, join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, recordPage, type PageLog } from './browser.ts';
import { buildAndServe } from './site.ts';

/**
 * A link is the whole view (issue 10, bullet 6): made on the demo from 排名, with an enterprise's
 * profile open and a list rule set, it reopens in a fresh browser on the same tab, the same
 * enterprise (by USCC) and the same list rule; opened after another dataset was imported, it says
 * plainly that it was made on other data.
 */
const FILES = resolve(import.meta.dirname, '../corpus/files');
let site: Awaited<ReturnType<typeof buildAndServe>>;
let browser: Browser;
const contexts: BrowserContext[] = [];
const logs: PageLog[] = [];

async function openIn(ctx: BrowserContext, url: string): Promise<Page> {
  const p = await ctx.newPage();
  logs.push(recordPage(p));
  await p.goto(url);
  await p.waitForSelector('.app[data-phase="ready"]', { timeout: 60_000 });
  return p;
}

async function newContext(): Promise<BrowserContext> {
  const ctx = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  contexts.push(ctx);
  return ctx;
}

const selectedTab = (p: Page) => p.locator('[role="tab"][aria-selected="true"]').first().textContent();

let url = '';
let uscc = '';
let name = '';

beforeAll(async () => {
  site = await buildAndServe('/points/');
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await browser?.close();
  await site?.close();
});

describe('share links carry the whole view', () => {
  it('made from 排名 with a profile open and a list rule: reopens the same tab, enterprise and rule', async () => {
    const page = await openIn(await newContext(), site.url);
    // A list rule: top 37 (情景分析 → 名单).
    await page.getByRole('tab', { name: '情景分析' }).click();
    await page.getByRole('tab', { name: '名单', exact: true }).click();
    await page.getByLabel('名额 N').fill('37');
    await page.getByLabel('名额 N').blur();
    // An enterprise's profile: the third row of 排名.
    await page.getByRole('tab', { name: '排名' }).click();
    const third = page.getByTestId('ranking-table').locator('tbody tr').nth(2);
    uscc = (await third.locator('td.code').textContent())!.trim();
    name = (await third.locator('td.name').textContent())!.trim();
    await third.locator('td.name button').click();
    await expect.poll(() => page.locator('dd.mono').first().textContent(), { timeout: 15_000 }).toBe(uscc);
    await page.getByRole('tab', { name: '排名' }).click();
    // 复制链接 is in the header, on every tab.
    await page.getByTestId('copy-link').click();
    url = await page.getByTestId('share-url').inputValue();
    expect(url).toMatch(/#s=[A-Za-z0-9_-]+&c=[A-Za-z0-9_-]+&v=ranking\./);
    expect(url.length).toBeLessThan(2000);
    await page.screenshot({ path: '/tmp/e2e-share-copy.png' });

    const fresh = await openIn(await newContext(), url);
    await fresh.waitForSelector('[data-link-status="applied"]');
    expect(await selectedTab(fresh)).toBe('排名');
    const banner = fresh.getByTestId('link-banner');
    expect(await banner.getAttribute('data-banner-kind')).toBe('info');
    expect(await banner.textContent()).not.toContain('此链接创建于');
    await fresh.screenshot({ path: '/tmp/e2e-share-open.png' });
    await fresh.getByRole('tab', { name: '企业画像' }).click();
    await expect.poll(() => fresh.locator('dd.mono').first().textContent(), { timeout: 15_000 }).toBe(uscc);
    expect(await fresh.locator('main, .app').first().textContent()).toContain(name);
    await fresh.getByRole('tab', { name: '情景分析' }).click();
    await fresh.getByRole('tab', { name: '名单', exact: true }).click();
    expect(await fresh.getByLabel('名额 N').inputValue()).toBe('37');
    // The same link in English: the banner is complete in English too.
    await fresh.getByRole('button', { name: 'English' }).click();
    await fresh.screenshot({ path: '/tmp/e2e-share-open-en.png' });
  });

  it('opened after importing another dataset: the banner says it was made on the demo', async () => {
    const ctx = await newContext();
    const page = await openIn(ctx, site.url);
    await page.getByRole('tab', { name: '数据' }).click();
    await page.getByTestId('import-file').setInputFiles(join(FILES, 'crlf-utf8-bom.csv'));
    await page.waitForFunction(
      () =>
        document.querySelector('.data-view')?.getAttribute('data-import-phase') === 'review' && document.querySelector('.data-view')?.getAttribute('data-validating') === 'false',
      null,
      {
        timeout: 60_000,
      },
    );
    const before = Number(await page.locator('.app').getAttribute('data-score-version'));
    await page.getByTestId('score-import').click();
    await page.waitForFunction((b) => Number(document.querySelector('.app')?.getAttribute('data-score-version')) > b, before, { timeout: 60_000 });

    // The stored dataset is what a new page of this browser shows; the link is applied on it.
    const other = await openIn(ctx, url);
    await other.waitForSelector('[data-link-status="applied"]');
    const banner = other.getByTestId('link-banner');
    expect(await banner.getAttribute('data-banner-kind')).toBe('warning');
    const text = (await banner.textContent()) ?? '';
    expect(text).toContain('此链接创建于数据集『模拟数据 / demo (30,000 rows)』（');
    expect(text).toContain('当前显示的是『crlf-utf8-bom.csv』');
    expect(text).toContain('方案已应用，但排名可能不同');
    expect(text).toContain(`链接中的企业（统一社会信用代码 ${uscc}）不在当前数据中`);
    await other.screenshot({ path: '/tmp/e2e-share-other-data.png' });
    await other.getByRole('button', { name: 'English' }).click();
    expect(await banner.textContent()).toContain('This link was made on the dataset "模拟数据 / demo (30,000 rows)"');
    await other.screenshot({ path: '/tmp/e2e-share-other-data-en.png' });
  });

  it('a link in the earlier format (scenario and v= only) still opens as before', async () => {
    const old = url.replace(/&c=[A-Za-z0-9_-]+/, '');
    expect(old).not.toContain('&c=');
    const p = await openIn(await newContext(), old);
    await p.waitForSelector('[data-link-status="applied"]');
    expect(await selectedTab(p)).toBe('排名');
    expect(await p.getByTestId('link-banner').getAttribute('data-banner-kind')).toBe('info');
    for (const l of logs) expect(l.errors).toEqual([]);
  });
});
