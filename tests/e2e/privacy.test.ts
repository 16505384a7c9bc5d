import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './browser.ts';
import { buildAndServe } from './site.ts';
import { dumpStorage } from './storage-dump.ts';

/**
 * Privacy by construction: a file with personal-data columns (法定代表人手机, 实际负责人姓名 / 邮箱)
 * is imported (as CSV, read by DuckDB, and as JSON, read in the worker), scored, kept and
 * restored after a reload; then every store the page can write is dumped and no personal value
 * may occur anywhere, while the enterprise data itself must (so the dump is not empty).
 */
const SOURCE = resolve(import.meta.dirname, '../corpus/files/personal-columns.csv');
const PHONES = ['13987650001', '13987650002'];
const NAMES = ['隐私探针甲', '隐私探针乙'];
const MAILS = ['probe.one@privacy.example', 'probe.two@privacy.example'];
const PERSONAL = [...PHONES, ...NAMES, ...MAILS];

let site: Awaited<ReturnType<typeof buildAndServe>>;
let browser: Browser;
let page: Page;
let dir: string;
let csvPath: string;
let jsonPath: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ipw-privacy-'));
  const lines = (await readFile(SOURCE, 'utf8')).trim().split('\n');
  const header = lines[0].split(',');
  const rows = lines.slice(1, 3).map((l, k) => {
    const cells = l.split(',');
    cells[header.indexOf('法定代表人手机')] = PHONES[k];
    cells[header.indexOf('实际负责人姓名')] = NAMES[k];
    cells[header.indexOf('实际负责人邮箱')] = MAILS[k];
    return cells;
  });
  csvPath = join(dir, 'personal.csv');
  await writeFile(csvPath, [header, ...rows].map((r) => r.join(',')).join('\n') + '\n');
  jsonPath = join(dir, 'personal.json');
  await writeFile(jsonPath, JSON.stringify(rows.map((r) => Object.fromEntries(header.map((h, j) => [h, r[j]])))));
  site = await buildAndServe();
  browser = await launchChromium();
  page = await browser.newPage();
  await page.goto(site.url);
  await page.waitForSelector('.app[data-phase="ready"]', { timeout: 60_000 });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await rm(dir, { recursive: true, force: true });
});

async function importAndScore(path: string, name: string): Promise<void> {
  await page.getByRole('tab', { name: '数据' }).click();
  await page.getByTestId('import-file').setInputFiles(path);
  await page.waitForFunction(
    (n) => {
      const view = document.querySelector('.data-view');
      return (
        view?.getAttribute('data-import-phase') === 'review' &&
        view.getAttribute('data-validating') === 'false' &&
        (document.querySelector('[data-testid="file-facts"]')?.textContent ?? '').includes(n)
      );
    },
    name,
    { timeout: 60_000 },
  );
  const before = Number(await page.locator('.app').getAttribute('data-score-version'));
  await page.getByTestId('score-import').click();
  await page.waitForFunction((b) => Number(document.querySelector('.app')?.getAttribute('data-score-version')) > b, before, { timeout: 60_000 });
  await page.waitForFunction((n) => (document.querySelector('[data-testid="dataset-list"]')?.textContent ?? '').includes(n), name, { timeout: 30_000 });
}

describe('privacy: personal data never reaches storage', () => {
  it('CSV and JSON imported, kept, restored after a reload: no personal value in any store', async () => {
    await importAndScore(csvPath, 'personal.csv');
    await importAndScore(jsonPath, 'personal.json');
    await page.reload();
    await page.waitForSelector('[data-testid="dataset-list"][data-restored="true"]', { timeout: 90_000 });
    await page.waitForSelector('.app[data-phase="ready"]', { timeout: 60_000 });
    // The restored dataset is the JSON one (shown last), scored again from what was stored.
    expect(await page.locator('.app').getAttribute('data-phase')).toBe('ready');
    const dump = await dumpStorage(page);
    expect(dump).toContain('91510100MA0000001L'); // the stored data is in the dump …
    expect(dump).toContain('甲科技有限公司');
    for (const value of PERSONAL) expect(dump, value).not.toContain(value); // … and no personal value
  }, 240_000);

  it('a dataset kept by the first version (the original bytes) is replaced by one without personal data', async () => {
    const csv = await readFile(csvPath, 'utf8');
    await page.evaluate(
      async ({ csv }) => {
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const r = indexedDB.open('innovation-points-workbench');
          r.onsuccess = () => resolve(r.result);
          r.onerror = () => reject(r.error);
        });
        const put = (store: string, value: unknown, key?: string) =>
          new Promise<void>((resolve, reject) => {
            const tx = db.transaction(store, 'readwrite');
            tx.objectStore(store).put(value, key);
            tx.oncomplete = () => resolve();
            tx.onerror = () => reject(tx.error);
          });
        const legacy = { id: 'ds-legacy', name: 'legacy.csv', format: 'csv', size: csv.length, addedAt: 1, bytes: new Blob([csv]), options: {}, edits: {}, keepInvalidUscc: false };
        await put('datasets', legacy);
        await put('meta', { activeId: 'ds-legacy' }, 'session');
        db.close();
      },
      { csv },
    );
    expect(await dumpStorage(page)).toContain(PHONES[0]); // the legacy record holds it, until …
    await page.reload();
    await page.waitForSelector('[data-testid="dataset-list"][data-restored="true"]', { timeout: 90_000 });
    await page.waitForSelector('.app[data-phase="ready"]', { timeout: 60_000 });
    await page.waitForFunction(() => (document.querySelector('[data-testid="dataset-list"]')?.textContent ?? '').includes('legacy.csv'));
    // The migration (import the bytes, score, store the new record) ends after the ranking shows.
    await expect.poll(async () => (await dumpStorage(page)).includes('bytes:'), { timeout: 30_000 }).toBe(false);
    const fresh = await dumpStorage(page);
    expect(fresh).toContain('legacy.csv');
    expect(fresh).toContain('甲科技有限公司');
    for (const value of PERSONAL) expect(fresh, value).not.toContain(value);
  }, 240_000);
});
