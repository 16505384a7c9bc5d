import type { RowWidthIssue } from './row-width.ts';

/**
 * What every reader produces: the header texts as the user's file writes them and the cells,
 * column-major, with the row number the user's file gives each data row. A column is text cells
 * (null = empty) or, from the typed readers (DuckDB, Arrow), a NumberColumn; `RawTable` without a
 * type argument is the all-text table the XLSX/JSON readers and the browser's workers build.
 */
export interface RawTable<C extends RawColumn = TextColumn> {
  headers: string[];
  /** `columns[j][i]`: cell of data row i in column j. */
  columns: C[];
  /** Per data row: its number as the user sees it (CSV: header is row 1; XLSX: the sheet row). */
  rowNumbers: number[];
  /** The row number of the header row (1 for CSV and Parquet). */
  headerRowNumber: number;
  source: RawSource;
  /**
   * Data rows whose cell count the header does not allow (row-width.ts): buildDataset excludes
   * them with a report, so their cells are never read shifted. Absent = none.
   */
  widthIssues?: RowWidthIssue[];
}

export type TextColumn = (string | null)[];

/**
 * A numeric column read without a string per cell: `plain[i]` is the value of a cell that is a
 * plain finite decimal (−0 as 0), NaN when the cell must be read from its text. `text` holds the
 * cells that are not plain numbers (for the string parser and its messages) and the plain cells
 * whose text differs from String(plain[i]) (so a message quotes them as written); absent = empty.
 */
export interface NumberColumn {
  kind: 'number';
  plain: Float64Array;
  text: SparseText;
}

/** Text of a few rows: `rows` ascending, `cells[k]` the text of row `rows[k]`. */
export interface SparseText {
  rows: Int32Array;
  cells: string[];
}

export type RawColumn = TextColumn | NumberColumn;

/** A table whose columns may be typed (what the CLI's DuckDB reader and arrow-columns.ts build). */
export type TypedRawTable = RawTable<RawColumn>;

/** Columns a typed reader was told not to read (unmapped, personal data): no cells at all. */
export const SKIPPED_COLUMN: TextColumn = Object.freeze([]) as unknown as TextColumn;

export function isNumberColumn(c: RawColumn): c is NumberColumn {
  return !Array.isArray(c);
}

/** Index into `text.cells` of row i, or -1 (binary search: the text is sparse). */
export function sparseIndex(text: SparseText, i: number): number {
  let lo = 0;
  let hi = text.rows.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = text.rows[mid];
    if (r === i) return mid;
    if (r < i) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** The cell of row i as the file wrote it (null = empty), whatever the column's kind. */
export function cellAt(c: RawColumn, i: number): string | null {
  if (!isNumberColumn(c)) return c[i] ?? null;
  const k = sparseIndex(c.text, i);
  if (k >= 0) return c.text.cells[k];
  const v = c.plain[i];
  return Number.isNaN(v) ? null : String(v);
}

/** Text cells of any column (a NumberColumn is spelled out: only for the rare text use of one). */
export function textCells(c: RawColumn, n: number): readonly (string | null)[] {
  if (!isNumberColumn(c)) return c;
  return Array.from({ length: n }, (_, i) => cellAt(c, i));
}

export interface RawSource {
  format: 'csv' | 'xlsx' | 'parquet';
  /** Text files: the detected encoding (utf-8, utf-16le, utf-16be, gb18030). */
  encoding?: string;
  delimiter?: string;
  /** XLSX: the sheet read. */
  sheet?: string;
}

export function rowCount(t: RawTable): number {
  return t.rowNumbers.length;
}

/** Builds a raw table from rows (row-major), the first of which is the header. */
export function rawTableFromRows(rows: (string | null)[][], source: RawSource, headerRowNumber = 1, rowNumbers?: number[]): RawTable {
  const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
  const headers = Array.from({ length: width }, (_, j) => (rows[0]?.[j] ?? '').trim());
  const body = rows.slice(1);
  const columns = headers.map((_, j) => body.map((r) => r[j] ?? null));
  return {
    headers,
    columns,
    rowNumbers: rowNumbers ?? body.map((_, i) => headerRowNumber + 1 + i),
    headerRowNumber,
    source,
  };
}

/** Drops data rows whose every cell is empty or blank (trailing rows in spreadsheets). */
export function dropBlankRows(t: RawTable): RawTable {
  const keep: number[] = [];
  for (let i = 0; i < t.rowNumbers.length; i++) {
    if (t.columns.some((c) => c[i] !== null && c[i]!.trim() !== '')) keep.push(i);
  }
  if (keep.length === t.rowNumbers.length) return t;
  return { ...t, columns: t.columns.map((c) => keep.map((i) => c[i])), rowNumbers: keep.map((i) => t.rowNumbers[i]) };
}
