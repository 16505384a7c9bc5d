import { deflateSync, strToU8 } from 'fflate';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baselineScenario } from '../../src/engine/index.ts';
import { getSystem } from '../../src/systems/index.ts';
import { toBase64Url } from '../../src/whatif/share/base64url.ts';
import { newScenarioDoc } from '../../src/whatif/scenarios/index.ts';
import { foreignRequests, launchChromium, recordPage, type PageLog } from './browser.ts';
import { buildAndServe } from './site.ts';

/**
 * Issue 9: hostile share links (`#s=…`) and scenario files (情景分析 → 方案 → 导入方案 JSON) in
 * headless Chromium. Each is refused with a message at its place (the link banner, the import
 * control's alert), and none runs a script: every payload tries to set `window.__pwned` or open
 * a dialog; no dialog opens, `__pwned` stays undefined, nothing is logged as an error and no
 * request leaves the page's origin.
 */
let site: Awaited<ReturnType<typeof buildAndServe>>;
let browser: Browser;
let ctx: BrowserContext;
let page: Page;
let log: PageLog;
const dialogs: string[] = [];

const PWN = 'window.__pwned=1;alert(1)';
const valid = () => newScenarioDoc('基准', baselineScenario(getSystem('sichuan-2024')!), '2024-06-01T08:00:00.000Z');
const docText = (over: Record<string, unknown>) => JSON.stringify({ ...valid(), ...over });
const deepArray = '['.repeat(10_000) + ']'.repeat(10_000);
const deepInScenario = `{"format":"innovation-points-scenario","version":1,"name":"深","scenario":${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}}`;
const protoKey = docText({}).replace(/^\{/, `{"__proto__":{"__pwned":1,"toString":"${PWN}"},`);
const ctorProto = docText({}).replace(/^\{/, `{"constructor":{"prototype":{"__pwned":1}},`);
const pack = (json: string) => `#s=${toBase64Url(deflateSync(strToU8(json), { level: 9 }))}`;

/** [what, hash, a text the banner must show (zh-CN)] */
const LINKS: [string, string, RegExp][] = [
  ['oversized (1 MB; browsers cap URLs at 2 MB)', `#s=${'A'.repeat(1_000_000)}`, /链接过长/],
  ['a decompression bomb (5 MB of JSON, packed)', pack(`{"name":"${'x'.repeat(5_000_000)}"}`), /超过 64 KB 上限/],
  ['10,000 nested arrays', pack(deepArray), /链接已损坏/],
  ['10,000 nested objects in the scenario', pack(deepInScenario), /链接已损坏/],
  ['a __proto__ key', pack(protoKey), /链接已损坏/],
  ['constructor.prototype', pack(ctorProto), /链接已损坏/],
  ['<script> in the name', pack(docText({ name: `<script>${PWN}</script>` })), /方案无效：name: must not contain < or >/],
  ['<img onerror> in the name', pack(docText({ name: `<img src=x onerror="${PWN}">` })), /方案无效：name: must not contain < or >/],
  ['<img onerror> as the system id', pack(docText({ scenario: { ...valid().scenario, systemId: `<img src=x onerror="${PWN}">` } })), /指标体系“<img src=x onerror=/],
  ['wrong types', pack(docText({ name: 7, createdAt: [], scenario: { version: '1', systemId: 'sichuan-2024', weights: 'all' } })), /方案无效：/],
  ['script as the payload itself', `#s=${encodeURIComponent(`<script>${PWN}</script>`)}`, /链接已损坏/],
];

/** [what, file name, content, a text the import alert must show] */
const FILES: [string, string, string, RegExp][] = [
  ['oversized (5 MB)', 'big.scenario.json', `{"name":"${'x'.repeat(5 * 1024 * 1024)}"}`, /^文件：文件大小为 5\.2 MB，方案文件最大 1 MB$/],
  ['10,000 nested arrays', 'deep.scenario.json', deepArray, /^文件：嵌套超过 64 层$/],
  ['10,000 nested objects in the scenario', 'deep2.scenario.json', deepInScenario, /嵌套超过 64 层$/],
  ['a __proto__ key', 'proto.scenario.json', protoKey, /不允许使用键“__proto__”/],
  ['constructor.prototype', 'ctor.scenario.json', ctorProto, /不允许使用键“constructor”/],
  ['<script> in the name', 'script.scenario.json', docText({ name: `<script>${PWN}</script>` }), /^方案名称：不能包含 < 或 >$/],
  ['<img onerror> in the name', 'img.scenario.json', docText({ name: `<img src=x onerror="${PWN}">` }), /^方案名称：不能包含 < 或 >$/],
  [
    'wrong types',
    'types.scenario.json',
    docText({ version: 1, name: 7, scenario: { version: 1, systemId: 'sichuan-2024', weights: 'all' } }),
    /^方案名称：类型不对：应为文本，实际为数字$/,
  ],
  ['markup instead of JSON', 'page.scenario.json', `<html><body><script>${PWN}</script><img src=x onerror="${PWN}"></body></html>`, /^文件：不是有效的 JSON 文件$/],
];

/**
 * A fresh page on the site at `hash` (leaving a page aborts its DuckDB download, which the
 * page's log would report as a failed request, so every case gets a page and a log of its own).
 */
async function openHash(hash: string): Promise<void> {
  if (page) await page.close();
  page = await ctx.newPage();
  log = recordPage(page);
  page.on('dialog', (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  await page.goto(`${site.url}${hash}`);
  await page.waitForSelector('.app[data-phase="ready"]', { timeout: 60_000 });
}

async function noScriptRan(): Promise<void> {
  expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
  expect(await page.evaluate(() => (({}) as Record<string, unknown>).__pwned)).toBeUndefined(); // no prototype pollution
  expect(dialogs).toEqual([]);
  expect(log.errors).toEqual([]);
  expect(foreignRequests(log, new URL(site.url).origin)).toEqual([]);
}

beforeAll(async () => {
  site = await buildAndServe('/points/');
  browser = await launchChromium();
  ctx = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
}, 180_000);

afterAll(async () => {
  await ctx?.close().catch(() => {});
  await browser?.close();
  await site?.close();
});

describe('hostile share links and scenario files in Chromium', () => {
  for (const [what, hash, message] of LINKS) {
    it(`share link, ${what}: refused in the banner, no script`, async () => {
      await openHash(hash);
      const banner = page.getByTestId('link-banner');
      await expect.poll(() => banner.getAttribute('role')).toBe('alert');
      expect(await banner.locator('p').first().textContent()).toMatch(message);
      expect(await page.locator('[data-link-status="rejected"]').count()).toBe(1);
      expect(await page.locator('[data-testid="link-banner"] script, [data-testid="link-banner"] img').count()).toBe(0);
      await noScriptRan();
    });
  }

  it('scenario files: each refused next to the import control, the library unchanged, no script', async () => {
    await openHash('');
    await page.getByRole('tab', { name: '情景分析' }).click();
    await page.getByRole('tab', { name: '方案', exact: true }).click();
    const table = page.getByTestId('scenario-table').locator('tbody tr');
    const before = await table.count();
    const alert = page.getByTestId('scenario-import-errors');
    for (const [what, name, content, message] of FILES) {
      await page.getByLabel('导入方案 JSON').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(content) });
      await expect.poll(() => alert.locator('li').first().textContent(), { message: what }).toMatch(message);
      expect(await alert.getAttribute('role')).toBe('alert');
      expect(await alert.locator('script, img').count(), what).toBe(0);
      expect(await table.count(), what).toBe(before);
      await noScriptRan();
    }
    // A valid file still imports afterwards (the control is not left broken).
    await page.getByLabel('导入方案 JSON').setInputFiles({ name: 'ok.scenario.json', mimeType: 'application/json', buffer: Buffer.from(docText({ name: '导入的方案' })) });
    await expect.poll(() => table.count()).toBe(before + 1);
    expect(await alert.count()).toBe(0);
    await noScriptRan();
  });
});
