import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TABS } from '../../src/state/nav.svelte.ts';
import { WHATIF_VIEWS } from '../../src/state/whatif.svelte.ts';
import { launchChromium } from './browser.ts';
import { compareScreenshots } from './screenshot-compare.ts';
import { buildAndServe } from './site.ts';

/**
 * Screenshot regression: every tab (and every 情景分析 view) in both languages at 1440×900 and
 * 1280×720, compared with the reviewed references in tests/e2e/screenshots/. A layout break (a
 * panel that moves, a table that loses its style, a chart that shrinks) changes far more than the
 * allowed share of pixels. Elements marked `data-volatile` (timings) are masked.
 *
 * To accept a deliberate change: `npm run screenshots:update`, then LOOK at every changed PNG
 * (git diff --stat tests/e2e/screenshots) before committing it.
 */
const REFS = resolve(import.meta.dirname, 'screenshots');
const OUT = resolve(import.meta.dirname, '../../test-results/screenshots');
const UPDATE = process.env.UPDATE_SCREENSHOTS === '1';
/** Share of pixels allowed to differ (font hinting and anti-aliasing noise stays far below it). */
const MAX_SHARE = 0.002;
const SIZES = [
  { width: 1440, height: 900 },
  { width: 1280, height: 720 },
] as const;
const LANGS = ['zh', 'en'] as const;
type View = { tab: (typeof TABS)[number]; sub?: (typeof WHATIF_VIEWS)[number] };
const VIEWS: View[] = TABS.flatMap((tab): View[] => (tab === 'whatif' ? WHATIF_VIEWS.map((sub) => ({ tab, sub })) : [{ tab }]));
const viewName = (v: View) => (v.sub ? `${v.tab}-${v.sub}` : v.tab);

let site: Awaited<ReturnType<typeof buildAndServe>>;
let browser: Browser;

beforeAll(async () => {
  site = await buildAndServe('/points/');
  browser = await launchChromium();
  await mkdir(OUT, { recursive: true });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/** Waits until the scores are applied, fonts are loaded and every chart has drawn. */
async function settle(page: Page): Promise<void> {
  await page.waitForSelector('.app[data-phase="ready"]', { timeout: 60_000 });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.waitForFunction(
    () =>
      [...document.querySelectorAll('.vega-chart .canvas')].every((c) => (c as HTMLElement).dataset.rendered || c.closest('.vega-chart')?.querySelector('.error')) &&
      !document.querySelector('[aria-busy="true"], [data-busy]:not([data-busy="false"])'),
    undefined,
    { timeout: 30_000 },
  );
  // Two frames so that layout after the last chart has painted.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

/**
 * A screenshot of a view that has stopped changing: panels that compute after they appear (敏感性
 * runs, a list's notes) must have drawn their result, so two shots 400 ms apart must be identical.
 */
async function stableShot(page: Page): Promise<Buffer> {
  const take = () => page.screenshot({ animations: 'disabled', caret: 'hide', mask: [page.locator('[data-volatile]')], maskColor: '#888' });
  let last = await take();
  for (let i = 0; i < 40; i++) {
    await page.waitForTimeout(400);
    const next = await take();
    if (next.equals(last)) return next;
    last = next;
  }
  throw new Error('the view kept changing for 16 s');
}

describe('screenshots match the reviewed references', () => {
  for (const size of SIZES) {
    for (const lang of LANGS) {
      it(`${lang} at ${size.width}×${size.height}: every view`, async () => {
        const page = await browser.newPage({ viewport: size, deviceScaleFactor: 1 });
        await page.goto(site.url);
        await settle(page);
        if (lang === 'en') await page.locator('header .lang button', { hasText: 'English' }).click();
        const failures: string[] = [];
        for (const view of VIEWS) {
          await page.locator(`#tab-${view.tab}`).click();
          if (view.sub) await page.locator(`#whatif-tab-${view.sub}`).click();
          // 企业画像 is shown with the top-ranked enterprise open (the empty picker says little).
          const openFirst = page.getByTestId('profile-open-first');
          if (view.tab === 'profile' && (await openFirst.count())) await openFirst.click();
          // 年度对比 is shown with the demo's previous year loaded (kept for the second language).
          if (view.sub === 'yoy' && !(await page.getByTestId('yoy-counts').count())) await page.getByTestId('yoy-load').click();
          await page.mouse.move(0, 0);
          await settle(page);
          const name = `${lang}-${size.width}x${size.height}-${viewName(view)}.png`;
          const shot = await stableShot(page);
          const ref = join(REFS, name);
          if (!existsSync(ref)) {
            if (!UPDATE) failures.push(`${name}: no reference (run npm run screenshots:update and review it)`);
            else await writeFile(ref, shot);
            continue;
          }
          const d = compareScreenshots(await readFile(ref), shot);
          const share = d.differing === null ? 1 : d.differing / d.total;
          // An update rewrites only the references that changed beyond the tolerance, so a review
          // (and the commit) shows the pictures that really differ, not every re-encoded PNG.
          if (UPDATE) {
            if (share > MAX_SHARE) await writeFile(ref, shot);
            continue;
          }
          if (share > MAX_SHARE) {
            await writeFile(join(OUT, name), shot);
            if (d.diffPng) await writeFile(join(OUT, name.replace('.png', '.diff.png')), d.diffPng);
            failures.push(`${name}: ${d.differing === null ? 'size changed' : `${(share * 100).toFixed(2)}% of pixels differ`} (actual and diff in test-results/screenshots)`);
          }
        }
        await page.close();
        expect(failures).toEqual([]);
      }, 300_000);
    }
  }
});
