import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_DEFAULT_ROWS, demoCsv } from '../../src/demo/generate.ts';
import { runCli } from '../cli/run-cli.ts';
import { launchChromium, recordPage, type PageLog } from './browser.ts';
import { buildAndServe } from './site.ts';

/**
 * The promise for `npm run analyze -- --mc`: the same numbers as the browser for the same
 * seed. The workbench runs Monte Carlo on its embedded demo (Web Workers) and exports the table;
 * the command line runs on the same demo written as a CSV file (worker_threads); the two tables
 * must be the same bytes, and the 方案说明 must agree on every line the run decides.
 */
let site: Awaited<ReturnType<typeof buildAndServe>>;
let browser: Browser;
let ctx: BrowserContext;
let page: Page;
let log: PageLog;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mc-cli-'));
  site = await buildAndServe('/points/');
  browser = await launchChromium();
  ctx = await browser.newContext({ viewport: { width: 1400, height: 1000 }, timezoneId: 'Asia/Shanghai', acceptDownloads: true });
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

async function download(testid: string): Promise<Buffer> {
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.getByTestId(testid).click()]);
  return readFile((await dl.path())!);
}

function notesOf(ws: ExcelJS.Worksheet): Map<string, string> {
  const m = new Map<string, string>();
  ws.eachRow((row) => {
    const [label, value] = [row.getCell(1).value, row.getCell(2).value];
    if (typeof label === 'string' && typeof value === 'string') m.set(label, value);
  });
  return m;
}

describe('Monte Carlo: the workbench and `analyze --mc` give the same table', () => {
  it('the same seed and samples on the demo → byte-equal CSV, same run notes', async () => {
    await page.getByRole('tab', { name: '情景分析' }).click();
    await page.getByRole('tab', { name: '蒙特卡洛' }).click();
    await page.getByLabel('抽样次数').fill('24');
    await page.getByLabel('抽样次数').blur();
    await page.getByLabel('随机种子').fill('4242');
    await page.getByLabel('随机种子').blur();
    await page.getByTestId('mc-run').click();
    await expect.poll(() => page.getByTestId('mc-table').locator('tbody tr').count(), { timeout: 90_000 }).toBe(50);
    const browserCsv = await download('mc-export-csv');
    const browserXlsx = await download('mc-export-xlsx');

    const input = join(dir, 'demo.csv');
    await writeFile(input, demoCsv({ rows: DEMO_DEFAULT_ROWS }));
    const out = join(dir, 'mc.csv');
    const r = await runCli(['--system', 'sichuan-2024', '--input', input, '--mc', out, '--samples', '24', '--seed', '4242', '--workers', '2'], 'src/cli/analyze.ts');
    expect(r.code, r.stderr).toBe(0);
    const cliCsv = await readFile(out);
    const lines = cliCsv.toString('utf8').split('\r\n');
    // Header + every scored enterprise (the demo's few invalid codes are excluded) + the final empty line.
    expect(lines.length - 2).toBeGreaterThan(DEMO_DEFAULT_ROWS - 100);
    expect(cliCsv.equals(browserCsv)).toBe(true);

    // The notes: every line the run decides is the same (the browser adds its export time).
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(browserXlsx.buffer.slice(browserXlsx.byteOffset, browserXlsx.byteOffset + browserXlsx.byteLength) as ArrayBuffer);
    const fromBrowser = notesOf(wb.getWorksheet('方案说明')!);
    const cliXlsx = join(dir, 'mc.xlsx');
    expect((await runCli(['--system', 'sichuan-2024', '--input', input, '--mc', cliXlsx, '--samples', '24', '--seed', '4242'], 'src/cli/analyze.ts')).code).toBe(0);
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.readFile(cliXlsx);
    const fromCli = notesOf(wb2.getWorksheet('方案说明')!);
    for (const label of ['名单规则 List rule', '抽样方式 Sampling', '排序 Order', '抽样次数 Samples', '种子 Seed', '名额 N', '无量纲化方法 Normalisation', '指标体系 System'])
      expect(fromCli.get(label), label).toBe(fromBrowser.get(label));
    expect(fromCli.get('种子 Seed')).toBe('4242');
    expect(fromCli.has('导出时间 Exported')).toBe(false);
    expect(log.errors).toEqual([]);
  }, 240_000);

  it('within a segment: ranks within it, its rows only, the same bytes as `analyze --mc --segment`', async () => {
    const CONDITION = "city = '成都市' AND industry_code LIKE 'C39%'";
    const input = join(dir, 'demo.csv'); // written by the test above
    // Independently: the segment's rows and scores from `score --segment`, ranked here ("1224").
    const seg = join(dir, 'seg.csv');
    expect((await runCli(['--system', 'sichuan-2024', '--input', input, '--output', seg, '--segment', CONDITION])).code).toBe(0);
    const segRows = (await readFile(seg, 'utf8'))
      .trimEnd()
      .split('\n')
      .slice(1)
      .map((l) => l.split(','));
    const scores = segRows.map((c) => Number(c[5]));
    const segRank = new Map(segRows.map((c, i) => [c[0], 1 + scores.filter((x) => x > scores[i]).length]));
    expect(segRank.size).toBeGreaterThan(20);

    await page.getByRole('tab', { name: '排名' }).click();
    await page.getByTestId('segment-input').fill(CONDITION);
    await page.getByTestId('segment-apply').click();
    await expect.poll(() => page.getByTestId('context-segment').getAttribute('data-count'), { timeout: 30_000 }).toBe(String(segRows.length));
    await page.getByRole('tab', { name: '情景分析' }).click();
    await page.getByRole('tab', { name: '蒙特卡洛' }).click();
    expect(await page.getByTestId('mc-segment-note').textContent()).toContain(CONDITION);
    await page.getByTestId('mc-run').click();
    await expect.poll(() => page.getByTestId('mc-table').locator('caption').textContent(), { timeout: 90_000 }).toContain(String(segRows.length));
    expect(await page.getByTestId('mc-table').locator('thead th').first().textContent()).toBe('细分名次');
    const browserCsv = await download('mc-export-csv');

    const out = join(dir, 'mc-seg.csv');
    const r = await runCli(
      ['--system', 'sichuan-2024', '--input', input, '--mc', out, '--samples', '24', '--seed', '4242', '--workers', '2', '--segment', CONDITION],
      'src/cli/analyze.ts',
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`note segment: ${segRows.length} of `);
    const cliCsv = await readFile(out);
    expect(cliCsv.equals(browserCsv)).toBe(true);
    const [head, ...body] = cliCsv
      .toString('utf8')
      .slice(1)
      .split('\r\n')
      .filter((l) => l !== '');
    expect(head.split(',')[1]).toBe('细分范围内当前名次');
    expect(body.length).toBe(segRows.length);
    for (const line of body) {
      const c = line.split(',');
      expect(Number(c[1]), c[3]).toBe(segRank.get(c[3]));
    }
    const notes = (await readFile(join(dir, 'mc-seg.notes.csv'), 'utf8')).split('\r\n');
    expect(notes).toContain(`细分范围 Segment,${CONDITION}`);
    await page.getByTestId('context-segment-clear').click();
    expect(log.errors).toEqual([]);
  }, 240_000);
});
