import type { Page } from 'playwright-core';
import { launchChromium } from '../../tests/e2e/browser.ts';
import { buildAndServe } from '../../tests/e2e/site.ts';

/**
 * The in-browser benches' frame: builds and serves the site, then for each demo size opens a fresh
 * page, runs `visit` on it (with the site's address), reports the page's errors, keeps a screenshot
 * at /tmp/`name`-N.png to look at, and closes it; the browser and the server always close.
 */
export async function forEachDemoSize(name: string, sizes: readonly number[], visit: (page: Page, n: number, siteUrl: string) => Promise<void>): Promise<void> {
  const site = await buildAndServe('/points/');
  const browser = await launchChromium();
  try {
    for (const n of sizes) {
      const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      await visit(page, n, site.url);
      if (errors.length) console.error(`errors at ${n} rows:`, errors);
      await page.screenshot({ path: `/tmp/${name}-${n}.png` });
      await page.close();
      console.error(`done ${n}`);
    }
  } finally {
    await browser.close();
    await site.close();
  }
}
