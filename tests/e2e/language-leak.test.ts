import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_FIELD_IDS, demoHeader } from '../../src/demo/columns.ts';
import { DEMO_DEFAULT_ROWS, DEMO_EVALUATION_YEAR, demoRecords } from '../../src/demo/generate.ts';
import { launchChromium } from './browser.ts';
import { buildAndServe } from './site.ts';
import { cjkLeaks, cjkRuns, latinLeaks, latinWords, screenText, ZH_LATIN_ALLOWED } from './text-leaks.ts';

/**
 * Every tab (and every 情景分析 view, with its computation run) of the built site on the demo: in
 * zh-CN no Latin word outside the allow-list (text-leaks.ts) and the user's data; in English no
 * Chinese outside the user's data and the 中文 switch. Formulas count too: \text{} words are
 * prose and must be in the reader's language.
 */
let site: Awaited<ReturnType<typeof buildAndServe>>;
let browser: Browser;
let page: Page;

// The user's data on screen: every text value of the demo dataset, and its own column headers.
const DATA: string[] = (() => {
  const values = new Set<string>();
  for (const rec of demoRecords({ rows: DEMO_DEFAULT_ROWS })) for (const v of Object.values(rec)) if (typeof v === 'string' && /[^\d\s.\-/]/.test(v)) values.add(v);
  for (const id of DEMO_FIELD_IDS) values.add(demoHeader(id, DEMO_EVALUATION_YEAR));
  return [...values];
})();

type L = 'zh' | 'en';
interface Step {
  name: Record<L, string>;
  /** Tab path: a top tab, then optionally a 情景分析 view. */
  tabs: Record<L, string[]>;
  /** What to do after opening, so results are on screen. */
  act?: (lang: L) => Promise<void>;
}

const poll = (fn: () => Promise<number>, timeout = 60_000) => expect.poll(fn, { timeout });

const STEPS: Step[] = [
  { name: { zh: '概览', en: 'Overview' }, tabs: { zh: ['概览'], en: ['Overview'] }, act: () => poll(() => page.locator('.vega-chart svg').count()).toBeGreaterThan(0) },
  { name: { zh: '排名', en: 'Ranking' }, tabs: { zh: ['排名'], en: ['Ranking'] }, act: () => poll(() => page.locator('tbody tr').count()).toBeGreaterThan(5) },
  {
    name: { zh: '权重', en: 'Weights' },
    tabs: { zh: ['权重'], en: ['Weights'] },
    act: () => poll(() => page.getByTestId('preview-top').locator('tbody tr').count()).toBeGreaterThan(0),
  },
  {
    name: { zh: '阶段对比', en: 'Stages' },
    tabs: { zh: ['阶段对比'], en: ['Stages'] },
    // The means and the cross-stage comparison are computed on opening: wait for their tables.
    act: () =>
      poll(() => page.locator('[aria-busy="true"]').count())
        .toBe(0)
        .then(() => poll(() => page.locator('table').count()).toBeGreaterThan(3)),
  },
  {
    name: { zh: '企业画像', en: 'Profile' },
    tabs: { zh: ['企业画像'], en: ['Profile'] },
    act: async (lang) => {
      const open = page.getByRole('button', { name: lang === 'zh' ? /查看第一名/ : /Open the top-ranked/ });
      if (await open.count()) await open.click();
      await poll(() => page.getByTestId('profile-score').count()).toBe(1);
    },
  },
  { name: { zh: '情景分析/方案', en: 'What-if/Scenarios' }, tabs: { zh: ['情景分析', '方案'], en: ['What-if', 'Scenarios'] } },
  {
    name: { zh: '情景分析/方案对比', en: 'What-if/Compare' },
    tabs: { zh: ['情景分析', '方案对比'], en: ['What-if', 'Compare'] },
    act: () => poll(() => page.getByTestId('spearman').count()).toBe(1),
  },
  {
    name: { zh: '情景分析/敏感性', en: 'What-if/Sensitivity' },
    tabs: { zh: ['情景分析', '敏感性'], en: ['What-if', 'Sensitivity'] },
    act: () => poll(() => page.getByTestId('sensitivity-table').locator('tbody tr').count()).toBeGreaterThan(5),
  },
  {
    name: { zh: '情景分析/蒙特卡洛', en: 'What-if/Monte Carlo' },
    tabs: { zh: ['情景分析', '蒙特卡洛'], en: ['What-if', 'Monte Carlo'] },
    act: async () => {
      if (!(await page.getByTestId('mc-table').count())) await page.getByTestId('mc-run').click();
      await poll(() => page.getByTestId('mc-table').locator('tbody tr').count()).toBeGreaterThan(5);
      await poll(() => page.getByTestId('mc-summary').count()).toBe(1);
    },
  },
  {
    name: { zh: '情景分析/方差敏感性', en: 'What-if/Variance sensitivity' },
    tabs: { zh: ['情景分析', '方差敏感性（Sobol）'], en: ['What-if', 'Variance sensitivity (Sobol)'] },
    act: async () => {
      // A small run (N = 8) so the tables, the chart and the sentence are on screen.
      if (!(await page.getByTestId('sobol-table-listChurn').count())) {
        await page.getByTestId('sobol-n').fill('8');
        await page.getByTestId('sobol-run').click();
      }
      await poll(() => page.getByTestId('sobol-table-listChurn').locator('tbody tr').count()).toBe(18);
      await poll(() => page.locator('[data-testid^="sobol-chart-"] svg').count()).toBeGreaterThan(0);
    },
  },
  {
    name: { zh: '情景分析/方法吻合度', en: 'What-if/Agreement' },
    tabs: { zh: ['情景分析', '方法吻合度'], en: ['What-if', 'Agreement'] },
    act: async () => {
      await poll(() => page.getByTestId('agreement-verdict').count()).toBe(1);
      await poll(() => page.getByTestId('cross-verdict').count()).toBe(1);
    },
  },
  {
    name: { zh: '情景分析/统计审核', en: 'What-if/Audit' },
    tabs: { zh: ['情景分析', '统计审核'], en: ['What-if', 'Audit'] },
    act: () => poll(() => page.getByTestId('audit-effective-table').locator('tbody tr').count()).toBeGreaterThan(5),
  },
  {
    name: { zh: '情景分析/名单', en: 'What-if/Lists' },
    tabs: { zh: ['情景分析', '名单'], en: ['What-if', 'Lists'] },
    act: () => poll(() => page.getByTestId('list-table').locator('tbody tr').count()).toBeGreaterThan(5),
  },
  {
    name: { zh: '情景分析/年度对比', en: 'What-if/Year on year' },
    tabs: { zh: ['情景分析', '年度对比'], en: ['What-if', 'Year on year'] },
    act: async () => {
      if (!(await page.getByTestId('yoy-counts').count())) await page.getByTestId('yoy-load').click();
      await poll(() => page.getByTestId('yoy-table').locator('tbody tr').count()).toBeGreaterThan(5);
      await poll(() => page.locator('[data-testid="yoy-slope"] svg, [data-testid="yoy-slope"] canvas').count()).toBeGreaterThan(0);
    },
  },
  {
    name: { zh: '情景分析/报告', en: 'What-if/Report' },
    tabs: { zh: ['情景分析', '报告'], en: ['What-if', 'Report'] },
    act: () => poll(() => page.getByTestId('report').count()).toBe(1),
  },
  { name: { zh: '数据', en: 'Data' }, tabs: { zh: ['数据'], en: ['Data'] } },
  { name: { zh: '方法说明', en: 'Methodology' }, tabs: { zh: ['方法说明'], en: ['Methodology'] }, act: () => poll(() => page.locator('.katex').count()).toBeGreaterThan(5) },
  // Last: it makes a custom system current (each language's pass starts again on the default one).
  {
    name: { zh: '指标体系', en: 'Indicator system' },
    tabs: { zh: ['指标体系'], en: ['Indicator system'] },
    // With a custom system (the example bank model, named in both languages) the editor is on screen.
    act: async () => {
      if (!(await page.getByTestId('indicator-form').count())) await page.getByTestId('system-example').click();
      await poll(() => page.getByTestId('indicator-form').count()).toBe(1);
      await page.getByTestId('indicator-formula').fill('rd_expense / (tech_staff');
      await poll(() => page.getByTestId('formula-error').count()).toBe(1);
    },
  },
];

async function visit(step: Step, lang: L): Promise<string[]> {
  for (const tab of step.tabs[lang]) await page.getByRole('tab', { name: tab, exact: true }).click();
  await step.act?.(lang);
  await page.waitForTimeout(300);
  const { text, math } = await screenText(page);
  if (lang === 'zh') return [...latinLeaks(text, DATA), ...math.flatMap(latinWords).filter((w) => !ZH_LATIN_ALLOWED.has(w))];
  return [...cjkLeaks(text, DATA), ...math.flatMap(cjkRuns)];
}

beforeAll(async () => {
  site = await buildAndServe('/points/');
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(site.url);
  await page.waitForSelector('.app[data-phase="ready"]', { timeout: 60_000 });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe('the helpers find what they should', () => {
  it('Latin words and CJK runs, the user data excepted', () => {
    expect(latinLeaks('得分 Score；PCT 专利；代码 91510100MA6C1234X；方案 A；lo', [])).toEqual(['Score']);
    expect(latinLeaks('<b>成都测试</b>科技 名单', ['<b>成都测试</b>科技'])).toEqual([]);
    expect(cjkLeaks('Score 得分 · 中文 · 成都某某科技有限公司', ['成都某某科技有限公司'])).toEqual(['得分']);
    // A fragment of a data value is data only where the value itself is on screen.
    expect(cjkLeaks('City: 成都', ['成都某某科技有限公司'])).toEqual(['成都']);
  });
});

describe.each(['zh', 'en'] as const)('language leaks (%s)', (lang) => {
  const found: string[] = [];
  beforeAll(async () => {
    await page.locator('header .lang button', { hasText: lang === 'zh' ? '中文' : 'English' }).click();
    await page.locator('header select').selectOption('sichuan-2024');
  });
  afterAll(() => console.log(`language-leak ${lang}: ${found.length} leak(s)`));

  it.each(STEPS.map((s) => [s.name[lang], s] as const))(
    '%s',
    async (_, step) => {
      const words = await visit(step, lang);
      found.push(...words);
      await page.screenshot({ path: `/tmp/language-leak-${lang}-${step.name.en.replace(/\W+/g, '-')}.png` });
      expect([...new Set(words)]).toEqual([]);
    },
    120_000,
  );
});
