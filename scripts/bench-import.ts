/**
 * Import benchmark in real headless Chromium (figures, not a test):
 *
 *   npm run bench:import [-- --rows 1000000] [--file CSV] [--site DIR] [--cold-runs 5]
 *
 * Builds the project at --site (default: this repo) with its own `vite build`, serves it with the
 * e2e static server on 127.0.0.1, and in ONE browser session measures, for a CSV (the demo
 * dataset from `npm run demo`, generated once into /tmp, or --file):
 *   1. file chosen → mapping review shown;
 *   2. file chosen → 数据核验 report shown;
 *   3. file chosen → scored ranking on screen (score-import clicked, 排名 tab);
 *   4. peak summed RSS of the renderer process(es) during the import, and RSS ~5 s later;
 *   5. the reference: DuckDB-wasm read_csv of the same file (the site's own wasm, the app's SQL),
 *      bytes in the page → Arrow result, and the ratio import → ranking / reference;
 *   6. cold load → first ranking row of the embedded 30k demo, median of --cold-runs fresh contexts.
 * Progress goes to stderr, the table to stdout. Every request must stay on the server's origin;
 * the count of those that did not is printed as a check.
 */
import { rmSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { basename, resolve } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { launchChromium } from '../tests/e2e/browser.ts';
import { serveStatic } from '../tests/e2e/static-server.ts';
import { parseArgs } from './bench-import/args.ts';
import { buildDuckdbPage, buildSite, duckdbAssets, siteSql } from './bench-import/build.ts';
import { coldLoad, type ColdRun } from './bench-import/cold-load.ts';
import { ensureCsv } from './bench-import/csv.ts';
import { duckdbRead } from './bench-import/duckdb-read.ts';
import { runImport, type ImportRun } from './bench-import/import-flow.ts';
import { gb, RendererMemory } from './bench-import/rss.ts';

const repoRoot = resolve(import.meta.dirname, '..');
const args = parseArgs(process.argv.slice(2), repoRoot);
const csv = ensureCsv(args.file, args.rows, repoRoot);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

const loadAtStart = loadavg()[0];
console.error(`site: ${args.site}\nfile: ${csv}`);
const dist = buildSite(args.site);
await buildDuckdbPage(args.site, dist);
const assets = duckdbAssets(dist);
const sql = await siteSql(args.site, 'bench.csv');
const server = await serveStatic(dist, '/points/');
const origin = new URL(server.url).origin;
const foreign = new Set<string>();
const errors: string[] = [];

/** Every context: the __name shim for tsx-compiled page functions, and request/error logging. */
async function prepare(context: BrowserContext): Promise<void> {
  // tsx compiles with esbuild's keepNames, which wraps functions in `__name(…)`; functions passed
  // to page.evaluate run in the page, where that helper must exist too.
  await context.addInitScript('globalThis.__name = (f) => f');
  context.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:')) foreign.add(u);
  });
  context.on('response', (r) => r.status() >= 400 && errors.push(`HTTP ${r.status()}: ${r.url()}`));
  context.on('page', (p) => {
    p.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    p.on('console', (m) => m.type() === 'error' && errors.push(`console: ${m.text()} (${m.location().url})`));
    p.on('crash', () => errors.push('renderer crashed'));
  });
}

const browser = await launchChromium();
const memory = new RendererMemory();
let imported: ImportRun | null = null;
let importError: string | null = null;
/** Summed renderer RSS (bytes): before the import, its peak (and the largest process's), settled after. */
const mem = { baseline: NaN, peak: NaN, peakLargest: NaN, held: NaN };
let reference: Awaited<ReturnType<typeof duckdbRead>> | null = null;
let referenceError: string | null = null;
const cold: ColdRun[] = [];
try {
  // 1–4: the import, alone in its context.
  {
    console.error(`import of ${basename(csv)} …`);
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    await prepare(context);
    const page = await context.newPage();
    page.setDefaultTimeout(args.timeoutMs);
    await page.goto(`${server.url}#data`);
    await page.waitForSelector('.app[data-phase="ready"]', { timeout: 180_000 });
    memory.start(100);
    await sleep(1000);
    const tStart = performance.now();
    mem.baseline = median(memory.between(tStart - 1000, tStart).map((s) => s.bytes));
    try {
      imported = await runImport(page, csv, args.timeoutMs);
    } catch (e) {
      importError = e instanceof Error ? e.message.split('\n')[0] : String(e);
    }
    const tDone = performance.now();
    const during = memory.between(tStart, tDone);
    mem.peak = Math.max(...during.map((s) => s.bytes));
    mem.peakLargest = Math.max(...during.map((s) => s.largest));
    console.error(`  settling ${args.settleMs / 1000} s …`);
    await sleep(args.settleMs);
    const tSettled = performance.now();
    mem.held = median(memory.between(tSettled - 500, tSettled).map((s) => s.bytes));
    const processes = Math.max(...memory.between(tStart, tSettled).map((s) => s.processes));
    console.error(`  renderer processes seen: ${processes}; samples: ${memory.between(tStart, tSettled).length}`);
    memory.stop();
    await page.screenshot({ path: `/tmp/bench-import-ranking-${basename(args.site)}.png` }).catch(() => {});
    await context.close();
  }

  // 5: the DuckDB-wasm reference, in a fresh context of the same browser.
  {
    console.error('DuckDB-wasm read_csv reference …');
    const context = await browser.newContext();
    await prepare(context);
    try {
      reference = await duckdbRead(context, server.url, assets, sql, 'bench.csv', csv, args.timeoutMs);
      console.error(
        `  ${reference.rows.toLocaleString('en')} rows × ${reference.columns} columns in ${Math.round(reference.readMs)} ms (register ${Math.round(reference.registerMs)} ms; File.arrayBuffer ${Math.round(reference.bytesMs)} ms before)`,
      );
    } catch (e) {
      referenceError = e instanceof Error ? e.message.split('\n')[0] : String(e);
    }
    await context.close();
  }

  // 6: cold loads of the embedded demo.
  for (let i = 0; i < args.coldRuns; i++) {
    const run = await coldLoad(browser, server.url, prepare, 180_000);
    console.error(`cold load ${i + 1}/${args.coldRuns}: ${Math.round(run.ms)} ms (app reports ${run.appMs === null ? 'n/a' : `${Math.round(run.appMs)} ms`})`);
    cold.push(run);
  }
} finally {
  memory.stop();
  await browser.close();
  await server.close();
  rmSync(dist, { recursive: true, force: true });
}

// The table.
const ref = reference?.readMs ?? NaN;
const t = imported?.times ?? {};
const ms = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? 'n/a' : Math.round(v).toLocaleString('en'));
const ratio = (v: number | undefined) => (v === undefined || !Number.isFinite(v) || !Number.isFinite(ref) ? '' : `${(v / ref).toFixed(2)}×`);
const rows: [string, string, string][] = [
  ['1. file chosen → mapping review', ms(t.review), ratio(t.review)],
  ['2. file chosen → 数据核验 report', ms(t.report), ratio(t.report)],
  ['3. file chosen → ranking on screen', ms(t.ranking), ratio(t.ranking)],
  ['   (of which: click → score version)', ms(t.scored !== undefined && t.click !== undefined ? t.scored - t.click : undefined), ''],
  ['4. renderer RSS peak during import', Number.isFinite(mem.peak) ? gb(mem.peak) : 'n/a', `largest process ${Number.isFinite(mem.peakLargest) ? gb(mem.peakLargest) : 'n/a'}`],
  [
    `   renderer RSS ${args.settleMs / 1000} s after`,
    Number.isFinite(mem.held) ? gb(mem.held) : 'n/a',
    `before import ${Number.isFinite(mem.baseline) ? gb(mem.baseline) : 'n/a'}`,
  ],
  ['5. DuckDB-wasm read_csv (reference)', ms(ref), '1.00×'],
  [`6. cold load → first ranking row (median of ${cold.length})`, ms(cold.length ? median(cold.map((c) => c.ms)) : NaN), cold.map((c) => Math.round(c.ms)).join(' / ')],
  ['   app-reported load time (median)', ms(cold.some((c) => c.appMs !== null) ? median(cold.filter((c) => c.appMs !== null).map((c) => c.appMs!)) : NaN), ''],
];
const head: [string, string, string] = ['step', 'ms', 'ratio to DuckDB read / note'];
// Display width: CJK characters take two columns in a terminal.
const width = (s: string) => [...s].reduce((n, ch) => n + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1), 0);
const pad = (s: string, w: number, left = false) => (left ? ' '.repeat(Math.max(0, w - width(s))) + s : s + ' '.repeat(Math.max(0, w - width(s))));
const widths = head.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i]))));
const line = (cells: string[]) => '| ' + cells.map((c, i) => pad(c, widths[i], i === 1)).join(' | ') + ' |';
console.log(`site ${args.site} · file ${basename(csv)} (${reference ? `${(reference.rows - 1).toLocaleString('en')} rows × ${reference.columns} columns` : 'size n/a'})`);
console.log(line(head));
console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|');
for (const r of rows) console.log(line(r));
console.log(`load average (1 min) at start / end: ${loadAtStart.toFixed(2)} / ${loadavg()[0].toFixed(2)} on ${cpus().length} cores (other work on the machine skews every figure)`);
console.log(`requests to another origin: ${foreign.size}${foreign.size ? ` (${[...foreign].slice(0, 5).join(', ')})` : ''}`);
if (imported?.rankingTotal || imported?.reportScored) {
  const same = imported.rankingTotal === imported.reportScored;
  console.log(`check: ranking caption total ${imported.rankingTotal || 'n/a'} ${same ? '=' : '≠'} report's scored rows ${imported.reportScored || 'n/a'}`);
}
if (imported?.notes.length) console.log(`notes: ${[...new Set(imported.notes)].join('; ')}`);
if (imported?.error) console.log(`import error: ${imported.error}`);
if (importError) console.log(`import failed: ${importError}`);
if (referenceError) console.log(`reference failed: ${referenceError}`);
if (cold[0]?.breakdown) console.log(`app load breakdown (run 1): ${cold[0].breakdown}`);
if (errors.length) console.error(`page errors (${errors.length}):\n  ${[...new Set(errors)].slice(0, 10).join('\n  ')}`);
