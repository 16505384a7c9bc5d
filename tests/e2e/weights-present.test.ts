import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, recordPage, type PageLog } from './browser.ts';
import { buildAndServe } from './site.ts';

/**
 * Issue 10, bullets 1 and 5, in headless Chromium on the demo (Sichuan 2024):
 * - the 权重 tab takes percentages (10 means 0.10), refuses 150, -5 and "abc" at the field without
 *   changing anything, shows truthful stage sums and counts set vs rescaled weights;
 * - presenter mode shows under each title that slide's own numbers: the baseline slide the
 *   published ranking (read off the screen before any change), a saved scenario its ranking, the
 *   unsaved scenario its ranking, even while the unsaved changes are on screen.
 */
let site: Awaited<ReturnType<typeof buildAndServe>>;
let browser: Browser;
let page: Page;
let log: PageLog;

const num = (s: string | null) => Number((s ?? '').replace(/[,\s]/g, ''));
const scoreVersion = () => page.locator('.app').getAttribute('data-score-version').then(Number);
const appliedGen = () => page.locator('.app').getAttribute('data-applied-gen').then(Number);
async function rescored(before: number) {
  await page.waitForFunction((b) => Number(document.querySelector('.app')?.getAttribute('data-score-version')) > b, before);
}

const NAME = (indicator: string, stage: string) => `${indicator} — ${stage} 权重`;
const PCT = '与主营业务相关的PCT专利申请量';
const RD = '研发费用金额';
const field = (indicator: string, stage: string) => page.getByRole('textbox', { name: `${NAME(indicator, stage)}（%）`, exact: true });
const slider = (indicator: string, stage: string) => page.getByRole('slider', { name: NAME(indicator, stage), exact: true });
const cell = (indicator: string, stage: string) => page.locator('td.weight-cell').filter({ has: field(indicator, stage) });

async function typeWeight(indicator: string, stage: string, text: string) {
  await field(indicator, stage).fill(text);
  await field(indicator, stage).press('Enter');
}

/** The top-10 of the live preview as [name, score rounded to 1 decimal]. */
async function previewTop(): Promise<[string, number][]> {
  const rows = page.getByTestId('preview-top').locator('tbody tr');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="preview-top"] tbody tr').length === 10);
  return rows.evaluateAll((trs) =>
    trs.map((tr) => [tr.querySelector('td.name')?.textContent ?? '', Number(tr.querySelectorAll('td')[3]?.textContent?.replace(/,/g, ''))] as [string, number]),
  );
}

/** The presenter's top table as [name, score], once it shows the slide's own numbers. */
async function presenterTop(): Promise<[string, number][]> {
  await page.waitForSelector('[data-testid="presenter"][data-state="ready"] [data-testid="presenter-top"] tbody tr');
  return page
    .getByTestId('presenter-top')
    .locator('tbody tr')
    .evaluateAll((trs) =>
      trs.map((tr) => [tr.querySelectorAll('td')[1]?.textContent ?? '', Number(tr.querySelectorAll('td')[2]?.textContent?.replace(/,/g, ''))] as [string, number]),
    );
}

/** Presenter scores have 1 decimal, the preview 2: the same number rounded differently. */
function expectSameTop(shown: [string, number][], expected: [string, number][]) {
  expect(shown.map(([n]) => n)).toEqual(expected.map(([n]) => n));
  shown.forEach(([, s], i) => expect(Math.abs(s - expected[i][1])).toBeLessThanOrEqual(0.05 + 1e-9));
}

let baselineTop: [string, number][];

beforeAll(async () => {
  site = await buildAndServe('/points/');
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  log = recordPage(page);
  await page.goto(site.url);
  await page.waitForSelector('.app[data-phase="ready"]', { timeout: 60_000 });
  await page.getByRole('tab', { name: '权重' }).click();
  // The published ranking, as shown before anything is changed: the baseline slide must match it.
  baselineTop = await previewTop();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe('weights as percentages', () => {
  it('shows the published weights as percentages with the decimal beside, sliders at 0–30 %', async () => {
    // Sichuan 2024 附件2: PCT 0.06 and 研发费用金额 0.08 in 初创期.
    expect(await field(PCT, '初创期').inputValue()).toBe('6');
    expect(await cell(PCT, '初创期').getByTestId('weight-decimal').textContent()).toBe('0.0600');
    expect(await field(RD, '初创期').inputValue()).toBe('8');
    const s = slider(PCT, '成长期');
    expect(await s.getAttribute('max')).toBe('0.3');
    expect(await s.getAttribute('step')).toBe('0.001');
    expect(await s.inputValue()).toBe('0.06');
    expect(await page.getByTestId('weight-edits').textContent()).toContain('权重与公布权重一致');
    expect(await page.getByTestId('weight-sum').allTextContents()).toEqual(['100%', '100%', '100%']);
  });

  it('typing 10 means 10 %: that weight 0.10, the other 17 rescaled, sums truthful, scores within the cap', async () => {
    const v = await scoreVersion();
    await typeWeight(PCT, '初创期', '10');
    await rescored(v);
    expect(await field(PCT, '初创期').inputValue()).toBe('10');
    expect(await cell(PCT, '初创期').getByTestId('weight-decimal').textContent()).toBe('0.1000');
    // keep-the-sum: the other 17 published weights (0.94 in all) share 0.90, so 0.08 → 0.08·0.90/0.94
    // = 0.076595… (7.66 %), 0.03 → 0.03·0.90/0.94 = 0.028723… (2.87 %).
    expect(await field(RD, '初创期').inputValue()).toBe('7.66');
    expect(await cell(RD, '初创期').getByTestId('weight-decimal').textContent()).toBe('0.0766');
    expect(await cell(RD, '初创期').textContent()).toContain('公布 0.0800');
    expect(await field('获得风险投资金额', '初创期').inputValue()).toBe('2.87');
    // the other stages are untouched
    expect(await field(RD, '成长期').inputValue()).toBe('8');
    expect(await page.getByTestId('weight-sum').allTextContents()).toEqual(['100%', '100%', '100%']);
    expect(await page.getByTestId('weight-edits').textContent()).toBe('已修改 1 项权重；为保持各阶段合计 100%，同阶段另有 17 项按比例调整。');
    expect(await page.getByTestId('stage-edits').allTextContents()).toEqual(['修改 1 项 · 按比例调整 17 项']);
    // Scores: base ≤ 100, total ≤ 100 + the bonus cap (1 + 0.8 + 1 + 1 + 1 = 4.8 in Sichuan 2024).
    await page.getByRole('tab', { name: '排名' }).click();
    const rows = page.locator('[data-testid="ranking-table"] tbody tr');
    await expect.poll(() => rows.count()).toBe(50);
    const scores = (await rows.locator('td.score').allTextContents()).map(num);
    const bases = (await rows.locator('td:nth-child(7)').allTextContents()).map(num);
    expect(Math.max(...scores)).toBeLessThanOrEqual(104.8);
    expect(Math.max(...bases)).toBeLessThanOrEqual(100);
    await page.getByRole('tab', { name: '权重' }).click();
  });

  for (const [text, message] of [
    ['150', '150% 超出范围：权重须在 0% 到 100% 之间，未应用'],
    ['-5', '-5% 超出范围：权重须在 0% 到 100% 之间，未应用'],
    ['abc', '“abc”不是数字：请输入 0 到 100 之间的百分数（8 表示 8%），未应用'],
  ]) {
    it(`typing ${text} shows a message at the field and changes nothing`, async () => {
      const gen = await appliedGen();
      const version = await scoreVersion();
      await typeWeight(PCT, '初创期', text);
      const error = cell(PCT, '初创期').getByTestId('weight-error');
      await expect.poll(() => error.count()).toBe(1);
      expect(await error.textContent()).toContain(message);
      expect(await field(PCT, '初创期').getAttribute('aria-invalid')).toBe('true');
      expect(await field(PCT, '初创期').inputValue()).toBe(text);
      // Nothing applied: no request went to the worker, the weights and sums are as before.
      await page.waitForTimeout(300);
      expect(await appliedGen()).toBe(gen);
      expect(await scoreVersion()).toBe(version);
      expect(await cell(PCT, '初创期').getByTestId('weight-decimal').textContent()).toBe('0.1000');
      expect(await field(RD, '初创期').inputValue()).toBe('7.66');
      expect(await page.getByTestId('weight-sum').allTextContents()).toEqual(['100%', '100%', '100%']);
      if (text === 'abc') await page.screenshot({ path: '/tmp/e2e-weights-error-zh.png', fullPage: true });
      // Esc gives the field back its weight
      await field(PCT, '初创期').press('Escape');
      await expect.poll(() => error.count()).toBe(0);
      expect(await field(PCT, '初创期').inputValue()).toBe('10');
    });
  }

  it('a slider moves in 0.1 % steps and its field follows; saved scenarios count set weights, not rescaled ones', async () => {
    // a refused entry first: moving the slider replaces it
    await typeWeight(PCT, '成长期', '1e1');
    await expect.poll(() => cell(PCT, '成长期').getByTestId('weight-error').count()).toBe(1);
    const v = await scoreVersion();
    await slider(PCT, '成长期').fill('0.25');
    await rescored(v);
    expect(await field(PCT, '成长期').inputValue()).toBe('25');
    expect(await cell(PCT, '成长期').getByTestId('weight-error').count()).toBe(0);
    expect(await cell(PCT, '成长期').getByTestId('weight-decimal').textContent()).toBe('0.2500');
    expect(await page.getByTestId('weight-edits').textContent()).toBe('已修改 2 项权重；为保持各阶段合计 100%，同阶段另有 34 项按比例调整。');
    await page.getByRole('tab', { name: '情景分析' }).click();
    await page.getByRole('tab', { name: '方案', exact: true }).click();
    await page.getByLabel('保存当前方案为').fill('PCT 十分之一');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    const changed = page.getByTestId('scenario-changed');
    await expect.poll(() => changed.allTextContents()).toEqual(['2（另 34 项按比例调整）']);
    await page.getByRole('tab', { name: '权重' }).click();
  });

  it('reads the same in English', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    const name = `Venture capital received — Initial weight (%)`;
    const f = page.getByRole('textbox', { name, exact: true });
    await f.fill('abc');
    await f.press('Enter');
    const error = page.locator('td.weight-cell').filter({ has: f }).getByTestId('weight-error');
    expect(await error.textContent()).toContain('“abc” is not a number: type a percentage between 0 and 100 (8 means 8 %); not applied');
    expect(await page.getByTestId('weight-edits').textContent()).toBe('2 weight(s) changed; to keep each stage at 100 %, 34 other weight(s) of the same stage were rescaled.');
    await page.screenshot({ path: '/tmp/e2e-weights-en.png', fullPage: true });
    await f.press('Escape');
    await page.getByRole('button', { name: '中文' }).click();
  });
});

describe('presenter mode shows what each title says', () => {
  it('with unsaved changes: baseline, saved and unsaved slides each show their own numbers', async () => {
    const savedTop = await previewTop();
    const v = await scoreVersion();
    await typeWeight(RD, '稳定期', '30');
    await rescored(v);
    const unsavedTop = await previewTop();
    // The three scenarios must rank differently, or the check below would prove nothing.
    expect(savedTop).not.toEqual(baselineTop);
    expect(unsavedTop).not.toEqual(savedTop);

    await page.getByRole('tab', { name: '情景分析' }).click();
    await page.getByRole('tab', { name: '方案', exact: true }).click();
    await page.getByRole('button', { name: '演示模式' }).click();
    const title = page.getByTestId('presenter').locator('h2');
    const slides: [string, [string, number][]][] = [
      ['公布权重（基准）', baselineTop],
      ['PCT 十分之一', savedTop],
      ['PCT 十分之一（含未保存的修改）', unsavedTop],
      ['公布权重（基准）', baselineTop], // wraps around
    ];
    for (const [i, [name, top]] of slides.entries()) {
      if (i > 0) await page.keyboard.press('ArrowRight');
      await expect.poll(() => title.textContent()).toBe(name);
      expectSameTop(await presenterTop(), top);
      if (i === 0) await page.screenshot({ path: '/tmp/e2e-presenter-baseline.png' });
    }
    expect(await page.getByTestId('presenter').textContent()).toContain('第 1 / 3 个方案');
    // The same slides in English: the title follows the language, the numbers stay the slide's own.
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => title.textContent()).toBe('Published weights (baseline)');
    expectSameTop(await presenterTop(), baselineTop);
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => title.textContent()).toBe('PCT 十分之一 (with unsaved changes)');
    expectSameTop(await presenterTop(), unsavedTop);
    await page.screenshot({ path: '/tmp/e2e-presenter-unsaved-en.png' });
    await page.getByRole('button', { name: '中文' }).click();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('presenter').count()).toBe(0);
    // leaving restores the unsaved scenario that was on screen
    await page.getByRole('tab', { name: '权重' }).click();
    await expect.poll(() => field(RD, '稳定期').inputValue()).toBe('30');
    await expect.poll(previewTop).toEqual(unsavedTop);
  });

  it('logged no console error', () => {
    expect(log.errors).toEqual([]);
  });
});
