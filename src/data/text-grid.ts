import { tableFromIPC } from 'apache-arrow';
import { vectorCells } from './arrow-text.ts';
import { findHeaderRow } from './header-row.ts';
import { dropBlankRows, type RawSource, type RawTable } from './raw-table.ts';
import { positionedWidthIssues } from './row-width.ts';

/**
 * A text grid (column-major cells of every row of a sheet or file, title rows included, the
 * header among them) → the raw table: the header row is found under any title rows, row numbers
 * are grid positions + 1 (the sheet's or file's own numbering), blank rows are dropped, rows with
 * a value beyond the last header are listed (row-width.ts). The
 * XLSX, Parquet and JSON readers and stored datasets all reach the raw table through here.
 */
export function tableFromGrid(grid: readonly (readonly (string | null)[])[], total: number, source: RawSource): RawTable {
  const head = Array.from({ length: Math.min(total, 30) }, (_, i) => grid.map((c) => c[i] ?? null));
  const h = findHeaderRow(head);
  if (h < 0) throw new Error('the file is empty: it has no header row and no data');
  const headers = grid.map((c) => (c[h] ?? '').trim());
  const columns = grid.map((c) => Array.from({ length: total - h - 1 }, (_, i) => c[h + 1 + i] ?? null));
  const rowNumbers = Array.from({ length: total - h - 1 }, (_, i) => h + 2 + i);
  const kept = dropBlankRows({ headers, columns, rowNumbers, headerRowNumber: h + 1, source });
  // Cells are placed by column here: only a value beyond the last named header is reported.
  const issues = positionedWidthIssues(kept.columns, kept.headers, kept.rowNumbers);
  return issues.length ? { ...kept, widthIssues: issues } : kept;
}

/** Row-major rows (a row may be shorter than the widest: padded with null) → column-major grid. */
export function gridFromRows(rows: readonly (readonly (string | null)[])[]): (string | null)[][] {
  const width = Math.max(
    1,
    rows.reduce((w, r) => Math.max(w, r.length), 0),
  );
  return Array.from({ length: width }, (_, j) => rows.map((r) => r[j] ?? null));
}

/** Arrow IPC of a text grid (Utf8 columns column0…, the header a data row) → the raw table. */
export function tableFromGridIPC(ipc: Uint8Array, source: RawSource): RawTable {
  const table = tableFromIPC(ipc);
  const grid = table.schema.fields.map((_, j) => vectorCells(table.getChildAt(j)!));
  return tableFromGrid(grid, table.numRows, source);
}
