import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readOutput, runCli } from '../cli/run-cli.ts';
import { launchChromium } from './browser.ts';
import { buildAndServe } from './site.ts';

/**
 * Issue 10, bullets 2 and 4 in Chromium: a file in the MOST sample-form shape (no Sichuan bonus
 * or veto column) names every missing field with its effect after the import and on 概览, also
 * after a system switch; every view says which dataset, how many rows, which as-of date and which
 * scenario (with a "modified" marker) it shows; a reload restores the scenario by name; the
 * browser's as-of date gives the stage counts the CLI gives with --as-of.
 */
const FILES = resolve(import.meta.dirname, '../corpus/files');
const FILE = 'most-sample-form.csv';
let site: Awaited<ReturnType<typeof buildAndServe>>;
let browser: Browser;
let page: Page;
let dir: string;

/** duplicate-uscc.csv without its two Sichuan bonus/veto columns: the seed-004 shape. */
async function writeSampleForm(): Promise<string> {
  const text = await readFile(join(FILES, 'duplicate-uscc.csv'), 'utf8');
  const lines = text.trimEnd().split(/\r?\n/);
  const header = lines[0].split(',');
  const drop = new Set([header.indexOf('主营业务属于重点支持的战略性新兴产业、未来产业'), header.indexOf('被纳入失信被执行人名单')]);
  expect([...drop].every((i) => i >= 0)).toBe(true);
  const out =
    lines
      .map((l) =>
        l
          .split(',')
          .filter((_, i) => !drop.has(i))
          .join(','),
      )
      .join('\n') + '\n';
  const path = join(dir, FILE);
  await writeFile(path, out);
  return path;
}

const missingList = (where: string) =>
  page
    .locator(`[data-testid="missing-inputs"][data-where="${where}"] li`)
    .evaluateAll((lis) => lis.map((li) => [li.getAttribute('data-kind'), li.getAttribute('data-field'), li.textContent]));

/** Sichuan's 5 bonus fields and 3 veto fields with the effect, as the issue words it. */
const SICHUAN_MISSING = [
  ['bonus', 'strategic_industry', '加分项『主营业务属于重点支持的战略性新兴产业、未来产业』缺失：所有企业此项计 0 分'],
  ['bonus', 'honors', '加分项『专精特新“小巨人”、制造业单项冠军、国家级技术创新示范企业、瞪羚企业数量』缺失：所有企业此项计 0 分'],
  ['bonus', 'high_level_talents', '加分项『入选国省级高层次人才认定数量』缺失：所有企业此项计 0 分'],
  ['bonus', 'standards', '加分项『主导或参与制(修)订标准数量』缺失：所有企业此项计 0 分'],
  ['bonus', 'ip_assets', '加分项『拥有发明专利、植物新品种、新药、集成电路布图设计等数量』缺失：所有企业此项计 0 分'],
  ['veto', 'major_safety_accident', '约束项『近3年发生重大安全事故』缺失：不做清零判断'],
  ['veto', 'research_blacklist', '约束项『被列入科研黑名单』缺失：不做清零判断'],
  ['veto', 'dishonest_debtor', '约束项『被纳入失信被执行人名单』缺失：不做清零判断'],
];

async function waitScored(before: number): Promise<void> {
  await page.waitForFunction(
    (b) => Number(document.querySelector('.app')?.getAttribute('data-score-version')) > b && document.querySelector('.app')?.getAttribute('data-phase') === 'ready',
    before,
    {
      timeout: 60_000,
    },
  );
}
const scoreVersion = async () => Number(await page.locator('.app').getAttribute('data-score-version'));

async function stageCounts(): Promise<number[]> {
  await page.getByRole('tab', { name: '概览' }).click();
  return page.locator('[data-testid="stage-counts"] tbody tr').evaluateAll((trs) => trs.map((tr) => Number((tr.querySelector('td')?.textContent ?? '').replace(/,/g, ''))));
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ipw-e2e-onscreen-'));
  site = await buildAndServe('/points/');
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await page.goto(`${site.url}#data`);
  await page.waitForSelector('.app[data-phase="ready"]', { timeout: 90_000 });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('what is on screen, and what the file lacks', () => {
  it('after the import and on 概览: every missing bonus and veto field with its effect; a system switch re-lists them', async () => {
    const path = await writeSampleForm();
    await page.getByTestId('import-file').setInputFiles(path);
    await page.waitForFunction(
      () =>
        document.querySelector('.data-view')?.getAttribute('data-import-phase') === 'review' && document.querySelector('.data-view')?.getAttribute('data-validating') === 'false',
      null,
      {
        timeout: 60_000,
      },
    );
    await expect.poll(() => missingList('import')).toEqual(SICHUAN_MISSING);
    await page.getByTestId('missing-inputs').screenshot({ path: '/tmp/e2e-onscreen-missing-import.png' });

    const before = await scoreVersion();
    await page.getByTestId('score-import').click();
    await waitScored(before);
    await page.getByRole('tab', { name: '概览' }).click();
    expect(await missingList('overview')).toEqual(SICHUAN_MISSING);

    // Another system reads other fields: the list follows the selector.
    const v = await scoreVersion();
    await page.locator('header select').selectOption('torch-2021');
    await waitScored(v);
    await expect.poll(() => page.locator('[data-testid="missing-inputs"][data-where="overview"]').getAttribute('data-system')).toBe('torch-2021');
    const torch = await missingList('overview');
    expect(torch).toContainEqual(['indicator', 'hnte_or_tsme', expect.stringContaining('缺失：指标「3.5 是否高新技术企业/科技型中小企业」对所有企业按缺失计（得 0 分）')]);
    expect(torch.map(([, f]) => f)).not.toContain('strategic_industry');
    await page.screenshot({ path: '/tmp/e2e-onscreen-overview-torch.png', fullPage: true });
    const w = await scoreVersion();
    await page.locator('header select').selectOption('sichuan-2024');
    await waitScored(w);
    await expect.poll(() => missingList('overview')).toEqual(SICHUAN_MISSING);
  });

  it('概览 and 排名 name the dataset and its rows; 载入用时 is a number', async () => {
    for (const tab of ['概览', '排名']) {
      await page.getByRole('tab', { name: tab }).click();
      expect(await page.getByTestId('context-dataset').textContent()).toBe(FILE);
      // 6 data rows, two sharing one USCC (both excluded): 4 scored.
      expect(await page.getByTestId('context-rows').textContent()).toBe('6 行，参与评分 4 家');
      expect(await page.getByTestId('context-scenario').textContent()).toBe('公布权重（基准）');
      expect(await page.getByTestId('context-modified').count()).toBe(0);
    }
    await page.getByRole('tab', { name: '概览' }).click();
    expect(await page.getByTestId('load-time').textContent()).toMatch(/^\d+(\.\d)? s$/);
    await page.screenshot({ path: '/tmp/e2e-onscreen-overview.png', fullPage: true });
  });

  it('the browser as-of date gives the CLI --as-of stage counts for the same date; a bad date is refused at the field', async () => {
    const published = await stageCounts();
    const asOf = '2025-03-01';
    const v = await scoreVersion();
    await page.getByTestId('context-as-of').fill(asOf);
    await page.getByTestId('context-as-of').press('Enter');
    await waitScored(v);
    const browserCounts = await stageCounts();

    const output = join(dir, 'out.csv');
    const r = await runCli(['--system', 'sichuan-2024', '--input', join(dir, FILE), '--output', output, '--as-of', asOf]);
    expect(r.code, r.stderr).toBe(0);
    const rows = (await readOutput(output)).rows;
    const cli = ['initial', 'growth', 'stable'].map((s) => rows.filter((x) => x.stage === s).length);
    // By hand (the two rows of the repeated USCC are excluded): at 2025-03-01 初创期 starts
    // 2020-03-01 and 成长期 2015-03-01 → 2021-01-10 is 初创期, 2019-07-07 and 2015-03-15 成长期,
    // 2008-11-30 稳定期.
    expect(cli).toEqual([1, 2, 1]);
    expect(browserCounts).toEqual(cli);
    expect(published).toEqual([2, 1, 1]); // at 2023-12-31, 2019-07-07 is still 初创期
    expect(await page.getByTestId('context-modified').count()).toBe(1);

    await page.getByTestId('context-as-of').fill('2023-02-30');
    await page.getByTestId('context-as-of').press('Enter');
    expect(await page.getByTestId('context-as-of-error').textContent()).toContain('不是有效日期');
    await page.getByRole('button', { name: '恢复默认' }).click();
    await expect.poll(() => stageCounts()).toEqual([2, 1, 1]);
    expect(await page.getByTestId('context-modified').count()).toBe(0);
  });

  it('changing a weight shows the marker; a saved scenario is named again after a reload', async () => {
    await page.getByRole('tab', { name: '权重' }).click();
    const v = await scoreVersion();
    await page.getByRole('slider', { name: '与主营业务相关的PCT专利申请量 — 初创期 权重' }).fill('0.3');
    await waitScored(v);
    expect(await page.getByTestId('context-modified').textContent()).toBe('已修改');
    await page.screenshot({ path: '/tmp/e2e-onscreen-weights-modified.png' });

    await page.getByRole('tab', { name: '情景分析' }).click();
    await page.getByRole('tab', { name: '方案', exact: true }).click();
    await page.getByLabel('保存当前方案为').fill('PCT 加权');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await expect.poll(() => page.getByTestId('context-scenario').textContent()).toBe('PCT 加权');
    expect(await page.getByTestId('context-modified').count()).toBe(0);

    // The session is written to IndexedDB asynchronously: reload once it holds the name (a reload
    // in the same millisecond as the save is not what this checks, and raced on a busy machine).
    const storedName = () =>
      page.evaluate(
        () =>
          new Promise<string | null>((resolve) => {
            const r = indexedDB.open('innovation-points-workbench');
            r.onsuccess = () => {
              const get = r.result.transaction('meta').objectStore('meta').get('session');
              get.onsuccess = () => {
                r.result.close();
                resolve((get.result as { scenarioName?: string } | undefined)?.scenarioName ?? null);
              };
              get.onerror = () => resolve(null);
            };
            r.onerror = () => resolve(null);
          }),
      );
    await expect.poll(storedName, { timeout: 30_000 }).toBe('PCT 加权');
    await page.reload();
    await page.waitForSelector('[data-testid="dataset-list"][data-restored="true"], .app[data-phase="ready"]', { timeout: 90_000 });
    await expect.poll(() => page.getByTestId('context-dataset').textContent(), { timeout: 60_000 }).toBe(FILE);
    await expect.poll(() => page.getByTestId('context-scenario').textContent(), { timeout: 30_000 }).toBe('PCT 加权');
    expect(await page.getByTestId('context-modified').count()).toBe(0);
    await page.getByRole('button', { name: 'English' }).click();
    expect(await page.getByTestId('context-rows').textContent()).toBe('6 rows, 4 scored');
    await page.screenshot({ path: '/tmp/e2e-onscreen-en.png' });
    await page.getByRole('button', { name: '中文' }).click();
  });
});
