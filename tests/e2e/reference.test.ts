import ExcelJS from 'exceljs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUscc } from '../../src/data/uscc.ts';
import { DEMO_DEFAULT_ROWS, demoCsv } from '../../src/demo/generate.ts';
import { runCli } from '../cli/run-cli.ts';
import { foreignRequests, launchChromium, recordPage, type PageLog } from './browser.ts';
import { buildAndServe } from './site.ts';

/**
 * 对照名单 in the browser: a reference file of USCCs beside the current list. The expected sets come
 * from `score` on the same demo (the CLI's ranks, not the page's): the reference holds the CLI's
 * ranks 1–80 (on both lists with the top 100), ranks 150–169 (fell off), five codes of no scored
 * enterprise (missing) and a repeated code, in an XLSX with a header and a names column.
 */
let site: Awaited<ReturnType<typeof buildAndServe>>;
let browser: Browser;
let page: Page;
let log: PageLog;
let dir: string;
/** CLI rows in rank order: [uscc, rank, vetoed]. */
let ranked: { uscc: string; rank: number; vetoed: boolean }[];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'reference-e2e-'));
  const input = join(dir, 'demo.csv');
  await writeFile(input, demoCsv({ rows: DEMO_DEFAULT_ROWS }));
  const out = join(dir, 'out.csv');
  const cli = await runCli(['--system', 'sichuan-2024', '--input', input, '--output', out]);
  expect(cli.code, cli.stderr).toBe(0);
  ranked = (await readFile(out, 'utf8'))
    .trimEnd()
    .split('\n')
    .slice(1)
    .map((l) => l.split(','))
    .map((c) => ({ uscc: c[0], rank: Number(c[6]), vetoed: c[4] === 'true' }));
  site = await buildAndServe('/points/');
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  log = recordPage(page);
  await page.goto(site.url);
  await page.waitForSelector('.app[data-phase="ready"]', { timeout: 60_000 });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const MISSING = [1, 2, 3, 4, 5].map((i) => makeUscc(`92990000ZZ${String(i).padStart(7, '0')}`.replace(/Z/g, '0')));

async function referenceXlsx(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('上年白名单');
  ws.addRow(['序号', '企业名称', '统一社会信用代码']);
  const codes = [...ranked.filter((r) => r.rank <= 80).map((r) => r.uscc), ...ranked.filter((r) => r.rank >= 150 && r.rank <= 169).map((r) => r.uscc), ...MISSING];
  codes.forEach((c, i) => ws.addRow([i + 1, `企业${i + 1}`, c]));
  ws.addRow([codes.length + 1, '重复', codes[0]]);
  const path = join(dir, '上年白名单.xlsx');
  await writeFile(path, new Uint8Array(await wb.xlsx.writeBuffer()));
  return path;
}

const count = (status: string) => page.getByTestId('reference-counts').locator(`[data-status="${status}"] dd`).textContent();

describe('对照名单 (reference list) in 名单', () => {
  it('sorts a reference file into on both, new, fell off (with why) and not scored, as the CLI ranks say', async () => {
    const top100 = ranked.filter((r) => r.rank <= 100 && !r.vetoed);
    const ref80 = ranked.filter((r) => r.rank <= 80);
    const fell = ranked.filter((r) => r.rank >= 150 && r.rank <= 169);
    expect(ref80.length).toBeGreaterThanOrEqual(80);
    await page.getByRole('tab', { name: '情景分析' }).click();
    await page.getByRole('tab', { name: '名单', exact: true }).click();
    await page.getByTestId('reference-file').setInputFiles(await referenceXlsx());
    await expect.poll(() => page.getByTestId('reference-loaded').textContent(), { timeout: 30_000 }).toContain(`${ref80.length + 25} 个统一社会信用代码，其中 1 个重复出现`);
    await expect.poll(() => count('both'), { timeout: 30_000 }).toBe(String(ref80.length));
    expect(await count('added')).toBe(String(top100.length - ref80.length));
    expect(await count('dropped')).toBe(String(fell.length));
    expect(await count('missing')).toBe('5');

    // Fell off: the CLI's ranks 150–169, in rank order, each with the indicators it trails the cut-off by.
    const rows = page.getByTestId('reference-dropped').locator('tbody tr');
    expect(await rows.count()).toBe(fell.length);
    const codes = await rows.locator('td.mono').allTextContents();
    expect(codes).toEqual(fell.map((r) => r.uscc));
    const ranks = await rows.locator('td:first-child').allTextContents();
    expect(ranks.map(Number)).toEqual(fell.map((r) => r.rank));
    for (const reason of await rows.locator('td.reasons').allTextContents()) expect(reason).toMatch(/−\d+\.\d\d/);
    // New: the top 100 without the first 80.
    const added = await page.getByTestId('reference-added').locator('tbody td.mono').allTextContents();
    expect(added.sort()).toEqual(
      top100
        .filter((r) => r.rank > 80)
        .map((r) => r.uscc)
        .sort(),
    );
    await page.getByTestId('reference-missing').locator('summary').click();
    expect((await page.getByTestId('reference-missing').locator('li').allTextContents()).sort()).toEqual([...MISSING].sort());

    // The rule changes: top 50 → 50 on both (ranks ≤ 50 are all in the reference), 30 + 20 fell off.
    await page.getByLabel('名额 N').fill('50');
    await page.getByLabel('名额 N').press('Enter');
    await page.getByLabel('名额 N').blur();
    const top50 = ranked.filter((r) => r.rank <= 50 && !r.vetoed).length;
    await expect.poll(() => count('both'), { timeout: 30_000 }).toBe(String(top50));
    expect(await count('added')).toBe('0');
    expect(await count('dropped')).toBe(String(ref80.length - top50 + fell.length));
  }, 180_000);

  it('exports every row with its status, the missing codes too, and names the reference file', async () => {
    const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.getByTestId('reference-export-csv').click()]);
    expect(dl.suggestedFilename()).toMatch(/^对照名单-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = (await readFile(await dl.path()))
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split(/\r?\n/);
    const body = lines.slice(1);
    const status = (s: string) => body.filter((l) => l.split(',')[1] === s).length;
    expect(status('两份名单都有')).toBe(Number(await count('both')));
    expect(status('掉出当前名单')).toBe(Number(await count('dropped')));
    expect(status('不在本次评分的企业中')).toBe(5);
    for (const m of MISSING) expect(body.some((l) => l.includes(m))).toBe(true);

    const [x] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.getByTestId('reference-export-xlsx').click()]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await readFile(await x.path())).buffer as ArrayBuffer);
    const notes = wb.getWorksheet('方案说明')!;
    const noteText: string[] = [];
    notes.eachRow((r) => noteText.push(r.values!.toString()));
    expect(noteText.join('\n')).toContain('上年白名单.xlsx');
  }, 60_000);

  it('says so at the field when a file holds no code, and reads in English', async () => {
    const bad = join(dir, 'names.csv');
    await writeFile(bad, '企业名称\n甲公司\n乙公司\n');
    await page.getByTestId('reference-file').setInputFiles(bad);
    await expect.poll(() => page.getByTestId('reference-error').textContent(), { timeout: 30_000 }).toContain('names.csv 中没有找到统一社会信用代码');
    await page.getByRole('button', { name: 'English' }).click();
    expect(await page.getByTestId('reference-panel').locator('h3').textContent()).toBe('Reference list');
    expect(await page.getByTestId('reference-counts').locator('[data-status="dropped"] dt').textContent()).toBe('Fell off the current list');
    await page.getByRole('button', { name: '中文' }).click();
    expect(foreignRequests(log, new URL(site.url).origin)).toEqual([]);
    expect(log.errors.filter((e) => !e.includes('favicon'))).toEqual([]);
  }, 60_000);
});
