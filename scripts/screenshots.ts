/**
 * Screenshots of 概览, 权重, 阶段对比 and 企业画像 in both languages at 1280×720 (viewport only, so
 * each PNG stays small), for reviewing the visual design by eye:
 *
 *     node --import tsx scripts/screenshots.ts docs/screenshots/after
 *
 * Builds the site as the e2e tests do and drives the same headless Chromium.
 */
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium, recordPage } from '../tests/e2e/browser.ts';
import { buildAndServe } from '../tests/e2e/site.ts';

const out = resolve(process.argv[2] ?? 'docs/screenshots/after');
const tabs = [
  { id: 'overview', zh: '概览', en: 'Overview' },
  { id: 'weights', zh: '权重', en: 'Weights' },
  { id: 'stages', zh: '阶段对比', en: 'Stages' },
  { id: 'profile', zh: '企业画像', en: 'Profile' },
] as const;

async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() => !document.querySelector('[data-busy="true"]'), undefined, { timeout: 30_000 }).catch(() => undefined);
  await page.waitForTimeout(1200); // charts render after their data arrives
}

const site = await buildAndServe('/points/');
const browser = await launchChromium();
try {
  await mkdir(out, { recursive: true });
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  const log = recordPage(page);
  await page.goto(site.url);
  await page.waitForSelector('.app[data-phase="ready"]', { timeout: 60_000 });
  // The profile shows an enterprise once one is opened: open the ranking's first row.
  await page.getByRole('tab', { name: '排名' }).click();
  await page.locator('[data-testid="ranking-table"] tbody tr td.name button').first().click();
  for (const lang of ['zh', 'en'] as const) {
    if (lang === 'en') await page.getByRole('button', { name: 'English' }).click();
    for (const t of tabs) {
      await page.getByRole('tab', { name: t[lang] }).click();
      await settle(page);
      const file = join(out, `${t.id}-${lang}.png`);
      await page.screenshot({ path: file, fullPage: false });
      // How much of the screen the header, banners and tab bar take (the content starts below).
      const bottom = await page.locator('nav [role="tablist"]').evaluate((el) => el.getBoundingClientRect().bottom);
      console.log(`${file}  (header + banners + tabs: ${Math.round(bottom)} px = ${((100 * bottom) / 720).toFixed(1)}% of 720)`);
    }
  }
  if (log.errors.length) console.log('page errors:\n' + log.errors.join('\n'));
} finally {
  await browser.close();
  await site.close();
}
