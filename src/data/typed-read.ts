import { findHeaderRow } from './header-row.ts';
import { CELLS_COLUMN, headerWidth, type HeaderWidth } from './row-width.ts';
import { quoteIdent, typedSelectSql, type ColumnRead } from './sql.ts';

/**
 * The two queries of a typed read, shared by the CLI (native DuckDB) and the browser
 * (DuckDB-wasm): the first rows as text to find the header row under any title rows, then one
 * typed query with only the columns the mapping reads. `from` is any SQL giving the text grid
 * (`readCsvSql`, or a stored table), header=false, columns column0….
 */
export interface GridSample {
  /** Result column names (column0, …). */
  columnNames: string[];
  /** Row-major cells of the first rows. */
  rows: (string | null)[][];
}

export interface GridHeader {
  /** Index of the header row in the grid (0 = first row). */
  index: number;
  /** The file's columns (column0, …; a CSV's row_cells is not one of them). */
  columnNames: string[];
  /**
   * A CSV's header width, when the grid ends with readCsvSql's row_cells: the typed read then
   * passes each row's cell count on, so a row of another width is reported (row-width.ts).
   */
  width?: HeaderWidth;
  headers: string[];
  /** The sample rows after the header (for the mapping preview). */
  sample: (string | null)[][];
}

/** Rows fetched to find the header row (findHeaderRow scans 30; more only if all are blank). */
export const SAMPLE_ROWS = 40;

/** Finds the header row; null when the grid has no non-blank row at all. */
export async function readGridHeader(from: string, query: (sql: string) => Promise<GridSample>): Promise<GridHeader | null> {
  let sample = await query(`${from} LIMIT ${SAMPLE_ROWS}`);
  let h = findHeaderRow(sample.rows);
  for (let limit = SAMPLE_ROWS * 8; h < 0 && sample.rows.length * 8 === limit; limit *= 8) {
    sample = await query(`${from} LIMIT ${limit}`); // only blank rows so far: look further
    h = findHeaderRow(sample.rows);
  }
  if (h < 0) return null;
  const counted = sample.columnNames.at(-1) === CELLS_COLUMN;
  const columnNames = counted ? sample.columnNames.slice(0, -1) : sample.columnNames;
  const headers = columnNames.map((_, j) => (sample.rows[h][j] ?? '').trim());
  const rows = sample.rows.slice(h + 1).map((r) => (counted ? r.slice(0, -1) : r));
  return { index: h, columnNames, headers, sample: rows, ...(counted ? { width: headerWidth(headers, Number(sample.rows[h][columnNames.length])) } : {}) };
}

/** The typed query of the rows under the header. */
export function gridTypedSql(from: string, header: GridHeader, reads: readonly ColumnRead[]): string {
  return typedSelectSql(from, reads, (j) => quoteIdent(header.columnNames[j]), Math.max(0, header.index + 1), header.width ? quoteIdent(CELLS_COLUMN) : undefined);
}

/**
 * The data rows under the header as text, with the columns in `drop` (personal data) replaced by
 * NULL: what a browser keeps of a file, so that no personal value is ever stored. A header with
 * index -1 is a grid of data rows only (a stored one).
 */
export function gridWithoutSql(from: string, header: GridHeader, drop: ReadonlySet<number>): string {
  const cols = header.columnNames.map((c, j) =>
    drop.has(j) ? `NULL::VARCHAR AS ${quoteIdent(`column${j}`)}` : `CAST(${quoteIdent(c)} AS VARCHAR) AS ${quoteIdent(`column${j}`)}`,
  );
  if (header.width) cols.push(quoteIdent(CELLS_COLUMN)); // kept: a reload reports the same rows
  return `SELECT ${cols.join(', ')} FROM (${from})${header.index >= 0 ? ` OFFSET ${header.index + 1}` : ''}`;
}
