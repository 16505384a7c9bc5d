import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './browser.ts';
import { buildAndServe } from './site.ts';
import { CJK, leaks } from './text-leaks.ts';

/**
 * Internal ids and developer file names must not reach the screen: 概览 (system card), 数据 (mapping
 * drop-downs after an import) and 情景分析/方法吻合度, in zh-CN; and in English the demo badge, the
 * system card and the drop-down options carry no Chinese. Focused on these views only.
 */
const FILES = resolve(import.meta.dirname, '../corpus/files');
const FILE = 'crlf-utf8-bom.csv';
let site: Awaited<ReturnType<typeof buildAndServe>>;
let browser: Browser;
let page: Page;

async function visible(selector: string): Promise<string> {
  return page.locator(selector).first().innerText();
}

async function setLang(label: '中文' | 'English') {
  await page.locator('header .lang button', { hasText: label }).click();
}

beforeAll(async () => {
  site = await buildAndServe('/points/');
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await page.goto(site.url);
  await page.waitForSelector('.app[data-phase="ready"]', { timeout: 60_000 });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe('no ids or file names on screen', () => {
  it('the leak pattern catches what it should', () => {
    expect(leaks('四川 (sichuan-2024, v2024.1) 001_e9a526622d7f696a.txt scoring.md §7 注册资本 · registered_capital · uscc')).toEqual([
      'sichuan-2024',
      'v2024.1',
      '001_e9a526622d7f696a.txt',
      'scoring.md',
      '§7',
      'registered_capital',
      'uscc',
    ]);
    expect(leaks('统一社会信用代码 USCC 2024 版')).toEqual([]);
  });

  it('概览 in zh-CN: the system card by name, edition and document title', async () => {
    await expect.poll(() => visible('[data-testid="system-card"]')).toContain('《四川省科技企业创新积分制工作实施方案》');
    await page.screenshot({ path: '/tmp/leak-overview-zh.png', fullPage: false });
    expect(leaks(await visible('.app'))).toEqual([]);
  });

  it('概览 in English: badge and system card without Chinese', async () => {
    await setLang('English');
    await expect.poll(() => visible('[data-testid="system-card"]')).toContain('2024 edition');
    await page.screenshot({ path: '/tmp/leak-overview-en.png', fullPage: false });
    expect(await page.locator('.notice strong').innerText()).not.toMatch(CJK);
    const card = await visible('[data-testid="system-card"]');
    expect(card.match(CJK), card).toBeNull();
    expect(leaks(card)).toEqual([]);
    await setLang('中文');
  });

  it('数据 with a file imported: mapping drop-downs name fields, never ids', async () => {
    await page.getByRole('tab', { name: '数据' }).click();
    await page.getByTestId('import-file').setInputFiles(resolve(FILES, FILE));
    await page.waitForSelector('[data-testid="mapping-review"] select', { timeout: 60_000 });
    const review = page.getByTestId('mapping-review');
    await review.screenshot({ path: '/tmp/leak-mapping-zh.png' });
    expect(leaks(await review.innerText())).toEqual([]);
    const zhOptions = await review.locator('select').first().locator('option').allTextContents();
    expect(zhOptions).toContain('注册资本（万元）');
    expect(zhOptions.flatMap(leaks)).toEqual([]);

    await setLang('English');
    await expect.poll(() => review.locator('select').first().locator('option').allTextContents()).toContain('Registered capital (10k CNY)');
    await review.screenshot({ path: '/tmp/leak-mapping-en.png' });
    // Options are the catalogue (no user data): none may contain Chinese.
    const enOptions = await review.locator('select').first().locator('option').allTextContents();
    expect(enOptions.filter((o) => CJK.test(o))).toEqual([]);
    await setLang('中文');
  });

  it('情景分析/方法吻合度 in zh-CN: systems and fields by name', async () => {
    await page.getByRole('tab', { name: '情景分析' }).click();
    await page.getByRole('tab', { name: '方法吻合度' }).click();
    await expect.poll(() => page.getByTestId('cross-verdict').count(), { timeout: 60_000 }).toBe(1);
    await page.screenshot({ path: '/tmp/leak-agreement-zh.png', fullPage: true });
    expect(leaks(await visible('.app'))).toEqual([]);
  });
});
