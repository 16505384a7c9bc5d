import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getSystem } from '../../src/systems/index.ts';
import { launchChromium, recordPage, type PageLog } from './browser.ts';
import { buildAndServe } from './site.ts';

/**
 * Exports fit to send on, and Monte Carlo for a list, in real headless Chromium (time zone
 * Asia/Shanghai): every file is downloaded through the browser's download event and read back —
 * XLSX with exceljs, CSV as text — and checked on the cells a user would look at: the header row
 * first, scores with 2 decimals equal to the screen's, the 方案说明 weights equal to the published
 * weights (the demo runs the published scenario), the local time with its offset, the method's
 * Chinese name. The Monte Carlo table is paged, sorted, searched and exported, with one N: the
 * list rule's.
 */
let site: Awaited<ReturnType<typeof buildAndServe>>;
let browser: Browser;
let ctx: BrowserContext;
let page: Page;
let log: PageLog;
const system = getSystem('sichuan-2024')!;

beforeAll(async () => {
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
});

async function download(testid: string): Promise<{ name: string; bytes: Buffer }> {
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.getByTestId(testid).click()]);
  const path = await dl.path();
  return { name: dl.suggestedFilename(), bytes: await readFile(path) };
}

async function workbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return wb;
}

const csvLines = (bytes: Buffer) => {
  const text = bytes.toString('utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  return text.slice(1).split('\r\n');
};

/** Label → value of the 方案说明 sheet's label/value lines. */
function notesOf(ws: ExcelJS.Worksheet): Map<string, string> {
  const m = new Map<string, string>();
  ws.eachRow((row) => {
    const [label, value] = [row.getCell(1).value, row.getCell(2).value];
    if (typeof label === 'string' && typeof value === 'string') m.set(label, value);
  });
  return m;
}

/** The weights block of a 方案说明 sheet: stage, indicator → [percent, decimal]. */
function weightsOf(ws: ExcelJS.Worksheet): Map<string, [number, number]> {
  const m = new Map<string, [number, number]>();
  let inBlock = false;
  ws.eachRow((row) => {
    if (row.getCell(1).value === '阶段') inBlock = true;
    else if (inBlock && typeof row.getCell(5).value === 'number')
      m.set(`${row.getCell(1).value}|${row.getCell(3).value}`, [row.getCell(4).value as number, row.getCell(5).value as number]);
  });
  return m;
}

const LOCAL_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC\+08:00（Asia\/Shanghai）$/;

describe('exports in Chromium', () => {
  it('list XLSX: header first, 2-decimal scores as on screen, exact column, no empty 分组/档次, widths, a full 方案说明', async () => {
    await page.getByRole('tab', { name: '情景分析' }).click();
    await page.getByRole('tab', { name: '名单', exact: true }).click();
    const table = page.getByTestId('list-table');
    await expect.poll(() => table.locator('tbody tr').count(), { timeout: 20_000 }).toBeGreaterThan(10);
    const screenScores = (await table.locator('tbody tr td.score').allTextContents()).slice(0, 10);
    const screenNames = (await table.locator('tbody tr td.name').allTextContents()).slice(0, 10);

    const { name, bytes } = await download('export-xlsx');
    expect(name).toMatch(/^积分榜-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const wb = await workbook(bytes);
    const ws = wb.getWorksheet('积分榜')!;
    const header = (ws.getRow(1).values as unknown[]).slice(1) as string[];
    expect(header[0]).toBe('序号');
    expect(await table.locator('thead th').allTextContents()).not.toContain('分组');
    expect(header).not.toContain('分组'); // a top-100 overall list has no groups …
    expect(header).not.toContain('档次'); // … and no tiers
    const col = (h: string) => header.indexOf(h) + 1;
    expect(col('积分')).toBeGreaterThan(0);
    expect(col('积分（精确值）')).toBeGreaterThan(0);
    for (let i = 0; i < 10; i++) {
      const row = ws.getRow(i + 2);
      expect(row.getCell(col('企业名称')).value).toBe(screenNames[i]);
      const shown = row.getCell(col('积分')).value as number;
      expect(shown.toFixed(2)).toBe(screenScores[i]);
      expect(row.getCell(col('积分')).numFmt).toBe('0.00');
      const exact = row.getCell(col('积分（精确值）')).value as number;
      expect(Math.abs(exact - shown)).toBeLessThanOrEqual(0.005 + 1e-9);
    }
    for (let j = 1; j <= header.length; j++) expect(ws.getColumn(j).width).toBeGreaterThanOrEqual(6);
    expect(ws.getColumn(col('企业名称')).width).toBeGreaterThan(ws.getColumn(col('序号')).width!);

    const meta = wb.getWorksheet('方案说明')!;
    const notes = notesOf(meta);
    expect(notes.get('无量纲化方法 Normalisation')).toBe('基于极端值调整的极值法（下分位数 1%，上分位数 99%）');
    expect(notes.get('导出时间 Exported')).toMatch(LOCAL_TIME);
    expect(notes.get('指标体系 System')).toBe(`${system.name.zh}（${system.about!.edition.zh}）`);
    expect(notes.get('体系来源 Source')).toBe(system.source.seed);
    expect(notes.get('名单规则 List rule')).toContain('N = 100');
    const weights = weightsOf(meta);
    for (const st of system.stages) {
      for (const ind of system.indicators) {
        const w = ind.weights[st.id] ?? 0;
        expect(weights.get(`${st.name.zh}|${ind.name.zh}`), `${st.id}/${ind.id}`).toEqual([Number((w * 100).toFixed(2)), w]);
      }
      expect(weights.get(`${st.name.zh}|合计`)![0]).toBe(100);
    }
  });

  it('list CSV: the first line is the header; the 方案说明 CSV holds the provenance', async () => {
    const table = page.getByTestId('list-table');
    const firstScore = (await table.locator('tbody tr td.score').first().textContent())!;
    const { name, bytes } = await download('export-csv');
    expect(name).toMatch(/^积分榜-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = csvLines(bytes);
    const header = lines[0].split(',');
    expect(header[0]).toBe('序号');
    expect(header).toContain('积分（精确值）');
    expect(lines[1].split(',')[header.indexOf('积分')]).toBe(firstScore);
    const notes = csvLines((await download('export-notes-csv')).bytes);
    expect(notes).toContain('无量纲化方法 Normalisation,基于极端值调整的极值法（下分位数 1%，上分位数 99%）');
    expect(notes.find((l) => l.startsWith('导出时间 Exported,'))!.slice('导出时间 Exported,'.length)).toMatch(LOCAL_TIME);
    expect(notes).toContain('阶段,指标类别,指标,权重（%）,权重（小数）');
  });

  it('in English, the list XLSX is headed and noted in English (the data as written)', async () => {
    await page.locator('header .lang button', { hasText: 'English' }).click();
    try {
      const wb = await workbook((await download('export-xlsx')).bytes);
      expect(wb.worksheets.map((w) => w.name)).toEqual(['Points list', 'Scenario notes']);
      const header = (wb.worksheets[0].getRow(1).values as unknown[]).slice(1);
      expect(header.slice(0, 4)).toEqual(['No.', 'Overall rank', 'Unified social credit code', 'Enterprise name']);
      expect(header).toContain('Score (exact)');
      expect(header.filter((h) => /[\u3400-\u9fff]/.test(String(h)))).toEqual([]);
      const notes = notesOf(wb.worksheets[1]);
      expect(notes.get('无量纲化方法 Normalisation')).toBe('Winsorised min–max (lower quantile 1%, upper quantile 99%)');
      expect(notes.get('指标体系 System')).toBe(`${system.name.en} (${system.about!.edition.en})`);
    } finally {
      await page.locator('header .lang button', { hasText: '中文' }).click();
    }
  });

  it('a band list within each stage fills 分组 and 档次 in every row', async () => {
    await page.getByLabel('规则类型').first().selectOption('bands');
    const table = page.getByTestId('list-table');
    await expect.poll(() => table.locator('caption').textContent(), { timeout: 20_000 }).toContain('领跑');
    // On screen too: the group and tier columns appear with the rule.
    await expect.poll(() => table.locator('thead th').allTextContents(), { timeout: 10_000 }).toEqual(expect.arrayContaining(['分组', '档次']));
    const wb = await workbook((await download('export-xlsx')).bytes);
    const ws = wb.getWorksheet('积分榜')!;
    const header = (ws.getRow(1).values as unknown[]).slice(1) as string[];
    const [g, b] = [header.indexOf('分组') + 1, header.indexOf('档次') + 1];
    expect(g).toBeGreaterThan(0);
    expect(b).toBeGreaterThan(0);
    const stages = new Set(system.stages.map((s) => s.name.zh));
    for (let r = 2; r <= ws.rowCount; r++) {
      expect(stages.has(ws.getRow(r).getCell(g).value as string)).toBe(true);
      expect(['领跑', '竞跑', '进取']).toContain(ws.getRow(r).getCell(b).value);
    }

    // The publication pack of the same list: the whole list, then a sheet per stage and tier holding
    // exactly the list's rows of that stage and tier, the flags, the objections register, the notes.
    const pack = await download('export-pack');
    expect(pack.name).toMatch(/^公示包-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const pw = await workbook(pack.bytes);
    const names = pw.worksheets.map((w) => w.name);
    expect(names[0]).toBe('公示名单');
    expect(names.slice(-3)).toEqual(['数据提示', '异议登记', '方案说明']);
    expect(pw.getWorksheet('公示名单')!.rowCount).toBe(ws.rowCount);
    const bySheet = new Map<string, number>();
    for (let r = 2; r <= ws.rowCount; r++) {
      const k = `${ws.getRow(r).getCell(g).value}-${ws.getRow(r).getCell(b).value}`;
      bySheet.set(k, (bySheet.get(k) ?? 0) + 1);
    }
    expect(names.slice(1, -3).sort()).toEqual([...bySheet.keys()].sort());
    for (const [k, n] of bySheet) expect(pw.getWorksheet(k)!.rowCount, k).toBe(n + 1);
    expect((pw.getWorksheet('异议登记')!.getRow(1).values as unknown[]).slice(1)).toContain('异议理由');

    // Its print view: the same parts with the same counts; printed, it is all that is on paper.
    await page.getByTestId('print-pack').click();
    const view = page.getByTestId('pack-print');
    await expect.poll(() => view.locator('table').count(), { timeout: 20_000 }).toBe(bySheet.size);
    const captions = await view.locator('caption').allTextContents();
    expect(captions.sort()).toEqual([...bySheet].map(([k, n]) => `${k.replace('-', ' · ')}（${n} 家）`).sort());
    expect(await view.locator('tbody tr').count()).toBe(ws.rowCount - 1);
    expect(await view.textContent()).toContain('异议登记');
    await page.emulateMedia({ media: 'print' });
    try {
      expect(await view.isVisible()).toBe(true);
      expect(await page.getByTestId('list-table').isVisible()).toBe(false);
      expect(await page.locator('header').first().isVisible()).toBe(false);
      expect(await page.getByTestId('pack-print-now').isVisible()).toBe(false);
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
    await view.getByRole('button', { name: '关闭预览' }).click();
    await expect.poll(() => view.count()).toBe(0);
    await page.getByLabel('规则类型').first().selectOption('top-n');
    await page.getByLabel('范围').first().selectOption('overall');
  });

  it('方案对比: the enter/leave table with reasons as XLSX and CSV', async () => {
    await page.getByRole('tab', { name: '权重' }).click();
    const v = Number(await page.locator('.app').getAttribute('data-score-version'));
    await page.getByLabel('标准化方法').selectOption('zscore');
    await page.waitForFunction((b) => Number(document.querySelector('.app')?.getAttribute('data-score-version')) > b, v);
    await page.getByRole('tab', { name: '情景分析' }).click();
    await page.getByRole('tab', { name: '方案对比' }).click();
    const entries = page.getByTestId('list-entries');
    await expect.poll(() => entries.locator('tbody tr td.reasons').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    const firstName = (await entries.locator('tbody tr td.name').first().textContent())!;
    const firstReason = (await entries.locator('tbody tr td.reasons').first().textContent())!;
    const firstScoreB = (await entries.locator('tbody tr').first().locator('td').nth(5).textContent())!;
    const nEntries = await entries.locator('tbody tr').count();
    const nExits = await page.getByTestId('list-exits').locator('tbody tr').count();
    await page.screenshot({ path: '/tmp/e2e-exports-compare.png', fullPage: false });

    const x = await download('changes-xlsx');
    expect(x.name).toMatch(/^方案对比-进出名单-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const wb = await workbook(x.bytes);
    const ws = wb.getWorksheet('进出名单')!;
    const header = (ws.getRow(1).values as unknown[]).slice(1) as string[];
    expect(header.slice(0, 3)).toEqual(['序号', '变动', '企业名称']);
    const col = (h: string) => header.findIndex((c) => c.startsWith(h)) + 1;
    expect(ws.getRow(2).getCell(col('变动')).value).toBe('进入名单');
    expect(ws.getRow(2).getCell(col('企业名称')).value).toBe(firstName);
    expect(ws.getRow(2).getCell(col('原因')).value).toBe(firstReason);
    expect((ws.getRow(2).getCell(col('积分（B')).value as number).toFixed(2)).toBe(firstScoreB);
    expect(ws.rowCount - 1).toBeGreaterThanOrEqual(nEntries + nExits - 2); // the screen shows ≤ 100 of each
    expect(ws.getRow(ws.rowCount).getCell(col('变动')).value).toBe('退出名单');
    const notes = notesOf(wb.getWorksheet('方案说明')!);
    expect(notes.get('对比 Comparison')).toBe('A：公布权重（基准） → B：当前方案');
    expect(notes.get('导出时间 Exported')).toMatch(LOCAL_TIME);

    const lines = csvLines((await download('changes-csv')).bytes);
    expect(lines[0].startsWith('序号,变动,企业名称,统一社会信用代码')).toBe(true);
    expect(lines[1]).toContain(firstName);

    // Back to the published normalisation for the Monte Carlo test.
    await page.getByRole('tab', { name: '权重' }).click();
    const v2 = Number(await page.locator('.app').getAttribute('data-score-version'));
    await page.getByLabel('标准化方法').selectOption('winsorized-minmax');
    await page.waitForFunction((b) => Number(document.querySelector('.app')?.getAttribute('data-score-version')) > b, v2);
  });
});

describe('Monte Carlo for a list in Chromium', () => {
  const rowsOf = async () => {
    const t = page.getByTestId('mc-table');
    return t.locator('tbody tr').evaluateAll((trs) =>
      trs.map((tr) => {
        const td = tr.querySelectorAll('td');
        return { rank0: td[0]?.textContent ?? '', name: td[1]?.textContent ?? '', uscc: td[2]?.textContent ?? '', p: td[4]?.textContent ?? '' };
      }),
    );
  };
  const pctOf = (s: string) => Number(s.replace('%', ''));

  it('one N from the list rule; every enterprise paged, sorted, searched, exported', async () => {
    await page.getByRole('tab', { name: '情景分析' }).click();
    await page.getByRole('tab', { name: '蒙特卡洛' }).click();
    const n = await page.getByLabel('名额 N').first().inputValue();
    expect(n).toBe('100');
    await expect(page.getByLabel('前 N 名（概率）').count()).resolves.toBe(0); // the second N is gone
    await page.getByLabel('抽样次数').fill('20');
    await page.getByLabel('抽样次数').blur();
    await page.getByTestId('mc-run').click();
    await expect.poll(() => page.getByTestId('mc-table').locator('tbody tr').count(), { timeout: 60_000 }).toBe(50);
    expect(await page.getByTestId('mc-run-n').textContent()).toContain(`N = ${n}`);
    const total = Number((await page.getByTestId('mc-table').locator('caption').textContent())!.match(/共 (\d+) 家企业/)![1]);
    const reportRows = await page.locator('.app').getAttribute('data-rows');
    if (reportRows) expect(total).toBe(Number(reportRows));
    expect(total).toBeGreaterThan(1000); // every enterprise, not the top 50

    // Default order: probability high → low.
    const p1 = await rowsOf();
    const probs = p1.map((r) => pctOf(r.p));
    expect(probs.every((p, i) => i === 0 || probs[i - 1] >= p)).toBe(true);
    // Page 2 continues the order.
    await page.getByRole('button', { name: '下一页' }).first().click();
    await expect.poll(async () => (await rowsOf())[0]?.name, { timeout: 15_000 }).not.toBe(p1[0].name);
    const p2 = await rowsOf();
    expect(pctOf(p2[0].p)).toBeLessThanOrEqual(probs[probs.length - 1]);
    expect(await page.getByText('第 2 / ').count()).toBeGreaterThan(0);

    // Borderline: closest to 50% first.
    await page.getByTestId('mc-sort').selectOption('borderline');
    await expect.poll(async () => (await rowsOf())[0]?.name, { timeout: 15_000 }).not.toBe(p2[0].name);
    const b = (await rowsOf()).map((r) => Math.abs(pctOf(r.p) - 50));
    expect(b.every((d, i) => i === 0 || b[i - 1] <= d + 1e-9)).toBe(true);
    expect(b[0]).toBeLessThan(50); // someone is uncertain at 20 samples of ±20%
    await page.screenshot({ path: '/tmp/e2e-mc-borderline-zh.png', fullPage: false });

    // Search one enterprise by its credit code.
    const target = (await rowsOf())[0];
    await page.getByTestId('mc-search').fill(target.uscc);
    await expect.poll(async () => (await rowsOf()).length, { timeout: 15_000 }).toBe(1);
    expect((await rowsOf())[0]).toEqual(target);

    // Export what is shown: the searched row, read back.
    const x = await download('mc-export-xlsx');
    const wb = await workbook(x.bytes);
    const ws = wb.getWorksheet('入选概率')!;
    const header = (ws.getRow(1).values as unknown[]).slice(1) as string[];
    expect(header[0]).toBe('序号');
    const col = (h: string) => header.indexOf(h) + 1;
    expect(ws.rowCount).toBe(2);
    expect(ws.getRow(2).getCell(col('统一社会信用代码')).value).toBe(target.uscc);
    expect(`${(ws.getRow(2).getCell(col('入选概率（%）')).value as number).toFixed(2)}%`).toBe(target.p);
    const count = ws.getRow(2).getCell(col('入选次数')).value as number;
    expect(count / 20).toBeCloseTo(pctOf(target.p) / 100, 10);
    const notes = notesOf(wb.getWorksheet('方案说明')!);
    expect(notes.get('名额 N')).toBe(n);
    expect(notes.get('抽样次数 Samples')).toBe('20');
    expect(notes.get('导出时间 Exported')).toMatch(LOCAL_TIME);

    await page.getByTestId('mc-search').fill('');
    await expect.poll(async () => (await rowsOf()).length, { timeout: 15_000 }).toBe(50);
    const csv = csvLines((await download('mc-export-csv')).bytes);
    expect(csv[0].split(',').slice(0, 3)).toEqual(['序号', '当前名次', '企业名称']);
    expect(csv.filter((l) => l !== '').length - 1).toBe(total);
    // The CSV's first row is the first borderline row on screen.
    const first = (await rowsOf())[0];
    expect(csv[1].split(',')[3]).toBe(first.uscc);

    await page.getByRole('button', { name: 'English' }).click();
    await page.screenshot({ path: '/tmp/e2e-mc-borderline-en.png', fullPage: false });
    expect(await page.getByTestId('mc-run-n').textContent()).toContain(`N = ${n}`);
    await page.getByRole('button', { name: '中文' }).click();
    expect(log.errors).toEqual([]);
  }, 120_000);
});
