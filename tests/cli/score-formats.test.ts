import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvText, dataRows, EXPECTED, expectedExclusions, HEADERS } from '../fixtures/cli-dataset.ts';
import { expectRows, readOutput, runCli, stderrLines, type CliResult } from './run-cli.ts';

let dir: string;
const runs: Record<string, CliResult> = {};
const path = (name: string) => join(dir, name);

async function writeXlsx(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('企业数据');
  ws.addRow(['2023年度企业创新积分数据（四川）']); // a merged title row above the header
  ws.mergeCells(1, 1, 1, HEADERS.length);
  ws.addRow(HEADERS);
  // Registration dates as real Excel dates; numbers as numbers where they are numeric.
  for (const r of dataRows('date')) ws.addRow(r.map((v) => (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v) && v.length < 15 ? Number(v) : v)));
  await wb.xlsx.writeFile(file);
}

async function writeParquet(csv: string, file: string): Promise<void> {
  const inst = await DuckDBInstance.create(':memory:');
  const c = await inst.connect();
  await c.run(`COPY (SELECT * FROM read_csv('${csv}', header=true, all_varchar=true)) TO '${file}' (FORMAT parquet)`);
  c.closeSync();
  inst.closeSync();
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ipw-cli-fmt-'));
  await writeXlsx(path('in.xlsx'));
  await writeFile(path('in.csv'), csvText());
  await writeParquet(path('in.csv'), path('in.parquet'));
  const base = ['--system', 'sichuan-2024'];
  const [x, p] = await Promise.all([
    runCli([...base, '--input', path('in.xlsx'), '--output', path('x.csv')]),
    runCli([...base, '--input', path('in.parquet'), '--output', path('p.csv')]),
  ]);
  Object.assign(runs, { x, p });
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('CLI on other formats', () => {
  it('XLSX: header found under a merged title row, Excel dates, the same scores', async () => {
    expect(runs.x.code, runs.x.stderr).toBe(0);
    const { header, rows } = await readOutput(path('x.csv'));
    expect(header).toBe('uscc,stage,base,bonus,vetoed,score,rank,stage_rank');
    expectRows(rows, EXPECTED);
  });

  it('XLSX: excluded rows carry sheet row numbers (the title row makes the header row 2)', () => {
    expect(stderrLines(runs.x, 'excluded ')).toEqual(expectedExclusions(1));
  });

  it('Parquet: the same scores and row numbers as the CSV', async () => {
    expect(runs.p.code, runs.p.stderr).toBe(0);
    expectRows((await readOutput(path('p.csv'))).rows, EXPECTED);
    expect(stderrLines(runs.p, 'excluded ')).toEqual(expectedExclusions());
  });
});
