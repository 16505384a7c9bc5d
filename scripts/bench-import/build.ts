import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'vite';

/** Where the DuckDB reference page goes inside the built site (same origin, same static server). */
export const DUCKDB_PAGE_DIR = '__bench-duckdb';

/**
 * `vite build` of the project at `site` with its own Vite, config and node_modules (exactly what
 * `npm run build` does there), into a fresh temporary directory.
 */
export function buildSite(site: string): string {
  const out = mkdtempSync(join(tmpdir(), 'ipw-bench-import-site-'));
  const vite = join(site, 'node_modules/vite/bin/vite.js');
  if (!existsSync(vite)) throw new Error(`${site} has no node_modules/vite (run npm ci there)`);
  const t = performance.now();
  execFileSync(process.execPath, [vite, 'build', '--outDir', out, '--emptyOutDir', '--logLevel', 'error'], { cwd: site, stdio: ['ignore', 'ignore', 'inherit'] });
  console.error(`built ${site} into ${out} in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  return out;
}

/** The built site's own DuckDB-wasm files (hashed names under assets/), relative to the site root. */
export interface DuckdbAssets {
  eh: string;
  ehWorker: string;
  mvp: string;
  mvpWorker: string;
}

export function duckdbAssets(dist: string): DuckdbAssets {
  const files = readdirSync(join(dist, 'assets'));
  const pick = (re: RegExp): string => {
    const f = files.find((n) => re.test(n));
    if (!f) throw new Error(`the built site has no asset matching ${re} (files: ${files.join(', ')})`);
    return `assets/${f}`;
  };
  return {
    eh: pick(/^duckdb-eh[-.].*\.wasm$/),
    ehWorker: pick(/^duckdb-browser-eh\.worker[-.].*\.js$/),
    mvp: pick(/^duckdb-mvp[-.].*\.wasm$/),
    mvpWorker: pick(/^duckdb-browser-mvp\.worker[-.].*\.js$/),
  };
}

/**
 * The tiny reference page (scripts/bench-import/page) built with Vite into the site's output, so
 * the static server serves it from the same origin. Its DuckDB-wasm JS API is the measured
 * project's own copy (resolved from its node_modules), matching the worker and wasm it loads from
 * the built site's assets.
 */
export async function buildDuckdbPage(site: string, dist: string): Promise<string> {
  const pkg = realpathSync(join(site, 'node_modules/@duckdb/duckdb-wasm'));
  const outDir = join(dist, DUCKDB_PAGE_DIR);
  await build({
    root: join(import.meta.dirname, 'page'),
    configFile: false,
    base: './',
    logLevel: 'error',
    resolve: { alias: [{ find: /^@duckdb\/duckdb-wasm$/, replacement: join(pkg, 'dist/duckdb-browser.mjs') }] },
    build: { outDir, emptyOutDir: true, target: 'es2022', assetsInlineLimit: 0, chunkSizeWarningLimit: 4000 },
  });
  return outDir;
}

/** The measured project's own read_csv SQL and setup statements (src/data/sql.ts). */
export async function siteSql(site: string, file: string): Promise<{ readCsv: string; setup: string[] }> {
  const mod = (await import(pathToFileURL(join(site, 'src/data/sql.ts')).href)) as {
    readCsvSql: (path: string, o: { delimiter: string }) => string;
    SAFE_SETUP_SQL?: readonly string[];
  };
  return { readCsv: mod.readCsvSql(file, { delimiter: ',' }), setup: [...(mod.SAFE_SETUP_SQL ?? [])] };
}
