import { execFileSync } from 'node:child_process';
import { existsSync, renameSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The CSV to import: `--file` as given, otherwise the demo dataset of `rows` rows generated once
 * into /tmp with `npm run demo` (the same name `npm run bench:cli` uses, so both reuse one file).
 */
export function ensureCsv(file: string | null, rows: number, repoRoot: string): string {
  if (file) {
    if (!existsSync(file)) throw new Error(`--file ${file} does not exist`);
    return file;
  }
  const csv = join(tmpdir(), `demo-${rows === 1_000_000 ? '1m' : rows}.csv`);
  if (existsSync(csv) && statSync(csv).size > 0) {
    console.error(`reusing ${csv}`);
    return csv;
  }
  console.error(`generating ${csv} (${rows.toLocaleString('en')} rows) …`);
  const partial = `${csv}.partial-${process.pid}`;
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/make-demo.ts', '--rows', String(rows), '--output', partial], {
    cwd: repoRoot,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  renameSync(partial, csv);
  return csv;
}
