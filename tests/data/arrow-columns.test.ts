import { Bool, Float64, Table, Utf8, vectorFromArray } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { typedTableFromArrow } from '../../src/data/arrow-columns.ts';
import { cellAt, type NumberColumn } from '../../src/data/raw-table.ts';

/** An Arrow result of typedSelectSql (as DuckDB-wasm returns it) → the typed raw table. */
function batch(blank: boolean[], n0: number[], t0: (string | null)[], t1: (string | null)[]): Table {
  return new Table({
    blank: vectorFromArray(blank, new Bool()),
    n0: vectorFromArray(n0, new Float64()),
    t0: vectorFromArray(t0, new Utf8()),
    t1: vectorFromArray(t1, new Utf8()),
  });
}

describe('typedTableFromArrow', () => {
  it('drops blank rows, numbers rows across record batches, keeps sparse text', () => {
    const first = batch([false, true, false], [12, NaN, NaN], [null, null, 'abc'], ['x', null, null]);
    const second = batch([false, false], [-0, 500], ['-0', '500.0'], ['y', 'z']);
    const table = first.concat(second);
    expect(table.batches.length).toBe(2);
    const t = typedTableFromArrow(table, { reads: ['number', 'text', 'skip'], headers: ['a', 'b', 'c'], headerRowNumber: 3, source: { format: 'csv' } });
    // header is row 3: result rows are 4..8; row 5 is blank
    expect(t.rowNumbers).toEqual([4, 6, 7, 8]);
    expect(t.headerRowNumber).toBe(3);
    const a = t.columns[0] as NumberColumn;
    expect(Array.from(a.plain)).toEqual([12, NaN, 0, 500]);
    expect(Object.is(a.plain[2], 0)).toBe(true);
    expect(Array.from(a.text.rows)).toEqual([1, 2, 3]);
    expect(a.text.cells).toEqual(['abc', '-0', '500.0']);
    expect([0, 1, 2, 3].map((i) => cellAt(a, i))).toEqual(['12', 'abc', '-0', '500.0']);
    expect(t.columns[1]).toEqual(['x', null, 'y', 'z']);
    expect(t.columns[2]).toEqual([]);
  });

  it('reads number columns in bulk, fetching text only on the rows the masks mark', () => {
    // Two number columns: bit 1 of m0 is column 0's text, bit 2 column 1's (MASK_BITS per group).
    const table = new Table({
      blank: vectorFromArray([false, false, false], new Bool()),
      n0: vectorFromArray([1, NaN, -0], new Float64()),
      t0: vectorFromArray([null, 'n/a', 'ignored: no mask bit'], new Utf8()),
      n1: vectorFromArray([NaN, 2.5, 3], new Float64()),
      t1: vectorFromArray(['1,000', null, '3.0'], new Utf8()),
      m0: vectorFromArray([2, 1, 2], new Float64()),
    });
    const t = typedTableFromArrow(table, { reads: ['number', 'number'], headers: ['a', 'b'], headerRowNumber: 1, source: { format: 'csv' } });
    const [a, b] = t.columns as NumberColumn[];
    expect(Array.from(a.plain)).toEqual([1, NaN, 0]);
    expect(Object.is(a.plain[2], 0)).toBe(true);
    expect(Array.from(a.text.rows)).toEqual([1]);
    expect(a.text.cells).toEqual(['n/a']);
    expect(Array.from(b.plain)).toEqual([NaN, 2.5, 3]);
    expect(Array.from(b.text.rows)).toEqual([0, 2]);
    expect(b.text.cells).toEqual(['1,000', '3.0']);
    expect(t.rowNumbers).toEqual([2, 3, 4]);
  });

  it('refuses a result that lacks a column the plan reads', () => {
    const t = new Table({ blank: vectorFromArray([false], new Bool()) });
    expect(() => typedTableFromArrow(t, { reads: ['text'], headers: ['a'], headerRowNumber: 1, source: { format: 'csv' } })).toThrow(/no column for source column 0/);
  });
});
