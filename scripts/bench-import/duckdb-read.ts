import type { BrowserContext } from 'playwright-core';
import { DUCKDB_PAGE_DIR, type DuckdbAssets } from './build.ts';
import type { ReadResult } from './page/main.ts';

export type { ReadResult };

/**
 * The reference, in a page of the same browser session: DuckDB-wasm (the site's own files) reads
 * the same file with the app's read_csv SQL; timed inside the page from the bytes being available
 * (File.arrayBuffer resolved) to the Arrow Table.
 */
export async function duckdbRead(
  context: BrowserContext,
  siteUrl: string,
  assets: DuckdbAssets,
  sql: { readCsv: string; setup: string[] },
  fileName: string,
  file: string,
  timeoutMs: number,
): Promise<ReadResult & { startupMs: number }> {
  const page = await context.newPage();
  try {
    const params = new URLSearchParams({ ...assets, setup: JSON.stringify(sql.setup) });
    await page.goto(`${siteUrl}${DUCKDB_PAGE_DIR}/index.html?${params}`);
    const ready = await page.evaluate(() => window.benchDuckdb.ready);
    console.error(`  DuckDB-wasm (${ready.bundle}) started in ${Math.round(ready.startupMs)} ms`);
    await page.locator('#file').setInputFiles(file, { timeout: timeoutMs });
    page.setDefaultTimeout(timeoutMs);
    const r = await page.evaluate(({ s, f }) => window.benchDuckdb.read(s, f), { s: sql.readCsv, f: fileName });
    return { ...r, startupMs: ready.startupMs };
  } finally {
    await page.close();
  }
}
