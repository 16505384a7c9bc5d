import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDataFile } from '../../src/data/node/read-file.ts';
import { readCsvSql } from '../../src/data/sql.ts';
import { hasMixedLineEndings, unifyLineEndings } from '../../src/data/text-sniff.ts';
import { parseFile } from '../../workers/import/parse-file.ts';

/**
 * Issue 9, class 6: a CSV whose line endings alternate LF and CRLF is refused by DuckDB's sniffer
 * ("Error when sniffing file") even with new_line given; both readers unify the endings first.
 */
const HEAD = '统一社会信用代码,企业名称,2023年度研发费用';
const ROWS = ['91350100M000100Y43,甲公司,120', '914403001922038216,"乙\r\n公司",85.5', '91110000100017643K,丙公司,'];
const MIXED = `${HEAD}\n${ROWS[0]}\r\n${ROWS[1]}\n${ROWS[2]}\r\n`;
const EXPECTED_COLUMNS = [
  ['91350100M000100Y43', '914403001922038216', '91110000100017643K'],
  ['甲公司', '乙\n公司', '丙公司'],
  ['120', '85.5', null],
];

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ipw-eol-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('line endings', () => {
  it.each([
    ['LF only', 'a\nb\n', false],
    ['CRLF only', 'a\r\nb\r\n', false],
    ['CR only', 'a\rb\r', false],
    ['LF then CRLF', 'a\nb\r\n', true],
    ['CRLF then LF', 'a\r\nb\n', true],
    ['CR and LF', 'a\rb\n', true],
    ['CRLF and a lone CR', 'a\r\nb\rc\r\n', true],
    ['no line end', 'a,b', false],
  ])('%s: mixed = %s', (_what, text, mixed) => {
    expect(hasMixedLineEndings(text)).toBe(mixed);
  });

  it('unifyLineEndings writes every ending as LF', () => {
    expect(unifyLineEndings('a\r\nb\rc\nd\r\n')).toBe('a\nb\nc\nd\n');
  });

  it('CLI reader: an alternating LF / CRLF file is read, every row and cell as written', async () => {
    const p = join(dir, 'mixed.csv');
    await writeFile(p, MIXED);
    const t = await readDataFile(p);
    expect(t.headers).toEqual(HEAD.split(','));
    expect(t.rowNumbers).toEqual([2, 3, 4]);
    expect(t.columns).toEqual(EXPECTED_COLUMNS);
  });

  it('CLI reader: the same with a BOM (the transcoded path)', async () => {
    const p = join(dir, 'mixed-bom.csv');
    await writeFile(p, `\uFEFF${MIXED}`);
    expect((await readDataFile(p)).columns).toEqual(EXPECTED_COLUMNS);
  });

  it("browser reader: parseFile hands DuckDB unified text, which the browser's read_csv SQL reads", async () => {
    const parsed = await parseFile(new Blob([MIXED]), 'mixed.csv', {}, () => {});
    if (parsed.kind !== 'csv') throw new Error('csv expected');
    const text = new TextDecoder().decode(parsed.utf8);
    expect(text).not.toContain('\r');
    // The same SQL DuckDB-wasm runs (src/import/duckdb-load.ts), here on native DuckDB.
    const p = join(dir, 'browser.csv');
    await writeFile(p, parsed.utf8);
    const db = await DuckDBInstance.create(':memory:');
    const c = await db.connect();
    try {
      const rows = (await c.runAndReadAll(readCsvSql(p, { delimiter: parsed.delimiter }))).getRows();
      expect(rows.map((r) => r.slice(0, 3))).toEqual([HEAD.split(','), ...EXPECTED_COLUMNS[0].map((_, i) => EXPECTED_COLUMNS.map((col) => col[i]))]);
    } finally {
      c.closeSync();
      db.closeSync();
    }
  });
});
