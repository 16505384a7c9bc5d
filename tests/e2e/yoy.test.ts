import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_DEFAULT_ROWS, demoCsv, recordCsvChunks } from '../../src/demo/generate.ts';
import { DEMO_PREVIOUS_YEAR, demoPreviousRecords } from '../../src/demo/previous-year.ts';
import { runCli } from '../cli/run-cli.ts';
import { foreignRequests, launchChromium, recordPage, type PageLog } from './browser.ts';
import { buildAndServe } from './site.ts';

/**
 * 年度对比 in the browser, on the demo and its previous year (src/demo/previous-year.ts: new
 * enterprises, unreported ones, a year younger, no vetoes last year). Every expected number comes
 * from `score` run on the two years' CSVs (the CLI's scores, ranks and stages, linked here by USCC),
 * never from the page: the counts, the list's entries and exits (top 100), the stage changes, the
 * largest fall, and every exact score of the export. Then the same previous year imported as a file
 * and chosen from the stored data sets gives the same comparison.
 */
let site: Awaited<ReturnType<typeof buildAndServe>>;
let browser: Browser;
let page: Page;
let log: PageLog;
let dir: string;
let prevCsv: string;

interface CliRow {
  uscc: string;
  stage: string;
  vetoed: boolean;
  score: number;
  rank: number;
}
let cur: Map<string, CliRow>;
let prev: Map<string, CliRow>;

async function cliScores(input: string, extra: string[] = []): Promise<Map<string, CliRow>> {
  const out = `${input}.${extra.join('')}.out.csv`;
  const cli = await runCli(['--system', 'sichuan-2024', '--input', input, '--output', out, ...extra]);
  expect(cli.code, cli.stderr).toBe(0);
  const rows = (await readFile(out, 'utf8'))
    .trimEnd()
    .split('\n')
    .slice(1)
    .map((l) => l.split(','))
    .map((c) => ({ uscc: c[0], stage: c[1], vetoed: c[4] === 'true', score: Number(c[5]), rank: Number(c[6]) }));
  return new Map(rows.map((r) => [r.uscc, r]));
}

/** The CLI's top 100 as the list rule draws it (a cleared enterprise is never listed). */
const listed = (r: CliRow | undefined) => r !== undefined && r.rank <= 100 && !r.vetoed;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'yoy-e2e-'));
  const curCsv = join(dir, 'demo-2023.csv');
  prevCsv = join(dir, `demo-${DEMO_PREVIOUS_YEAR}.csv`);
  await writeFile(curCsv, demoCsv({ rows: DEMO_DEFAULT_ROWS }));
  await writeFile(prevCsv, [...recordCsvChunks(demoPreviousRecords({ rows: DEMO_DEFAULT_ROWS }), DEMO_PREVIOUS_YEAR)].join(''));
  [cur, prev] = await Promise.all([cliScores(curCsv), cliScores(prevCsv)]);
  site = await buildAndServe('/points/');
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, acceptDownloads: true });
  log = recordPage(page);
  await page.goto(site.url);
  await page.waitForSelector('.app[data-phase="ready"]', { timeout: 60_000 });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const count = (testid: string, key: string) => page.getByTestId(testid).locator(`[data-count="${key}"] dd`).first().textContent();
const int = (s: string | null) => Number((s ?? '').replace(/[,\s]/g, '').replace(/（.*$/, ''));

/** What the CLI's two runs say the comparison must show. */
function expected() {
  const both = [...cur.keys()].filter((u) => prev.has(u));
  const usccs = new Set([...cur.keys(), ...prev.keys()]);
  const status = (u: string) => (listed(cur.get(u)) ? (listed(prev.get(u)) ? 'stayed' : 'entered') : listed(prev.get(u)) ? 'left' : 'neither');
  const lists = { stayed: 0, entered: 0, left: 0 };
  for (const u of usccs) {
    const s = status(u);
    if (s !== 'neither') lists[s]++;
  }
  const fall = both.reduce((a, u) => (cur.get(u)!.score - prev.get(u)!.score < cur.get(a)!.score - prev.get(a)!.score ? u : a));
  return {
    both: both.length,
    onlyCurrent: cur.size - both.length,
    onlyPrevious: prev.size - both.length,
    stageChanged: both.filter((u) => cur.get(u)!.stage !== prev.get(u)!.stage).length,
    lists,
    fall,
    status,
  };
}

async function openYoy(): Promise<void> {
  await page.getByRole('tab', { name: '情景分析' }).click();
  await page.getByRole('tab', { name: '年度对比' }).click();
  await page.getByTestId('yoy-panel').waitFor();
}

async function loadAndWait(choiceLabel: string): Promise<void> {
  await page.getByTestId('yoy-choice').selectOption({ label: choiceLabel });
  await page.getByTestId('yoy-load').click();
  await page.getByTestId('yoy-counts').waitFor({ timeout: 60_000 });
  await page.waitForSelector('[data-testid="yoy-panel"][data-busy="false"]', { timeout: 60_000 });
}

async function checkCounts(): Promise<void> {
  const want = expected();
  expect(want.onlyCurrent).toBeGreaterThan(100); // the demo's 2023 registrations: the view has new enterprises to find
  expect(want.stageChanged).toBeGreaterThan(100);
  expect(want.lists.left).toBeGreaterThan(0);
  await expect.poll(async () => int(await count('yoy-counts', 'both')), { timeout: 30_000 }).toBe(want.both);
  expect(int(await count('yoy-counts', 'only-current'))).toBe(want.onlyCurrent);
  expect(int(await count('yoy-counts', 'only-previous'))).toBe(want.onlyPrevious);
  expect(int(await count('yoy-counts', 'stage-changed'))).toBe(want.stageChanged);
  expect(int(await count('yoy-list-counts', 'stayed'))).toBe(want.lists.stayed);
  expect(int(await count('yoy-list-counts', 'entered'))).toBe(want.lists.entered);
  expect(int(await count('yoy-list-counts', 'left'))).toBe(want.lists.left);
}

describe('年度对比 (year on year)', () => {
  it('links the demo with its previous year: counts, list entries and exits, and stage changes as the CLI’s two runs say', async () => {
    await openYoy();
    await loadAndWait(`模拟数据 ${DEMO_PREVIOUS_YEAR} 年（演示）`);
    expect(await page.getByTestId('yoy-years').textContent()).toContain(`${DEMO_PREVIOUS_YEAR} 年`);
    expect(await page.getByTestId('yoy-years-warning').count()).toBe(0);
    await checkCounts();
    const want = expected();

    // The largest fall first (the default order), with its change to the cent.
    const first = page.locator('[data-testid="yoy-table"] tbody tr').first();
    expect(await first.getAttribute('data-uscc')).toBe(want.fall);
    const delta = Number(await first.locator('td[data-delta]').getAttribute('data-delta'));
    expect(delta).toBeCloseTo(cur.get(want.fall)!.score - prev.get(want.fall)!.score, 6);

    // Stage changes are shown: the filter holds exactly the CLI's, each marked in its row.
    await page.getByTestId('yoy-filter').selectOption('stage-changed');
    await expect.poll(async () => Number(await page.getByTestId('yoy-table').getAttribute('data-total'))).toBe(want.stageChanged);
    const marks = await page.locator('[data-testid="yoy-table"] tbody td[data-stage-changed]').evaluateAll((tds) => tds.map((td) => td.getAttribute('data-stage-changed')));
    expect(marks.length).toBe(50);
    expect(marks.every((m) => m === 'true')).toBe(true);

    // Those that left the list: as many as the CLI says, each one listed last year and not this year.
    await page.getByTestId('yoy-filter').selectOption('left');
    await expect.poll(async () => Number(await page.getByTestId('yoy-table').getAttribute('data-total'))).toBe(want.lists.left);
    const leftRows = await page.locator('[data-testid="yoy-table"] tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-uscc') ?? ''));
    for (const u of leftRows) expect(want.status(u)).toBe('left');
    await page.getByTestId('yoy-filter').selectOption('all');
    await page.waitForSelector('[data-testid="yoy-slope"] svg, [data-testid="yoy-slope"] canvas', { timeout: 30_000 });
  });

  it('exports every enterprise of both years with the CLI’s exact scores and list status', async () => {
    const want = expected();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('yoy-export-csv').click()]);
    const text = (await readFile(await download.path())).toString('utf8').replace(/^\uFEFF/, '');
    const lines = text.split(/\r?\n/);
    const head = lines[0].split(',');
    const col = (name: string) => head.indexOf(name);
    const [iU, iS, iP, iC] = [col('统一社会信用代码'), col('名单'), col('积分（精确值）（上一年度）'), col('积分（精确值）（本年度）')];
    expect(
      [iU, iS, iP, iC].every((i) => i >= 0),
      head.join('|'),
    ).toBe(true);
    const rows = lines.slice(1).filter((l) => /^\d+,/.test(l));
    expect(rows.length).toBe(want.both + want.onlyCurrent + want.onlyPrevious);
    const statusText: Record<string, string> = { stayed: '保持', entered: '新进入', left: '掉出', neither: '' };
    for (const l of rows) {
      const c = l.split(',');
      const u = c[iU];
      const p = prev.get(u);
      const n = cur.get(u);
      if (p) expect(Math.abs(Number(c[iP]) - p.score), u).toBeLessThan(1e-9);
      else expect(c[iP]).toBe('');
      if (n) expect(Math.abs(Number(c[iC]) - n.score), u).toBeLessThan(1e-9);
      else expect(c[iC]).toBe('');
      expect(c[iS], u).toBe(statusText[want.status(u)]);
    }
  });

  it('reads in English', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.getByTestId('yoy-panel').locator('h3').first().textContent()).toBe('Year on year');
    expect(await page.getByTestId('yoy-years').textContent()).toMatch(/^This year: .*; previous year: .*\(2022\)$/);
    await page.getByRole('button', { name: '中文' }).click();
  });

  it('takes the previous year from a stored data set (imported under 数据) with the same result', async () => {
    await page.getByRole('tab', { name: '数据' }).click();
    await page.getByTestId('import-file').setInputFiles(prevCsv);
    await page.waitForSelector('.data-view[data-import-phase="review"][data-validating="false"]', { timeout: 60_000 });
    const before = Number(await page.locator('.app').getAttribute('data-score-version'));
    await page.getByTestId('score-import').click();
    await page.waitForFunction((b) => Number(document.querySelector('.app')?.getAttribute('data-score-version')) > b, before, { timeout: 60_000 });
    // Back to the demo as this year once the file is stored (and shown); it is now a data set to choose.
    await page.waitForSelector('[data-testid="dataset-list"]:not([data-active="demo"])', { timeout: 60_000 });
    await page.getByTestId('dataset-list').getByRole('button', { name: '模拟数据（演示）' }).click();
    await page.waitForSelector('[data-testid="dataset-list"][data-active="demo"]', { timeout: 60_000 });
    await page.waitForSelector('.app[data-phase="ready"]', { timeout: 60_000 });
    await openYoy();
    await loadAndWait(`demo-${DEMO_PREVIOUS_YEAR}.csv`);
    await checkCounts();
    expect(foreignRequests(log, new URL(site.url).origin)).toEqual([]);
    expect(log.errors).toEqual([]);
  });

  it('within a segment: each year selected in its own data, each list drawn from it, as the CLI’s --segment runs say', async () => {
    const CONDITION = "city = '成都市'";
    const curCsv = join(dir, 'demo-2023.csv');
    const [curSeg, prevSeg] = await Promise.all([cliScores(curCsv, ['--segment', CONDITION]), cliScores(prevCsv, ['--segment', CONDITION])]);
    expect(curSeg.size).toBeGreaterThan(1000);
    // The list within the segment: the top 100 by the competition rank among the segment's rows (cleared ones never listed).
    const segListed = (seg: Map<string, CliRow>) => {
      const ranks = [...seg.values()].map((r) => r.rank).sort((a, b) => a - b);
      const higher = (rank: number) => {
        let lo = 0;
        while (lo < ranks.length && ranks[lo] < rank) lo++;
        return lo;
      };
      return (u: string) => {
        const r = seg.get(u);
        return r !== undefined && !r.vetoed && 1 + higher(r.rank) <= 100;
      };
    };
    const onNow = segListed(curSeg);
    const onBefore = segListed(prevSeg);
    const usccs = new Set([...curSeg.keys(), ...prevSeg.keys()]);
    const lists = { stayed: 0, entered: 0, left: 0 };
    for (const u of usccs) {
      const s = onNow(u) ? (onBefore(u) ? 'stayed' : 'entered') : onBefore(u) ? 'left' : null;
      if (s) lists[s]++;
    }
    const both = [...usccs].filter((u) => cur.has(u) && prev.has(u)).length;
    expect(lists.entered + lists.left).toBeGreaterThan(0);

    await page.getByRole('tab', { name: '排名' }).click();
    await page.getByTestId('segment-input').fill(CONDITION);
    await page.getByTestId('segment-apply').click();
    await expect.poll(() => page.getByTestId('context-segment').getAttribute('data-count'), { timeout: 30_000 }).toBe(String(curSeg.size));
    await openYoy();
    await expect.poll(() => page.getByTestId('yoy-segment-note').textContent(), { timeout: 60_000 }).toContain(`上一年度 ${prevSeg.size.toLocaleString('en')} 家企业`);
    await page.waitForSelector('[data-testid="yoy-panel"][data-busy="false"]', { timeout: 60_000 });
    await expect.poll(async () => int(await count('yoy-counts', 'both')), { timeout: 30_000 }).toBe(both);
    expect(int(await count('yoy-counts', 'only-current'))).toBe([...curSeg.keys()].filter((u) => !prev.has(u)).length);
    expect(int(await count('yoy-counts', 'only-previous'))).toBe([...prevSeg.keys()].filter((u) => !cur.has(u)).length);
    expect(int(await count('yoy-list-counts', 'stayed'))).toBe(lists.stayed);
    expect(int(await count('yoy-list-counts', 'entered'))).toBe(lists.entered);
    expect(int(await count('yoy-list-counts', 'left'))).toBe(lists.left);
    // Of those in both years' data: in the segment this year only, or last year only.
    const bothData = [...usccs].filter((u) => cur.has(u) && prev.has(u));
    expect(int(await count('yoy-counts', 'into-segment'))).toBe(bothData.filter((u) => curSeg.has(u) && !prevSeg.has(u)).length);
    expect(int(await count('yoy-counts', 'out-of-segment'))).toBe(bothData.filter((u) => prevSeg.has(u) && !curSeg.has(u)).length);
    // The table holds the segment's enterprises only.
    expect(Number(await page.getByTestId('yoy-table').getAttribute('data-total'))).toBe(usccs.size);

    // Removing last year's data takes the comparison and its segment note away; loading it again brings both back.
    await page.getByRole('button', { name: '移除上一年度数据' }).click();
    await expect.poll(() => page.getByTestId('yoy-segment-note').count()).toBe(0);
    await page.getByTestId('yoy-load').click();
    await expect.poll(() => page.getByTestId('yoy-segment-note').count(), { timeout: 60_000 }).toBe(1);
    await expect.poll(async () => int(await count('yoy-list-counts', 'left')), { timeout: 30_000 }).toBe(lists.left);

    // Cleared: the comparison covers every enterprise again.
    await page.getByRole('tab', { name: '排名' }).click();
    await page.getByTestId('context-segment-clear').click();
    await expect.poll(() => page.getByTestId('context-segment').count()).toBe(0);
    await openYoy();
    await expect.poll(async () => int(await count('yoy-counts', 'both')), { timeout: 30_000 }).toBe(expected().both);
    expect(await page.getByTestId('yoy-segment-note').count()).toBe(0);
    expect(log.errors).toEqual([]);
  });

  it('a scenario’s as-of date moves back a year for last year, as the CLI’s --as-of runs say', async () => {
    // Last: it replaces the CLI runs the other tests compare with.
    const curCsv = join(dir, 'demo-2023.csv');
    const prevDefault = prev;
    [cur, prev] = await Promise.all([cliScores(curCsv, ['--as-of', '2024-03-31']), cliScores(prevCsv, ['--as-of', '2023-03-31'])]);
    // The shift matters: some of last year's enterprises are in another stage at 2023-03-31 than at 2022-12-31.
    expect([...prev].filter(([u, r]) => prevDefault.get(u)?.stage !== r.stage).length).toBeGreaterThan(10);
    const input = page.getByTestId('context-as-of');
    await input.fill('2024-03-31');
    await input.press('Enter');
    await input.blur();
    await expect.poll(() => page.locator('.app').getAttribute('data-phase')).toBe('ready');
    await openYoy();
    await page.getByTestId('yoy-load').click();
    await expect.poll(() => page.getByTestId('yoy-as-of').textContent(), { timeout: 60_000 }).toContain('上一年度按其评价年度的同一天 2023-03-31 划分');
    await checkCounts();
  });
});
