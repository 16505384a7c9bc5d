import { access, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvText, HEADERS } from '../fixtures/cli-dataset.ts';
import { expectOneSentenceFailure, runCli, type CliResult } from './run-cli.ts';

let dir: string;
const runs: Record<string, CliResult> = {};
const path = (name: string) => join(dir, name);
const exists = (p: string) =>
  access(p).then(
    () => true,
    () => false,
  );

/** The fixture CSV without one column. */
function withoutColumn(header: string): string {
  const j = HEADERS.indexOf(header);
  return csvText()
    .split('\n')
    .map((line) =>
      line === ''
        ? line
        : line
            .split(',')
            .filter((_, i) => i !== j)
            .join(','),
    )
    .join('\n');
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ipw-cli-err-'));
  await writeFile(path('in.csv'), csvText());
  await writeFile(path('binary.csv'), Uint8Array.from([0x00, 0x01, 0x02, 0xff, 0x00, 0x10, 0x80, 0x81]));
  await writeFile(path('no-revenue.csv'), withoutColumn('2023年度营业收入'));
  const base = ['--system', 'sichuan-2024'];
  const jobs: Record<string, string[]> = {
    binary: [...base, '--input', path('binary.csv'), '--output', path('binary.out.csv')],
    missingFile: [...base, '--input', path('nope.csv'), '--output', path('nope.out.csv')],
    missingColumn: [...base, '--input', path('no-revenue.csv'), '--output', path('no-revenue.out.csv')],
    unknownSystem: ['--system', 'hainan-2030', '--input', path('in.csv'), '--output', path('sys.out.csv')],
  };
  const names = Object.keys(jobs);
  const results = await Promise.all(names.map((n) => runCli(jobs[n])));
  names.forEach((n, i) => (runs[n] = results[i]));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('CLI failures: one sentence, non-zero exit, no output file', () => {
  it('a binary file', async () => {
    expect(expectOneSentenceFailure(runs.binary)).toMatch(/binary\.csv is (not|neither) a CSV, XLSX or Parquet file/);
    expect(await exists(path('binary.out.csv'))).toBe(false);
  });

  it('a file that does not exist', async () => {
    expect(expectOneSentenceFailure(runs.missingFile)).toContain('does not exist');
    expect(await exists(path('nope.out.csv'))).toBe(false);
  });

  it('a missing required column, named in Chinese and by id', async () => {
    const line = expectOneSentenceFailure(runs.missingColumn);
    expect(line).toContain('营业收入');
    expect(line).toContain('(revenue)');
    expect(line).not.toContain('revenue_prev');
    expect(await exists(path('no-revenue.out.csv'))).toBe(false);
  });

  it('an unknown system, listing the known ids', async () => {
    const line = expectOneSentenceFailure(runs.unknownSystem);
    expect(line).toContain('hainan-2030');
    for (const id of ['sichuan-2024', 'torch-2021', 'jilin-2.0', 'jiangxi-2025']) expect(line).toContain(id);
    expect(await exists(path('sys.out.csv'))).toBe(false);
  });
});
