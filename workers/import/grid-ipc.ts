import { Table, Utf8, tableToIPC, vectorFromArray, type Vector } from 'apache-arrow';
import type { RawTable } from '../../src/data/raw-table.ts';

/**
 * A text raw table (XLSX, Parquet, JSON) → the stored grid (src/persist/datasets.ts): one Utf8
 * column per header, one row per file row under the header (rows the table left out, blank ones,
 * as all-NULL rows, so row numbers stay the same after a reload), columns in `drop` all NULL.
 */
export function storedGridIpc(t: RawTable, drop: ReadonlySet<number>): Uint8Array {
  const last = t.rowNumbers.at(-1) ?? t.headerRowNumber;
  const height = last - t.headerRowNumber;
  const columns: Record<string, Vector<Utf8>> = {};
  t.headers.forEach((_, j) => {
    const cells = new Array<string | null>(height).fill(null);
    if (!drop.has(j)) t.rowNumbers.forEach((r, i) => (cells[r - t.headerRowNumber - 1] = t.columns[j][i]));
    columns[`column${j}`] = vectorFromArray(cells, new Utf8());
  });
  return tableToIPC(new Table(columns), 'stream');
}
