/**
 * What every reader produces: the header texts as the user's file writes them and the cells as
 * text (null = empty), column-major, with the row number the user's file gives each data row.
 */
export interface RawTable {
  headers: string[];
  /** `columns[j][i]`: cell of data row i in column j. */
  columns: (string | null)[][];
  /** Per data row: its number as the user sees it (CSV: header is row 1; XLSX: the sheet row). */
  rowNumbers: number[];
  /** The row number of the header row (1 for CSV and Parquet). */
  headerRowNumber: number;
  source: RawSource;
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
