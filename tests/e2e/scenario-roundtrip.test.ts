import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readOutput, runCli } from '../cli/run-cli.ts';
import { launchChromium, recordPage, type PageLog } from './browser.ts';
import { buildAndServe } from './site.ts';

/**
 * One scenario file for the browser and the CLI (issue 10, bullet 7): change weights on the demo,
 * save the scenario and export it (导出 JSON, the file the browser downloads), then score the same
 * demo data with the CLI using that file: the CLI's ranks and scores of the top rows are the ones
 * the 排名 table shows.
 */
let site: Awaited<ReturnType<typeof buildAndServe>>;
let browser: Browser;
let page: Page;
let log: PageLog;
let dir: string;

const ROOT = new URL('../..', import.meta.url).pathname;
const SLIDER = (stage: string) => `与主营业务相关的PCT专利申请量 — ${stage} 权重`;
const TOP = 25;

/** `npm run demo -- --rows 30000 --output FILE`: the bytes the site generates in its worker. */
function writeDemoCsv(path: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/make-demo.ts', '--rows', '30000', '--output', path], { cwd: ROOT, stdio: 'ignore' });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`make-demo exited ${code}`))));
  });
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ipw-roundtrip-'));
  const demo = writeDemoCsv(join(dir, 'demo.csv'));
  site = await buildAndServe('/points/');
  browser = await launchChromium();
  const ctx = await browser.newContext({ viewport: { width: 1400, height: 1000 }, acceptDownloads: true });
  page = await ctx.newPage();
  log = recordPage(page);
  await page.goto(site.url);
  await page.waitForSelector('.app[data-phase="ready"]', { timeout: 60_000 });
  await demo;
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('scenario file round trip: browser export → CLI --scenario', () => {
  it("the CLI scores the demo with the browser's exported scenario exactly as the 排名 table shows", async () => {
    await page.getByRole('tab', { name: '权重' }).click();
    for (const stage of ['初创期', '成长期', '稳定期']) {
      const v = Number(await page.locator('.app').getAttribute('data-score-version'));
      // Weights are typed as percentages (the sliders stop at 30 % while all weights fit).
      const field = page.getByRole('textbox', { name: `${SLIDER(stage)}（%）` });
      await field.fill('60');
      await field.press('Enter');
      await page.waitForFunction((b) => Number(document.querySelector('.app')?.getAttribute('data-score-version')) > b, v);
    }
    await page.getByRole('tab', { name: '情景分析' }).click();
    await page.getByRole('tab', { name: '方案', exact: true }).click();
    await page.getByLabel('保存当前方案为').fill('往返测试');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出方案“往返测试”为 JSON' }).click()]);
    const scenarioPath = join(dir, download.suggestedFilename());
    await download.saveAs(scenarioPath);
    const exported = JSON.parse(await readFile(scenarioPath, 'utf8'));
    expect(exported.format).toBe('innovation-points-scenario');
    expect(exported.scenario.weights.initial.pct_applications).toBe(0.6);

    // What the screen shows: the first rows of 排名 (sorted by rank, scores with 2 decimals).
    await page.getByRole('tab', { name: '排名' }).click();
    const table = page.getByTestId('ranking-table');
    await expect.poll(() => table.locator('tbody tr td.code').count(), { timeout: 20_000 }).toBeGreaterThanOrEqual(TOP);
    const screen = await table.locator('tbody tr').evaluateAll(
      (trs, n) =>
        trs.slice(0, n).map((tr) => ({
          uscc: tr.querySelector('td.code')?.textContent?.trim() ?? '',
          rank: tr.querySelector('td.rank')?.textContent?.trim() ?? '',
          score: tr.querySelector('td.score')?.textContent?.trim() ?? '',
        })),
      TOP,
    );
    await page.screenshot({ path: '/tmp/e2e-roundtrip-ranking.png' });

    const out = join(dir, 'out.csv');
    const r = await runCli(['--system', 'sichuan-2024', '--input', join(dir, 'demo.csv'), '--output', out, '--scenario', scenarioPath]);
    expect(r.code, r.stderr).toBe(0);
    const { rows } = await readOutput(out);
    const cli = rows.slice(0, TOP).map((row) => ({ uscc: row.uscc, rank: row.rank, score: Number(row.score).toFixed(2) }));
    expect(cli).toEqual(screen);
    // The weights changed the order (the file was used, not ignored): the baseline's top rows differ.
    const base = join(dir, 'base.csv');
    expect((await runCli(['--system', 'sichuan-2024', '--input', join(dir, 'demo.csv'), '--output', base])).code).toBe(0);
    const baseTop = (await readOutput(base)).rows.slice(0, TOP).map((row) => row.uscc);
    expect(baseTop).not.toEqual(cli.map((c) => c.uscc));
    expect(log.errors).toEqual([]);
  }, 180_000);
});
