/**
 * CLI benchmark (figures, not a test): the 1M-row demo CSV (generated once into /tmp and reused)
 * scored by the real CLI, against native DuckDB alone reading the same file.
 *   npm run bench:cli [-- --rows N]
 * Prints wall time and peak RSS of the CLI (via /usr/bin/time -v when present), DuckDB's
 * `count(*)` and full read (every column parsed) of the file, and the ratio CLI / full read.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { quoteIdent, readCsvSql } from '../src/data/sql.ts';

const args = process.argv.slice(2);
const rowsAt = args.indexOf('--rows');
const rows = rowsAt >= 0 ? Number(args[rowsAt + 1]) : 1_000_000;
const csv = join(tmpdir(), `demo-${rows === 1_000_000 ? '1m' : rows}.csv`);
const root = new URL('..', import.meta.url).pathname;

if (!existsSync(csv)) {
  console.error(`generating ${csv} …`);
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/make-demo.ts', '--rows', String(rows), '--output', csv], { cwd: root, stdio: 'inherit' });
}

async function duckdbRead(): Promise<{ countMs: number; fullMs: number }> {
  const inst = await DuckDBInstance.create(':memory:');
  const c = await inst.connect();
  const from = readCsvSql(csv, { delimiter: ',' });
  let t = performance.now();
  await c.runAndReadAll(`SELECT count(*) FROM (${from})`);
  const countMs = performance.now() - t;
  const names = (await c.runAndReadAll(`${from} LIMIT 1`)).columnNames();
  t = performance.now();
  await c.runAndReadAll(`SELECT ${names.map((n) => `count(${quoteIdent(n)})`).join(', ')} FROM (${from})`);
  const fullMs = performance.now() - t;
  c.closeSync();
  inst.closeSync();
  return { countMs, fullMs };
}

function cli(): { ms: number; peakMiB: number | null; code: number | null } {
  const dir = mkdtempSync(join(tmpdir(), 'bench-cli-'));
  const cmd = [process.execPath, '--import', 'tsx', 'src/cli/score.ts', '--system', 'sichuan-2024', '--input', csv, '--output', join(dir, 'out.csv')];
  const timed = existsSync('/usr/bin/time') ? ['/usr/bin/time', '-v', ...cmd] : cmd;
  const t = performance.now();
  const r = spawnSync(timed[0], timed.slice(1), { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20 });
  const ms = performance.now() - t;
  rmSync(dir, { recursive: true, force: true });
  const kb = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr ?? '');
  return { ms, peakMiB: kb ? Number(kb[1]) / 1024 : null, code: r.status };
}

const db = await duckdbRead();
const run = cli();
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
console.log(`file: ${csv}`);
console.log(`DuckDB count(*):        ${s(db.countMs)}`);
console.log(`DuckDB full read:       ${s(db.fullMs)}`);
console.log(`CLI score (exit ${run.code}):   ${s(run.ms)}, peak RSS ${run.peakMiB === null ? 'n/a' : `${(run.peakMiB / 1024).toFixed(2)} GiB`}`);
console.log(`ratio CLI / full read:  ${(run.ms / db.fullMs).toFixed(1)}×`);
