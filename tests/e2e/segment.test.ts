import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_DEFAULT_ROWS, demoCsv } from '../../src/demo/generate.ts';
import { runCli, scoreCells } from '../cli/run-cli.ts';
import { foreignRequests, launchChromium, recordPage, type PageLog } from './browser.ts';
import { buildAndServe } from './site.ts';

/**
 * Segments in the page: a SQL condition typed in 排名 runs in the locked DuckDB-wasm and the
 * ranking shows its rows — the same rows, scores and ranks as `score --segment` on the same demo
 * (tests/cli/segment.test.ts checks that one against the generator's records); the context bar
 * names the segment; hostile conditions are refused at the field and make no request.
 */
let site: Awaited<ReturnType<typeof buildAndServe>>;
let browser: Browser;
let ctx: BrowserContext;
let page: Page;
let log: PageLog;
let dir: string;
const CONDITION = "city = '成都市' AND industry_code LIKE 'C39%'";

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'segment-e2e-'));
  site = await buildAndServe('/points/');
  browser = await launchChromium();
  ctx = await browser.newContext({ viewport: { width: 1400, height: 1000 }, timezoneId: 'Asia/Shanghai' });
  page = await ctx.newPage();
  log = recordPage(page);
  await page.goto(site.url);
  await page.waitForSelector('.app[data-phase="ready"]', { timeout: 60_000 });
}, 120_000);

afterAll(async () => {
  await ctx?.close().catch(() => {});
  await browser?.close();
  await site?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** `score --segment CONDITION` on the default demo: its data lines (uscc,stage,base,bonus,vetoed,score,rank,stage_rank), run once. */
let cliRun: Promise<string[]> | null = null;
function cliSegment(): Promise<string[]> {
  cliRun ??= (async () => {
    const input = join(dir, 'demo.csv');
    await writeFile(input, demoCsv({ rows: DEMO_DEFAULT_ROWS }));
    const out = join(dir, 'seg.csv');
    const cli = await runCli(['--system', 'sichuan-2024', '--input', input, '--output', out, '--segment', CONDITION]);
    expect(cli.code, cli.stderr).toBe(0);
    return (await readFile(out, 'utf8')).trimEnd().split('\n').slice(1);
  })();
  return cliRun;
}

async function download(testid: string): Promise<{ name: string; text: string }> {
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.getByTestId(testid).click()]);
  return { name: dl.suggestedFilename(), text: (await readFile(await dl.path())).toString('utf8') };
}

async function apply(text: string): Promise<void> {
  await page.getByTestId('segment-input').fill(text);
  await page.getByTestId('segment-apply').click();
}

describe('segment (细分范围) in the browser', () => {
  it('shows the rows of `score --segment`, ranked within the segment, and names the segment', async () => {
    const lines = await cliSegment();
    expect(lines.length).toBeGreaterThan(20);

    await page.getByRole('tab', { name: '排名' }).click();
    await apply(CONDITION);
    const context = page.getByTestId('context-segment');
    await expect.poll(() => context.getAttribute('data-count'), { timeout: 30_000 }).toBe(String(lines.length));
    expect(await context.textContent()).toContain(CONDITION);
    await expect.poll(() => page.getByTestId('segment-rank-header').count()).toBe(1);
    expect(await page.getByTestId('segment-scope').textContent()).toContain('归一化上下限来自全部企业');
    // The columns the condition did not name follow in the background until the table holds every one (`score` is not one of them).
    await expect.poll(() => page.getByTestId('segment-scope').getAttribute('data-complete'), { timeout: 60_000 }).toBe('true');

    // First page: USCC, population rank and score as the CLI wrote them, segment ranks 1224 among them.
    const rows = page.locator('[data-testid="ranking-table"] tbody tr');
    await expect.poll(() => rows.count()).toBe(Math.min(50, lines.length));
    const shown = await rows.evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => td.textContent!.trim())));
    const cliRows = lines.slice(0, shown.length).map((l) => l.split(','));
    const cliRanks = cliRows.map((c) => Number(c[6]));
    const expectedSeg = cliRanks.map((r, i) => (i > 0 && r === cliRanks[i - 1] ? NaN : i + 1));
    for (let i = 1; i < expectedSeg.length; i++) if (Number.isNaN(expectedSeg[i])) expectedSeg[i] = expectedSeg[i - 1];
    expect(shown.map((c) => c[4])).toEqual(cliRows.map((c) => c[0])); // USCC column
    expect(shown.map((c) => Number(c[0]))).toEqual(cliRanks);
    expect(shown.map((c) => Number(c[1]))).toEqual(expectedSeg);
    expect(shown.map((c) => Number(c[6]).toFixed(2))).toEqual(cliRows.map((c) => Number(c[5]).toFixed(2)));

    // Cleared: the whole population again, the context bar says nothing of a segment.
    await page.getByTestId('context-segment-clear').click();
    await expect.poll(() => context.count()).toBe(0);
    await expect.poll(() => page.getByTestId('segment-rank-header').count()).toBe(0);
  }, 120_000);

  it('a segment is saved with a scenario, restored with it, dropped by the published weights, and opened by a link', async () => {
    await page.getByRole('tab', { name: '排名' }).click();
    await apply(CONDITION);
    const context = page.getByTestId('context-segment');
    await expect.poll(() => context.count(), { timeout: 30_000 }).toBe(1);
    const count = await context.getAttribute('data-count');
    expect(Number(count)).toBeGreaterThan(20);

    await page.getByRole('tab', { name: '情景分析' }).click();
    await page.getByRole('tab', { name: '方案', exact: true }).click();
    await page.getByLabel('保存当前方案为').fill('成都先进制造');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await expect.poll(() => page.getByTestId('scenario-segment').first().textContent()).toBe(CONDITION);
    // The published weights are a scenario without a segment: applying them shows every enterprise.
    await page.getByRole('button', { name: '恢复公布权重' }).click();
    await expect.poll(() => context.count()).toBe(0);
    await page.getByRole('button', { name: '应用方案“成都先进制造”' }).click();
    await expect.poll(() => context.getAttribute('data-count'), { timeout: 30_000 }).toBe(count);

    // The link carries the segment: a fresh page opens with the same segment and count.
    await page.getByTestId('copy-link').click();
    const url = await page.getByTestId('share-url').inputValue();
    const fresh = await ctx.newPage();
    const freshLog = recordPage(fresh);
    await fresh.goto(url);
    await fresh.waitForSelector('[data-link-status="applied"]', { timeout: 60_000 });
    await expect.poll(() => fresh.getByTestId('context-segment').getAttribute('data-count'), { timeout: 30_000 }).toBe(count);
    expect(await fresh.getByTestId('context-segment').textContent()).toContain(CONDITION);
    await fresh.getByRole('tab', { name: '排名' }).click();
    await expect.poll(() => fresh.getByTestId('segment-rank-header').count()).toBe(1);
    expect(await fresh.getByTestId('segment-input').inputValue()).toBe(CONDITION);
    expect(freshLog.errors).toEqual([]);
    await fresh.close();
    await page.getByTestId('context-segment-clear').click();
    await expect.poll(() => context.count()).toBe(0);
  }, 180_000);

  it('名单 drawn from the segment: the top 100 of the segment, its rank shown, the export names the segment', async () => {
    // Expected from the CLI's file alone: not vetoed, and a competition rank within the segment ≤ 100.
    const rows = (await cliSegment()).map((l) => l.split(','));
    const scores = rows.map((c) => Number(c[5]));
    const segRank = new Map(rows.map((c, i) => [c[0], 1 + scores.filter((s) => s > scores[i]).length]));
    const expected = rows.filter((c) => c[4] === 'false' && segRank.get(c[0])! <= 100).map((c) => c[0]);
    expect(expected.length).toBeGreaterThan(20);

    await page.getByRole('tab', { name: '排名' }).click();
    await apply(CONDITION);
    await expect.poll(() => page.getByTestId('context-segment').count(), { timeout: 30_000 }).toBe(1);
    await page.getByRole('tab', { name: '情景分析' }).click();
    await page.getByRole('tab', { name: '名单', exact: true }).click();
    await expect.poll(() => page.getByTestId('list-segment-note').textContent(), { timeout: 30_000 }).toContain(CONDITION);
    const table = page.getByTestId('list-table');
    await expect.poll(() => page.getByTestId('list-segment-rank').count()).toBe(1);
    await expect.poll(() => table.locator('tbody tr').count(), { timeout: 30_000 }).toBe(Math.min(50, expected.length));
    const head = await table.locator('thead th').allTextContents();
    const shown = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => td.textContent!.trim())));
    const usccCol = head.indexOf('统一社会信用代码');
    const segCol = head.indexOf('细分名次');
    expect(usccCol).toBeGreaterThan(-1);
    for (const c of shown) {
      expect(expected).toContain(c[usccCol]);
      expect(Number(c[segCol].replace(/,/g, ''))).toBe(segRank.get(c[usccCol]));
    }

    const csv = await download('export-csv');
    expect(csv.name).toMatch(/^积分榜-细分-\d{4}-\d{2}-\d{2}\.csv$/);
    const body = csv.text
      .slice(1)
      .split('\r\n')
      .filter((l) => l !== '');
    expect(body.length - 1).toBe(expected.length);
    const notes = (await download('export-notes-csv')).text.slice(1).split('\r\n');
    expect(notes).toContain(`细分范围 Segment,${CONDITION}`);
    expect(notes).toContain(`行数 Rows,${expected.length}`);
    await page.screenshot({ path: '/tmp/e2e-segment-list.png', fullPage: true });

    await page.getByTestId('context-segment-clear').click();
    await expect.poll(() => page.getByTestId('list-segment-note').count()).toBe(0);
    await expect.poll(() => page.getByTestId('list-segment-rank').count()).toBe(0);
  }, 180_000);

  it('refuses hostile conditions at the field, in plain words, without any request', async () => {
    await page.getByRole('tab', { name: '排名' }).click();
    const cases: [string, string][] = [
      ["read_csv('https://example.com/x.csv') IS NOT NULL", '不支持函数 read_csv()'],
      ["city = '成都市'; DROP TABLE segment_rows", '不能用分号接第二条语句'],
      ["city = '成都市' -- OR 1 = 1", '不能有注释'],
      ["city IN (SELECT city FROM read_text('/etc/passwd'))", '不能有 SQL 语句或子查询（SELECT）'],
      ['rd_expense + 1', '条件的结果必须是“是/否”'],
    ];
    for (const [expr, message] of cases) {
      await apply(expr);
      await expect.poll(() => page.getByTestId('segment-error').textContent(), { timeout: 30_000 }).toContain(message);
      expect(await page.getByTestId('segment-input').getAttribute('aria-invalid')).toBe('true');
      expect(await page.getByTestId('context-segment').count()).toBe(0);
    }
    expect(foreignRequests(log, new URL(site.url).origin)).toEqual([]);
    expect(log.requests.some((u) => u.includes('example.com'))).toBe(false);
    expect(log.errors.filter((e) => !e.includes('favicon'))).toEqual([]);
  }, 120_000);

  it('按字段筛选: ticked values compose the condition shown, applied like typed SQL; a bad prefix is refused at its field', async () => {
    await page.getByRole('tab', { name: '排名' }).click();
    const form = page.getByTestId('segment-filters');
    await form.locator('summary').click();
    const city = page.getByTestId('segment-filter-city');
    await city.getByRole('checkbox', { name: /^成都市/ }).check();
    await page.getByTestId('segment-filter-size').getByRole('checkbox', { name: /^小型/ }).check();
    await page
      .getByTestId('segment-filter-enterprise_types')
      .getByRole('checkbox', { name: /^高新技术企业/ })
      .check();
    await page
      .getByTestId('segment-filter-enterprise_types')
      .getByRole('checkbox', { name: /^科技型中小企业/ })
      .check();
    const composed = "city = '成都市' AND (contains(enterprise_types, '高新技术企业') OR contains(enterprise_types, '科技型中小企业')) AND size = '小型'";
    expect(await page.getByTestId('segment-filters-preview').locator('code').textContent()).toBe(composed);

    // The same condition through the CLI (native DuckDB over the CSV) gives the count independently.
    const input = join(dir, 'demo.csv');
    await cliSegment(); // writes the demo CSV
    const out = join(dir, 'filters.csv');
    const cli = await runCli(['--system', 'sichuan-2024', '--input', input, '--output', out, '--segment', composed]);
    expect(cli.code, cli.stderr).toBe(0);
    const cliRows = (await readFile(out, 'utf8')).trimEnd().split('\n').length - 1;
    expect(cliRows).toBeGreaterThan(10);

    await page.getByTestId('segment-filters-apply').click();
    const context = page.getByTestId('context-segment');
    await expect.poll(() => context.getAttribute('data-count'), { timeout: 30_000 }).toBe(String(cliRows));
    expect(await page.getByTestId('segment-input').inputValue()).toBe(composed);
    expect(await context.textContent()).toContain(composed);
    // Read back: the picks stay ticked and the condition is not called hand-written.
    expect(await city.getByRole('checkbox', { name: /^成都市/ }).isChecked()).toBe(true);
    expect(await page.getByTestId('segment-filters-typed').count()).toBe(0);

    // A hand-written condition cannot be shown as picks: said so, and nothing stays ticked.
    await apply("city = '成都市' OR size = '小型'");
    await expect.poll(() => page.getByTestId('segment-filters-typed').count(), { timeout: 30_000 }).toBe(1);
    expect(await city.getByRole('checkbox', { name: /^成都市/ }).isChecked()).toBe(false);

    // A typed industry prefix that is not one: the error is at that field and nothing is applied.
    await page.getByTestId('segment-filter-prefixes').fill('C39%');
    expect(await page.getByTestId('segment-filter-prefixes-error').textContent()).toContain('“C39%”不是行业代码前缀');
    expect(await page.getByTestId('segment-filter-prefixes').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByTestId('segment-filters-apply').isDisabled()).toBe(true);
    await page.getByTestId('segment-filter-prefixes').fill('c39');
    expect(await page.getByTestId('segment-filters-preview').locator('code').textContent()).toBe("starts_with(industry_code, 'C39')");
    await page.getByTestId('segment-filters-apply').click();
    await expect.poll(() => page.getByTestId('segment-input').inputValue(), { timeout: 30_000 }).toBe("starts_with(industry_code, 'C39')");

    // English: the form is complete in English too.
    await page.getByRole('button', { name: 'English' }).click();
    expect(await form.locator('summary').textContent()).toBe('Filter by field');
    expect(await page.getByTestId('segment-filter-city').locator('legend').textContent()).toContain('City');
    await page.getByRole('button', { name: '中文' }).click();
    await page.getByTestId('context-segment-clear').click();
    await expect.poll(() => page.getByTestId('context-segment').count()).toBe(0);
    expect(log.errors.filter((e) => !e.includes('favicon'))).toEqual([]);
  }, 180_000);

  it('按字段筛选 by stage: the picks become registration-date conditions at the as-of date, and select the CLI’s stage', async () => {
    // Independently: the CLI's 成都市 rows with the stage it assigns (its own stage column).
    const input = join(dir, 'demo.csv');
    await cliSegment(); // writes the demo CSV
    const out = join(dir, 'chengdu.csv');
    expect((await runCli(['--system', 'sichuan-2024', '--input', input, '--output', out, '--segment', "city = '成都市'"])).code).toBe(0);
    const rows = (await readFile(out, 'utf8'))
      .trimEnd()
      .split('\n')
      .slice(1)
      .map((l) => l.split(','));
    const growth = rows.filter((c) => c[1] === 'growth').length;
    expect(growth).toBeGreaterThan(50);

    await page.getByRole('tab', { name: '排名' }).click();
    const form = page.getByTestId('segment-filters');
    if (!(await form.evaluate((d) => (d as HTMLDetailsElement).open))) await form.locator('summary').click();
    const stage = page.getByTestId('segment-filter-stage');
    // Sichuan at 2023-12-31 (scoring.md §2): 成长期 = registered from 2013-12-31 to before 2018-12-31.
    expect(
      await stage
        .getByRole('checkbox', { name: /^成长期/ })
        .locator('xpath=..')
        .textContent(),
    ).toContain('2013-12-31 至 2018-12-31 以前注册');
    await page
      .getByTestId('segment-filter-city')
      .getByRole('checkbox', { name: /^成都市/ })
      .check();
    await stage.getByRole('checkbox', { name: /^成长期/ }).check();
    const composed = "city = '成都市' AND (registration_date >= DATE '2013-12-31' AND registration_date < DATE '2018-12-31')";
    expect(await page.getByTestId('segment-filters-preview').locator('code').textContent()).toBe(composed);
    await page.getByTestId('segment-filters-apply').click();
    await expect.poll(() => page.getByTestId('context-segment').getAttribute('data-count'), { timeout: 30_000 }).toBe(String(growth));
    // Read back as picks, not as a typed condition.
    expect(await stage.getByRole('checkbox', { name: /^成长期/ }).isChecked()).toBe(true);
    expect(await page.getByTestId('segment-filters-typed').count()).toBe(0);
    await page.getByTestId('context-segment-clear').click();
    await expect.poll(() => page.getByTestId('context-segment').count()).toBe(0);
    expect(log.errors.filter((e) => !e.includes('favicon'))).toEqual([]);
  }, 180_000);
  it('按字段筛选 by score: the range selects the CLI’s rows, a percentage is refused, and a scenario change selects again by the new scores', async () => {
    const input = join(dir, 'demo.csv');
    await cliSegment(); // writes the demo CSV
    const scenarioDoc = (segment?: string) =>
      JSON.stringify({
        format: 'innovation-points-scenario',
        version: 1,
        name: '研发强度优先',
        // R&D intensity weighs 1 beside the others' published weights ('free': divided by the sum).
        scenario: { version: 1, systemId: 'sichuan-2024', weightMode: 'free', weights: { initial: { rd_intensity: 1 }, growth: { rd_intensity: 1 }, stable: { rd_intensity: 1 } } },
        ...(segment ? { segment } : {}),
      });
    const scenarioFile = join(dir, 'rd.scenario.json');
    await writeFile(scenarioFile, scenarioDoc());
    /** The CLI's data lines (all rows), by score descending, under the baseline or the scenario file. */
    const cliAll = (extra: string[]) => scoreCells(join(dir, 'all.csv'), ['--system', 'sichuan-2024', '--input', input, ...extra]);
    const base = await cliAll([]);
    const sorted = base.map((c) => Number(c[5])).sort((a, b) => a - b);
    // Bounds with two decimals (what an official types), around the upper middle of the scores.
    const lo = Math.round(sorted[Math.floor(sorted.length * 0.6)] * 100) / 100;
    const hi = Math.round(sorted[Math.floor(sorted.length * 0.9)] * 100) / 100;
    const inRange = (rows: string[][]) => rows.filter((c) => Number(c[5]) >= lo && Number(c[5]) <= hi);
    const want = inRange(base);
    const wantAfter = inRange(await cliAll(['--scenario', scenarioFile]));
    expect(want.length).toBeGreaterThan(100);
    expect(wantAfter.map((c) => c[0]).sort()).not.toEqual(want.map((c) => c[0]).sort());

    await page.getByRole('tab', { name: '排名' }).click();
    const form = page.getByTestId('segment-filters');
    if (!(await form.evaluate((d) => (d as HTMLDetailsElement).open))) await form.locator('summary').click();
    const min = page.getByTestId('segment-filter-score-min');
    await min.fill('60%');
    expect(await page.getByTestId('segment-filter-score-error').textContent()).toBe('“60%”是百分比：这里填得分（分），例如 60。');
    expect(await min.getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByTestId('segment-filters-apply').isDisabled()).toBe(true);
    await min.fill(String(hi));
    await page.getByTestId('segment-filter-score-max').fill(String(lo));
    expect(await page.getByTestId('segment-filter-score-error').textContent()).toContain('小于下限');
    await min.fill(String(lo));
    await page.getByTestId('segment-filter-score-max').fill(String(hi));
    const composed = `score BETWEEN ${lo} AND ${hi}`;
    expect(await page.getByTestId('segment-filters-preview').locator('code').textContent()).toBe(composed);
    await page.getByTestId('segment-filters-apply').click();
    const context = page.getByTestId('context-segment');
    await expect.poll(() => context.getAttribute('data-count'), { timeout: 30_000 }).toBe(String(want.length));
    expect(await page.getByTestId('context-segment-scored').textContent()).toBe('得分按当前方案');
    // The first page: the CLI's rows in range, in its order.
    const rows = page.locator('[data-testid="ranking-table"] tbody tr');
    const usccs = () => rows.evaluateAll((trs) => trs.map((tr) => tr.querySelectorAll('td')[4]!.textContent!.trim()));
    await expect.poll(usccs, { timeout: 30_000 }).toEqual(want.slice(0, 50).map((c) => c[0]));
    // Read back into the form.
    expect(await min.inputValue()).toBe(String(lo));
    expect(await page.getByTestId('segment-filters-typed').count()).toBe(0);

    // A scenario holding the same segment and other weights: applying it changes the scores, and the range selects again.
    await page.getByRole('tab', { name: '情景分析' }).click();
    await page.getByRole('tab', { name: '方案', exact: true }).click();
    await page.getByLabel('导入方案 JSON').setInputFiles({ name: 'rd.scenario.json', mimeType: 'application/json', buffer: Buffer.from(scenarioDoc(composed)) });
    await page.getByRole('button', { name: '应用方案“研发强度优先”' }).click();
    await expect.poll(() => context.getAttribute('data-count'), { timeout: 30_000 }).toBe(String(wantAfter.length));
    await page.getByRole('tab', { name: '排名' }).click();
    await expect.poll(usccs, { timeout: 30_000 }).toEqual(wantAfter.slice(0, 50).map((c) => c[0]));

    // English.
    await page.getByRole('button', { name: 'English' }).click();
    expect(await page.getByTestId('segment-filter-score').locator('legend').textContent()).toContain('Score range');
    expect(await page.getByTestId('context-segment-scored').textContent()).toBe('scores of the current scenario');
    await page.getByRole('button', { name: '中文' }).click();
    await page.getByRole('tab', { name: '情景分析' }).click();
    await page.getByRole('button', { name: '恢复公布权重' }).click();
    await expect.poll(() => context.count()).toBe(0);
    expect(log.errors.filter((e) => !e.includes('favicon'))).toEqual([]);
  }, 180_000);
});
