import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readOutput, runCli } from '../cli/run-cli.ts';
import { EXPECTATIONS } from '../corpus/expectations.ts';
import { foreignRequests, launchChromium, recordPage, type PageLog } from './browser.ts';
import { buildAndServe } from './site.ts';

/**
 * Bring-your-own-data in headless Chromium: corpus files go in through the 数据 tab's file input,
 * the validation report must list the same rows and problems as the CLI, the scores must match
 * the CLI's on the same file, and a reload must bring the dataset back.
 */
const FILES = resolve(import.meta.dirname, '../corpus/files');
let site: Awaited<ReturnType<typeof buildAndServe>>;
let browser: Browser;
let page: Page;
let log: PageLog;
let out: string;

const expectation = (file: string) => EXPECTATIONS.find((e) => e.file === file)!;
const num = (s: string | null) => Number((s ?? '').replace(/[,\s]/g, ''));

async function importFile(file: string): Promise<void> {
  await page.getByRole('tab', { name: '数据' }).click();
  await page.getByTestId('import-file').setInputFiles(join(FILES, file));
  await page.waitForFunction(
    (name) => {
      const view = document.querySelector('.data-view');
      const facts = document.querySelector('[data-testid="file-facts"]')?.textContent ?? '';
      const phase = view?.getAttribute('data-import-phase');
      return phase === 'error' || (phase === 'review' && view?.getAttribute('data-validating') === 'false' && facts.includes(name));
    },
    file,
    { timeout: 60_000 },
  );
}

async function reportEntries(): Promise<[string, number | undefined][]> {
  const rows = page.locator('[data-testid="report-table"] tbody tr');
  return rows.evaluateAll((trs) =>
    trs.map(
      (tr) =>
        [tr.getAttribute('data-code') ?? '', Number.isFinite(Number(tr.children[1].textContent)) ? Number(tr.children[1].textContent) : undefined] as [string, number | undefined],
    ),
  );
}

async function scoreAndRead(): Promise<{ uscc: string; score: number; rank: number }[]> {
  const before = Number(await page.locator('.app').getAttribute('data-score-version'));
  await page.getByTestId('score-import').click();
  await page.waitForFunction((b) => Number(document.querySelector('.app')?.getAttribute('data-score-version')) > b, before, { timeout: 60_000 });
  await page.getByRole('tab', { name: '排名' }).click();
  const rows = page.locator('[data-testid="ranking-table"] tbody tr');
  await expect.poll(() => rows.count()).toBeGreaterThan(0);
  return rows.evaluateAll((trs) =>
    trs.map((tr) => ({
      uscc: tr.querySelector('td.code')?.textContent ?? '',
      score: Number((tr.querySelector('td.score')?.textContent ?? '').replace(/,/g, '')),
      rank: Number(tr.querySelector('td.rank')?.textContent),
    })),
  );
}

async function cliScores(file: string): Promise<{ uscc: string; score: number; rank: number }[]> {
  const output = join(out, `${file}.csv`);
  const r = await runCli(['--system', 'sichuan-2024', '--input', join(FILES, file), '--output', output]);
  expect(r.code, r.stderr).toBe(0);
  return (await readOutput(output)).rows.map((x) => ({ uscc: x.uscc, score: Math.round(Number(x.score) * 100) / 100, rank: Number(x.rank) }));
}

beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), 'ipw-e2e-import-'));
  site = await buildAndServe('/points/');
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1400, height: 1100 } });
  log = recordPage(page);
  await page.goto(`${site.url}#data`);
  await page.waitForSelector('.app[data-phase="ready"]', { timeout: 90_000 });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await rm(out, { recursive: true, force: true });
});

describe('import in Chromium', () => {
  for (const file of [
    'gbk-no-bom.csv',
    'ragged-rows.csv',
    'duplicate-uscc.csv',
    'bad-uscc.csv',
    'future-dates.csv',
    'units-in-yuan.csv',
    'records.json',
    'long-row-unquoted-comma.csv',
    'mixed-lf-crlf.csv',
    'invisible-header-chars.csv',
    // The second half of the corpus (issue 9): one or two per class.
    'overflow-fullwidth-exponent.csv',
    'formula-cached-error.xlsx',
    'xlsx-value-beyond-header.xlsx',
    'duplicate-veto-id-header.csv',
    'invisible-lri-pdi.csv',
    'utf16le-mixed-endings.csv',
    'gbk-mixed-endings.csv',
  ]) {
    it(`${file}: the report lists the expected rows and problems`, async () => {
      const e = expectation(file);
      await importFile(file);
      const expected = e.browser ?? e.cli;
      if (expected.error !== undefined) {
        // A refusal: the one sentence at the import control, and no report to score from.
        await expect.poll(() => page.getByTestId('import-error').textContent()).toBe(expected.error);
        expect(await page.getByTestId('score-import').count()).toBe(0);
        return;
      }
      const scored = expected.scored ?? e.cli.scored ?? [];
      expect(num(await page.getByTestId('report-scored').textContent())).toBe(scored.length);
      const entries = await reportEntries();
      for (const pair of e.browser?.report ?? []) expect(entries).toContainEqual(pair);
      expect(
        entries
          .filter(([, row]) => row !== undefined)
          .filter(([c]) => !/warning|missing-values|unit|extreme|rd-far/.test(c))
          .map(([c]) => c)
          .every((c) => c.length > 0),
      ).toBe(true);
      if (file === 'gbk-no-bom.csv') expect(await page.getByTestId('file-encoding').inputValue()).toBe('gb18030');
      if (file !== 'records.json') expect(await page.getByTestId('personal-dropped').textContent()).toContain('法定代表人手机');
    });
  }

  it('XLSX with a merged title row: mapping found under the title, scores equal the CLI', async () => {
    await importFile('title-merged.xlsx');
    expect(await page.getByTestId('file-format').textContent()).toBe('XLSX');
    expect(await page.getByTestId('missing-required').count()).toBe(0);
    await page.screenshot({ path: '/tmp/e2e-import-mapping.png', fullPage: true });
    const browserScores = await scoreAndRead();
    expect(browserScores).toEqual(await cliScores('title-merged.xlsx'));
  });

  it('GBK CSV without BOM: scores equal the CLI', async () => {
    await importFile('gbk-no-bom.csv');
    expect(await scoreAndRead()).toEqual(await cliScores('gbk-no-bom.csv'));
  });

  it('CSV with excluded rows: scores equal the CLI; the report shows in the 数据核验 view', async () => {
    await importFile('duplicate-uscc.csv');
    await page.locator('[data-testid="validation-report"]').screenshot({ path: '/tmp/e2e-import-report.png' });
    const browserScores = await scoreAndRead();
    expect(browserScores).toEqual(await cliScores('duplicate-uscc.csv'));
  });

  it('datasets are listed; a reload brings the last one back', async () => {
    await page.getByRole('tab', { name: '数据' }).click();
    const list = page.getByTestId('dataset-list');
    const names = await list.locator('li > button:first-child').allTextContents();
    expect(names).toEqual(['模拟数据（演示）', 'title-merged.xlsx', 'gbk-no-bom.csv', 'duplicate-uscc.csv']);
    await page.reload();
    await page.waitForSelector('[data-testid="dataset-list"][data-restored="true"]', { timeout: 90_000 });
    await page.waitForSelector('.app[data-phase="ready"]', { timeout: 60_000 });
    expect(await page.getByTestId('dataset-list').locator('li > button:first-child').allTextContents()).toEqual(names);
    await page.getByRole('tab', { name: '排名' }).click();
    const rows = page.locator('[data-testid="ranking-table"] tbody tr');
    await expect.poll(() => rows.count()).toBe(4);
    expect(await rows.locator('td.code').allTextContents()).toEqual((await cliScores('duplicate-uscc.csv')).map((r) => r.uscc));
    await page.getByRole('tab', { name: '数据' }).click();
    await page.screenshot({ path: '/tmp/e2e-import-datasets.png', fullPage: true });
  });

  it('clear all data: back to the demo only', async () => {
    page.once('dialog', (d) => void d.accept());
    await page.getByTestId('clear-all').click();
    await expect.poll(() => page.getByTestId('dataset-list').locator('li').count()).toBe(1);
    await page.waitForSelector('.app[data-phase="ready"]', { timeout: 60_000 });
  });

  it('logged no console error and made no request outside its origin', async () => {
    expect(log.errors.join('\n')).toBe('');
    expect(foreignRequests(log, new URL(site.url).origin)).toEqual([]);
  });
});
