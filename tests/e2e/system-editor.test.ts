import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IndicatorSystem } from '../../src/engine/index.ts';
import { DEMO_DEFAULT_ROWS, demoCsv } from '../../src/demo/generate.ts';
import { exampleBankModel } from '../../src/systems/edit-system.ts';
import { exportSystem, getSystem } from '../../src/systems/index.ts';
import { scoreCells } from '../cli/run-cli.ts';
import { foreignRequests, launchChromium, recordPage, type PageLog } from './browser.ts';
import { buildAndServe } from './site.ts';

/**
 * 指标体系 in the browser: a bank model with a custom indicator (a formula), imported as a file or
 * built in the editor, scores in the page exactly as `score --system FILE.json` scores it on the
 * same demo — with and without a segment. Every expected rank and score comes from the CLI's file.
 * Broken formulas are refused at the field in plain words; the system survives a reload and
 * travels with a share link.
 */
let site: Awaited<ReturnType<typeof buildAndServe>>;
let browser: Browser;
let ctx: BrowserContext;
let page: Page;
let log: PageLog;
let dir: string;
let input: string;
const CONDITION = "city = '成都市' AND industry_code LIKE 'C39%'";
const sichuan = getSystem('sichuan-2024') as IndicatorSystem;
const bank = exampleBankModel(sichuan);

/** `score` with the given system file (and segment): its data lines split into cells. */
function cli(systemFile: string, extra: string[] = []): Promise<string[][]> {
  return scoreCells(join(dir, `out-${Math.random().toString(36).slice(2)}.csv`), ['--system', systemFile, '--input', input, ...extra]);
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'system-e2e-'));
  input = join(dir, 'demo.csv');
  await writeFile(input, demoCsv({ rows: DEMO_DEFAULT_ROWS }));
  await writeFile(join(dir, 'bank.json'), exportSystem(bank));
  site = await buildAndServe('/points/');
  browser = await launchChromium();
  ctx = await browser.newContext({ viewport: { width: 1400, height: 1000 }, timezoneId: 'Asia/Shanghai', acceptDownloads: true });
  page = await ctx.newPage();
  log = recordPage(page);
  await page.goto(`${site.url}#system`);
  await page.waitForSelector('.app[data-phase="ready"]', { timeout: 60_000 });
}, 180_000);

afterAll(async () => {
  await ctx?.close().catch(() => {});
  await browser?.close();
  await site?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const gen = () => page.locator('.app').getAttribute('data-score-version');

/** The ranking's first page as the page shows it: USCC, rank and score (2 decimals). */
async function rankingPage(p: Page = page): Promise<{ uscc: string; rank: number; score: string }[]> {
  await p.getByRole('tab', { name: '排名', exact: true }).click();
  const rows = p.locator('[data-testid="ranking-table"] tbody tr');
  await expect.poll(() => rows.count(), { timeout: 30_000 }).toBeGreaterThan(10);
  return rows.evaluateAll((trs) =>
    trs.map((tr) => ({
      uscc: tr.querySelector('td.code')!.textContent!.trim(),
      rank: Number(tr.querySelector('td.rank')!.textContent!.trim().replace(/,/g, '')),
      score: tr.querySelector('td.score')!.textContent!.trim(),
    })),
  );
}
const fromCli = (rows: string[][], n: number) => rows.slice(0, n).map((c) => ({ uscc: c[0], rank: Number(c[6]), score: Number(c[5]).toFixed(2) }));

describe('指标体系 (custom indicators) in the browser', () => {
  it('shows a preset read-only, with each indicator’s computation in words', async () => {
    expect(await page.getByTestId('system-kind').textContent()).toContain('预置体系');
    const table = page.getByTestId('system-indicators');
    expect(await table.locator('tbody tr').count()).toBe(18);
    expect(await table.locator('tr[data-indicator="rd_intensity"] td[data-formula]').textContent()).toBe('研发费用 ÷ 营业收入');
    expect(await table.locator('tr[data-indicator="rd_growth"] td[data-formula]').textContent()).toBe('增长率（研发费用，上年研发费用）');
    expect(await table.locator('td[data-sum="initial"]').textContent()).toBe('100%');
    expect(await page.getByTestId('indicator-form').count()).toBe(0);
  });

  it('an imported bank model scores as `score --system FILE.json`, with and without a segment', async () => {
    const [full, seg, preset] = await Promise.all([cli(join(dir, 'bank.json')), cli(join(dir, 'bank.json'), ['--segment', CONDITION]), cli('sichuan-2024')]);
    // The custom indicator moves the top of the list: the comparison below can tell the two systems apart.
    expect(fromCli(full, 50)).not.toEqual(fromCli(preset, 50));
    const before = await gen();
    await page.getByTestId('system-import').setInputFiles({ name: 'bank.json', mimeType: 'application/json', buffer: Buffer.from(exportSystem(bank)) });
    await expect.poll(() => page.getByTestId('system-message').textContent()).toContain('已导入“示例银行模型');
    await expect.poll(gen, { timeout: 30_000 }).not.toBe(before);
    expect(await page.locator('header select').inputValue()).toBe(bank.id);
    expect(await page.getByTestId('system-indicators').locator('tbody tr').count()).toBe(19);
    const shown = await rankingPage();
    expect(shown).toEqual(fromCli(full, shown.length));

    // The same system with the segment: the page's rows are the CLI's segment rows.
    await page.getByTestId('segment-input').fill(CONDITION);
    await page.getByTestId('segment-apply').click();
    await expect.poll(() => page.getByTestId('context-segment').getAttribute('data-count'), { timeout: 30_000 }).toBe(String(seg.length));
    const inSeg = await rankingPage();
    expect(inSeg).toEqual(fromCli(seg, inSeg.length));
    await page.getByTestId('context-segment-clear').click();
    await expect.poll(() => page.getByTestId('context-segment').count()).toBe(0);
  }, 180_000);

  it('refuses broken formulas and weights at the field, in plain words', async () => {
    await page.getByRole('tab', { name: '指标体系' }).click();
    const formula = page.getByTestId('indicator-formula');
    const error = page.getByTestId('formula-error');
    const cases: [string, string][] = [
      ['rd_expense / (tech_staff', '缺少右括号'],
      ['rd_expense / staff_count', '没有字段“staff_count”'],
      ['rd_expense / city', '不是数值字段'],
      ["read_csv('/etc/passwd')", '不能用在公式里'],
      ['rd_expense；1', '不能用在公式里'],
      ['rd_expense（', '全角符号'],
    ];
    for (const [text, message] of cases) {
      await formula.fill(text);
      await expect.poll(() => error.textContent()).toContain(message);
      expect(await formula.getAttribute('aria-invalid')).toBe('true');
    }
    await formula.fill('invention_applications / tech_staff');
    expect(await page.getByTestId('formula-fields').textContent()).toContain('科技人员数量（tech_staff）');
    // No name, a weight that is not a number, and without rescaling a stage that does not sum to 100%.
    await page.getByTestId('indicator-weight-growth').fill('8,5');
    await page.getByTestId('indicator-rescale').uncheck();
    await page.getByTestId('indicator-submit').click();
    const form = page.getByTestId('indicator-form');
    await expect
      .poll(() => form.locator('[role="alert"]').allTextContents())
      .toEqual([
        '请填写指标名称',
        '不按比例缩放时，初创期各指标权重之和须为 100%：现为 110%（其余指标合计 100%）',
        '“8,5”不是数字：请填写如 10 或 7.5 的百分数',
        '不按比例缩放时，稳定期各指标权重之和须为 100%：现为 110%（其余指标合计 100%）',
      ]);
    expect(await page.getByTestId('system-indicators').locator('tbody tr').count()).toBe(19); // nothing applied

    // A broken system file: each problem in words at the import, the file's names in the path, nothing imported.
    const broken = JSON.parse(exportSystem(bank)) as { indicators: { value: { expr?: string }; weights: Record<string, number> }[]; colour?: string };
    broken.indicators[18].value.expr = 'read_csv(rd_expense)';
    broken.indicators[0].weights.growth = 0.5;
    broken.colour = 'red';
    const systemsBefore = await page.locator('header select option').count();
    await page.getByTestId('system-import').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) });
    const problems = page.getByTestId('system-errors').locator('li');
    await expect.poll(() => problems.allTextContents()).toEqual(['文件：有不认识的键 "colour"（可能是拼写错误）']);
    delete broken.colour;
    await page.getByTestId('system-import').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) });
    await expect
      .poll(() => problems.allTextContents())
      .toEqual([
        '全部指标 › 权重 › 阶段“成长期”：阶段“growth”的权重合计为 1.428，应为 1（即 100%）',
        '指标第 19 项“研发人员人均研发费用” › 取值规则 › 公式：公式“read_csv(rd_expense)”有误：没有函数“read_csv”（只有 growth(本年, 上年)）',
      ]);
    expect(await page.locator('header select option').count()).toBe(systemsBefore);
    expect(foreignRequests(log, new URL(site.url).origin)).toEqual([]);
  }, 60_000);

  it('an indicator added in the editor, exported, scores the same in the CLI; the system survives a reload', async () => {
    await page.getByRole('tab', { name: '指标体系' }).click();
    await page.getByTestId('indicator-name').fill('人均发明专利申请');
    await page.getByTestId('indicator-formula').fill('invention_applications / tech_staff');
    await page.getByTestId('indicator-rescale').check();
    for (const st of ['initial', 'growth', 'stable']) await page.getByTestId(`indicator-weight-${st}`).fill('5');
    const before = await gen();
    await page.getByTestId('indicator-submit').click();
    await expect.poll(() => page.getByTestId('system-message').textContent()).toContain('已保存“人均发明专利申请”');
    await expect.poll(gen, { timeout: 30_000 }).not.toBe(before);
    const table = page.getByTestId('system-indicators');
    expect(await table.locator('tbody tr').count()).toBe(20);
    expect(await table.locator('tbody tr').last().locator('td[data-formula]').textContent()).toBe('与主营业务相关的发明专利申请量 ÷ 科技人员数量');
    // 5% new, the others × 0.95: the bank model's 10% becomes 9.5%, every stage still 100%.
    expect(await table.locator('tr[data-indicator="rd_per_tech_staff"] td[data-stage="initial"]').textContent()).toBe('9.5%');
    for (const st of ['initial', 'growth', 'stable']) expect(await table.locator(`td[data-sum="${st}"]`).textContent()).toBe('100%');

    const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.getByTestId('system-export').click()]);
    const file = join(dir, 'edited.json');
    await writeFile(file, await readFile((await dl.path())!));
    const shown = await rankingPage();
    expect(shown).toEqual(fromCli(await cli(file), shown.length));

    // Reloaded: the system is still there, in the header's list.
    await page.reload();
    await page.waitForSelector('.app[data-phase="ready"]', { timeout: 60_000 });
    const options = await page.locator('header select option').allTextContents();
    expect(options).toContain(bank.name.zh);
  }, 180_000);

  it('a share link carries the custom system to a browser that does not have it', async () => {
    await page.locator('header select').selectOption(bank.id);
    const shown = await rankingPage();
    await page.getByTestId('copy-link').click();
    const url = await page.getByTestId('share-url').inputValue();
    const other = await browser.newContext({ viewport: { width: 1400, height: 1000 }, timezoneId: 'Asia/Shanghai' });
    const fresh = await other.newPage();
    const freshLog = recordPage(fresh);
    await fresh.goto(url);
    await fresh.waitForSelector('[data-link-status="applied"]', { timeout: 60_000 });
    expect(await fresh.locator('header select').inputValue()).toBe(bank.id);
    expect(await rankingPage(fresh)).toEqual(shown);
    expect(freshLog.errors).toEqual([]);

    // A browser holding another system under the same id keeps it; the link's comes in beside it.
    const third = await browser.newContext({ viewport: { width: 1400, height: 1000 }, timezoneId: 'Asia/Shanghai' });
    const p3 = await third.newPage();
    const log3 = recordPage(p3);
    await p3.goto(`${site.url}#system`);
    await p3.waitForSelector('.app[data-phase="ready"]', { timeout: 60_000 });
    await p3.getByTestId('system-example').click();
    await expect.poll(() => p3.locator('header select').inputValue()).toBe(bank.id);
    await p3.locator('tr[data-indicator="rd_expense"]').getByRole('button', { name: /删除/ }).click();
    await expect.poll(() => p3.getByTestId('system-indicators').locator('tbody tr').count()).toBe(18);
    await p3.goto(url);
    await p3.reload();
    await p3.waitForSelector('[data-link-status="applied"]', { timeout: 60_000 });
    expect(await p3.locator('header select').inputValue()).toBe(`${bank.id}-2`);
    expect(await p3.locator('header select option:checked').textContent()).toContain('（来自链接）');
    expect(await rankingPage(p3)).toEqual(shown);
    await p3.getByRole('tab', { name: '指标体系' }).click();
    await p3.locator('header select').selectOption(bank.id);
    await expect.poll(() => p3.getByTestId('system-indicators').locator('tbody tr').count()).toBe(18); // the user's own, untouched
    expect(log3.errors.filter((e) => !e.includes('ERR_ABORTED'))).toEqual([]);
    await third.close();
    await other.close();
  }, 120_000);

  it('a Monte Carlo run is not exported under a system saved again after it', async () => {
    await page.locator('header select').selectOption(bank.id);
    await page.getByRole('tab', { name: '情景分析' }).click();
    await page.getByRole('tab', { name: '蒙特卡洛' }).click();
    await page.getByLabel('抽样次数').fill('20');
    await page.getByLabel('抽样次数').blur();
    await page.getByTestId('mc-run').click();
    await expect.poll(() => page.getByTestId('mc-table').locator('tbody tr').count(), { timeout: 60_000 }).toBe(50);
    // Before any change the export goes through.
    const [ok] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.getByTestId('mc-export-csv').click()]);
    expect(ok.suggestedFilename()).toMatch(/^蒙特卡洛-入选概率-.*\.csv$/);

    // The system saved again (renamed) under the same id: the held run no longer matches it.
    await page.getByRole('tab', { name: '指标体系' }).click();
    await page.getByTestId('system-name-zh').fill('示例银行模型（改）');
    await page.getByTestId('system-name-zh').press('Enter');
    await expect.poll(() => page.getByTestId('system-name').textContent()).toBe('示例银行模型（改）');
    await page.getByRole('tab', { name: '情景分析' }).click();
    await page.getByRole('tab', { name: '蒙特卡洛' }).click();
    let downloaded = false;
    page.once('download', () => (downloaded = true));
    await page.getByTestId('mc-export-csv').click();
    await expect
      .poll(() => page.locator('[role="alert"].error-text').allTextContents())
      .toContain('蒙特卡洛：运行后指标体系已重新保存，表中的结果按修改前的体系计算。请重新运行后再导出。');
    expect(downloaded).toBe(false);
  }, 120_000);

  it('reads in English, and deleting the system returns to the default one', async () => {
    await page.getByRole('tab', { name: '指标体系' }).click();
    await page.locator('header .lang button', { hasText: 'English' }).click();
    expect(await page.getByTestId('system-kind').textContent()).toBe('Custom system (kept in this browser)');
    await page.getByTestId('indicator-formula').fill('rd_expense / (tech_staff');
    await expect.poll(() => page.getByTestId('formula-error').textContent()).toBe('a closing bracket is missing');
    await page.screenshot({ path: '/tmp/e2e-system-en.png', fullPage: true });
    await page.locator('header .lang button', { hasText: '中文' }).click();
    // A scenario saved for the system goes with it, and the confirmation says so first.
    await page.getByRole('tab', { name: '情景分析' }).click();
    await page.getByRole('tab', { name: '方案', exact: true }).click();
    await page.getByLabel('保存当前方案为').fill('银行模型方案');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await expect.poll(() => page.getByTestId('scenario-table').textContent()).toContain('银行模型方案');
    await page.getByRole('tab', { name: '指标体系' }).click();
    await page.getByTestId('system-remove').click();
    expect(await page.getByTestId('system-view').getByRole('alert').first().textContent()).toContain('方案库中使用该体系的 1 个方案将一并删除');
    await page.getByTestId('system-remove-yes').click();
    await expect.poll(() => page.locator('header select').inputValue()).toBe('sichuan-2024');
    expect(await page.locator('header select option').allTextContents()).not.toContain(bank.name.zh);
    await page.getByRole('tab', { name: '情景分析' }).click();
    await page.getByRole('tab', { name: '方案', exact: true }).click();
    expect(await page.getByTestId('scenario-table').textContent()).not.toContain('银行模型方案');
    expect(log.errors.filter((e) => !e.includes('favicon'))).toEqual([]);
    expect(foreignRequests(log, new URL(site.url).origin)).toEqual([]);
  }, 60_000);
});
