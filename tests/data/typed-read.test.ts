import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseNumber } from '../../src/data/parse-number.ts';
import { quoteLiteral, typedSelectSql, type ColumnRead } from '../../src/data/sql.ts';
import type { NumberColumn } from '../../src/data/raw-table.ts';
import { TypedTableBuilder } from '../../src/data/typed-columns.ts';
import { withDuckDB } from '../../src/data/node/duckdb-query.ts';
import { typedChunkReader } from '../../src/data/node/typed-chunk.ts';

/** The SQL split of number cells (plain → double, the rest → text) on native DuckDB. */
const HUGE = `1${'0'.repeat(400)}`;
const TINY = `0.${'0'.repeat(400)}1`;

let inst: DuckDBInstance;
beforeAll(async () => {
  inst = await DuckDBInstance.create(':memory:');
});
afterAll(() => inst.closeSync());

/** One column of cells through typedSelectSql: [n0, t0] per cell, in order. */
async function split(cells: (string | null)[]): Promise<[number, string | null][]> {
  const c = await inst.connect();
  const values = cells.map((v, i) => `(${i}, ${v === null ? 'NULL' : quoteLiteral(v)})`).join(', ');
  const from = `SELECT v FROM (VALUES ${values}) t(i, v) ORDER BY i`;
  const r = await c.runAndReadAll(typedSelectSql(from, ['number'], () => 'v'));
  c.closeSync();
  return r.getRows().map((row) => [row[1] as number, row[2] as string | null]);
}

describe('typedSelectSql: number cells', () => {
  it('plain canonical cells become doubles with no text', async () => {
    expect(await split(['12', '0', '-0.5', '1234.5', '0.000001', '123456789012345'])).toEqual([
      [12, null],
      [0, null],
      [-0.5, null],
      [1234.5, null],
      [0.000001, null],
      [123456789012345, null],
    ]);
  });

  it('plain cells JS would print otherwise keep their text for messages', async () => {
    const r = await split(['-0', '+5', '500.0', '.5', '5.', '007', '0.0000001', '1234567890123456']);
    expect(r).toEqual([
      [0, '-0'],
      [5, '+5'],
      [500, '500.0'],
      [0.5, '.5'],
      [5, '5.'],
      [7, '007'],
      [1e-7, '0.0000001'],
      [1234567890123456, '1234567890123456'],
    ]);
    expect(Object.is(r[0][0], 0)).toBe(true); // −0 is normalised to 0
  });

  it('huge digit runs, exponents, whitespace, full-width digits and words go to the text path', async () => {
    const r = await split([HUGE, '1e309', '1e5', ' 12', '12 ', '１２', '约120万', '1,234', 'inf', 'nan']);
    for (const [n] of r) expect(Number.isNaN(n)).toBe(true);
    expect(r.map(([, t]) => t)).toEqual([HUGE, '1e309', '1e5', ' 12', '12 ', '１２', '约120万', '1,234', 'inf', 'nan']);
  });

  it('an underflowing plain cell is 0, as JS reads it', async () => {
    expect(await split([TINY])).toEqual([[0, TINY]]);
  });

  it('empty and NULL cells: NaN; the text is kept as DuckDB gives it', async () => {
    const r = await split(['', null]);
    expect(Number.isNaN(r[0][0]) && Number.isNaN(r[1][0])).toBe(true);
    expect(r.map(([, t]) => t)).toEqual(['', null]);
  });

  it('parseNumber agrees: a 400-digit integer is not a number (never ±Infinity)', () => {
    expect(parseNumber(HUGE)).toEqual({ value: NaN, ok: false });
    expect(parseNumber('-0')).toEqual({ value: 0, ok: true });
  });
});

describe('typedSelectSql: several number columns (one canonical test per row)', () => {
  /** Rows of two number columns through typedSelectSql: [n0, t0, n1, t1, m0] per row. */
  async function split2(rows: (string | null)[][]): Promise<unknown[][]> {
    const c = await inst.connect();
    const lit = (v: string | null) => (v === null ? 'NULL' : quoteLiteral(v));
    const values = rows.map((r, i) => `(${i}, ${lit(r[0])}, ${lit(r[1])})`).join(', ');
    const from = `SELECT a, b FROM (VALUES ${values}) t(i, a, b) ORDER BY i`;
    const r = await c.runAndReadAll(typedSelectSql(from, ['number', 'number'], (j) => (j === 0 ? 'a' : 'b')));
    c.closeSync();
    return r.getRows().map((row) => row.slice(1));
  }

  it('each cell gets the answer it gets alone, whatever its row holds', async () => {
    const r = await split2([
      ['12', '0.25'],
      ['12', '1,5'], // a ',' in a cell: the joined row has one comma too many
      ['1,5', null],
      ['', '7'],
      [null, '-0.5'],
      ['0', '1234567890123456'], // canonical shape but 16 characters: keeps its text
      ['-0', '5'],
      [null, null],
      ['3', ' 4'],
    ]);
    expect(r).toEqual([
      [12, null, 0.25, null, 0],
      [12, null, NaN, '1,5', 2],
      [NaN, '1,5', NaN, null, 1],
      [NaN, '', 7, null, 1],
      [NaN, null, -0.5, null, 0],
      [0, null, 1234567890123456, '1234567890123456', 2],
      [0, '-0', 5, null, 1],
      [NaN, null, NaN, null, 0],
      [3, null, NaN, ' 4', 2],
    ]);
  });
});

describe('typedSelectSql: boolean cells', () => {
  it('the exact texts parseBool reads without normalising become 1/0; the rest keep their text', async () => {
    const c = await inst.connect();
    const cells = ['是', '否', '1', '0', 'Y', ' 是', '是的', null];
    const values = cells.map((v, i) => `(${i}, ${v === null ? 'NULL' : quoteLiteral(v)})`).join(', ');
    const r = await c.runAndReadAll(typedSelectSql(`SELECT v FROM (VALUES ${values}) t(i, v) ORDER BY i`, ['bool'], () => 'v'));
    c.closeSync();
    const rows = r.getRows().map((row) => [row[1] as number, row[2] as string | null, row[3] as number]);
    expect(rows.map(([n]) => n)).toEqual([1, 0, 1, 0, NaN, NaN, NaN, NaN]);
    expect(rows.map(([, t]) => t)).toEqual([null, null, null, null, 'Y', ' 是', '是的', null]);
    expect(rows.map(([, , m]) => m)).toEqual([0, 0, 0, 0, 1, 1, 1, 0]); // the text mask: bit 0 where text is kept
  });
});

describe('typedSelectSql: blank rows and row numbers', () => {
  it('a row is blank when every cell, read or not, is empty or JS-blank', async () => {
    await withDuckDB(async (db) => {
      const rows = [
        ['1', 'a'],
        [null, '\u3000 '],
        [null, 'x'],
        ['\t', null],
        ['2', null],
      ];
      const values = rows.map((r, i) => `(${i}, ${r.map((v) => (v === null ? 'NULL' : quoteLiteral(v))).join(', ')})`).join(', ');
      const from = `SELECT a, b FROM (VALUES ${values}) t(i, a, b) ORDER BY i`;
      const reads: ColumnRead[] = ['number', 'skip'];
      const builder = new TypedTableBuilder(reads, 2);
      const view = typedChunkReader(reads);
      await db.stream(
        typedSelectSql(from, reads, (j) => (j === 0 ? 'a' : 'b')),
        (chunk) => builder.add(view(chunk)),
      );
      const t = builder.finish(['n', 'other'], 1, { format: 'csv' });
      expect(t.rowNumbers).toEqual([2, 4, 6]); // rows 3 and 5 are blank; numbering counts them
      const col = t.columns[0] as NumberColumn;
      expect(Array.from(col.plain)).toEqual([1, NaN, 2]);
      expect(Array.from(col.text.rows)).toEqual([]);
      expect(t.columns[1]).toEqual([]);
    });
  });
});
