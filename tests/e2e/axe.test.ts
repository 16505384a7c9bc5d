import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './browser.ts';
import { buildAndServe } from './site.ts';
import { WHATIF_VIEWS } from '../../src/state/whatif.svelte.ts';

/**
 * Also: at 1280×720 the header, banners and tab bar take at most 20% of the height, and a control
 * reached with the keyboard shows its focus ring.
 *
 * axe-core on every tab and every 情景分析 sub-view, in Chinese and in English, at 1440×900, on the
 * built site. axe is injected from node_modules (addScriptTag({ path })), never from a CDN. The
 * test fails on any serious or critical violation and prints each one's rule id and targets.
 */
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

const TABS = [
  { id: 'overview', zh: '概览', en: 'Overview' },
  { id: 'ranking', zh: '排名', en: 'Ranking' },
  { id: 'weights', zh: '权重', en: 'Weights' },
  { id: 'stages', zh: '阶段对比', en: 'Stages' },
  { id: 'profile', zh: '企业画像', en: 'Profile' },
  { id: 'whatif', zh: '情景分析', en: 'What-if' },
  { id: 'data', zh: '数据', en: 'Data' },
  { id: 'system', zh: '指标体系', en: 'Indicator system' },
  { id: 'method', zh: '方法说明', en: 'Methodology' },
] as const;

let site: Awaited<ReturnType<typeof buildAndServe>>;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  site = await buildAndServe('/points/');
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(site.url);
  await page.waitForSelector('.app[data-phase="ready"]', { timeout: 60_000 });
  await page.addScriptTag({ path: AXE });
  // The profile shows an enterprise once one is opened: open the ranking's first row.
  await page.getByRole('tab', { name: '排名' }).click();
  await page.locator('[data-testid="ranking-table"] tbody tr td.name button').first().click();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

async function settle(): Promise<void> {
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"], [data-busy="true"]'), undefined, { timeout: 20_000 }).catch(() => undefined);
  await page.waitForTimeout(600); // charts embed after their data arrives
}

/** Serious and critical violations on the page as it is now. */
async function audit(): Promise<Violation[]> {
  await settle();
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] }> };
      }
    ).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.map(String).join(' ')) }));
  });
}

function report(where: string, vs: Violation[]): string {
  return vs
    .map((v) => `${where}: [${v.impact}] ${v.id} — ${v.help}\n    ${v.targets.slice(0, 8).join('\n    ')}${v.targets.length > 8 ? `\n    … ${v.targets.length - 8} more` : ''}`)
    .join('\n');
}

describe('axe-core: no serious or critical violation on any view', () => {
  for (const lang of ['zh', 'en'] as const) {
    it(`every tab and 情景分析 sub-view (${lang})`, async () => {
      await page.getByRole('button', { name: lang === 'zh' ? '中文' : 'English' }).click();
      const found: string[] = [];
      let views = 0;
      for (const tab of TABS) {
        await page.getByRole('tab', { name: tab[lang], exact: true }).click();
        if (tab.id === 'ranking') {
          // The field filters (按字段筛选) are closed at first: audit them open, checkboxes and all.
          const form = page.getByTestId('segment-filters');
          if (!(await form.evaluate((e) => (e as HTMLDetailsElement).open))) await form.locator('summary').click();
          await page.getByTestId('segment-filter-city').waitFor();
        }
        if (tab.id !== 'whatif') {
          found.push(report(`${lang} ${tab.id}`, await audit()));
          views++;
          continue;
        }
        const subtabs = page.locator('[aria-label] [role="tab"][id^="whatif-tab-"], [role="tablist"] [id^="whatif-tab-"]');
        const n = await subtabs.count();
        expect(n).toBe(WHATIF_VIEWS.length);
        for (let i = 0; i < n; i++) {
          const sub = subtabs.nth(i);
          const subId = ((await sub.getAttribute('id')) ?? '').replace('whatif-tab-', '');
          await sub.click();
          found.push(report(`${lang} whatif/${subId}`, await audit()));
          views++;
        }
      }
      const text = found.filter(Boolean).join('\n');
      if (text) console.log(text);
      expect(views).toBe(TABS.length - 1 + WHATIF_VIEWS.length);
      expect(text, text).toBe('');
    }, 240_000);
  }
});

describe('layout at 1280×720 and the focus ring', () => {
  for (const lang of ['zh', 'en'] as const) {
    it(`header, banners and tabs take ≤ 20% of the screen (${lang})`, async () => {
      await page.setViewportSize({ width: 1280, height: 720 });
      await page.getByRole('button', { name: lang === 'zh' ? '中文' : 'English' }).click();
      await page.getByRole('tab', { name: lang === 'zh' ? '概览' : 'Overview', exact: true }).click();
      await settle();
      // The bottom of the tab bar is where the view's content starts.
      const bottom = await page.locator('nav [role="tablist"]').evaluate((el) => el.getBoundingClientRect().bottom);
      expect(bottom).toBeGreaterThan(60); // the header and the banners are there (the demo notice is shown)
      expect(bottom).toBeLessThanOrEqual(0.2 * 720);
      // The first row of the 概览 (stage distributions and the top 10) starts on the first screen.
      const top = await page.getByTestId('overview-top').evaluate((el) => el.getBoundingClientRect().top);
      expect(top).toBeLessThan(300);
      await page.setViewportSize({ width: 1440, height: 900 });
    });
  }

  it('controls reached with the keyboard show a solid focus ring', async () => {
    await page.getByRole('button', { name: '中文' }).click();
    await page.getByRole('tab', { name: '概览', exact: true }).focus();
    const ring = () =>
      page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        const cs = getComputedStyle(el);
        return { tag: el.tagName, style: cs.outlineStyle, width: parseFloat(cs.outlineWidth) };
      });
    // Backwards from the tab bar: the as-of date input, then the header's language buttons.
    await page.keyboard.press('Shift+Tab');
    expect(await ring()).toMatchObject({ tag: 'INPUT', style: 'solid' });
    await page.keyboard.press('Shift+Tab');
    const button = await ring();
    expect(button).toMatchObject({ tag: 'BUTTON', style: 'solid' });
    expect(button.width).toBeGreaterThanOrEqual(2);
  });
});
