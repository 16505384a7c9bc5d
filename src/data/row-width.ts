/**
 * Issue 9, class 3: a data row whose cell count differs from the header's. Reading it anyway
 * shifts its values under the wrong headers (an unquoted comma in a name moves every later value
 * one column right, and " 其他" lands in a money column), so such a row is excluded with a report
 * naming the row and both counts, in the CLI and the workbench alike.
 *
 * Trailing empty cells: a CSV row with fewer cells than the header is excluded too, even though
 * data-model.md reads an empty cell as missing. A short row cannot tell "the last cells were
 * left out" from "a cell in the middle was lost and the rest moved left"; the first is a missing
 * value, the second a silently wrong score, so the row is reported instead of guessed. The one
 * exception is a header that itself ends in empty cells (trailing delimiters): cells under no
 * header may be left out, since no field is read from them.
 *
 * XLSX (and JSON, Parquet) place every cell by its column, so nothing can shift and an absent
 * cell is just empty; there a row is excluded only when it holds a value beyond the last header
 * (a value under no header: the row was pasted one column off).
 */
export interface HeaderWidth {
  /** Cells of the header row as written (CSV), trailing empty ones included. */
  cells: number;
  /** Cells up to the last non-empty header. */
  named: number;
}

/** One excluded row: its number as the user's file numbers it, and its cell count. */
export interface RowWidthIssue {
  row: number;
  cells: number;
  /** The header's cell count (CSV) or its named width (XLSX). */
  expected: number;
}

export function headerWidth(header: readonly (string | null)[], cells = header.length): HeaderWidth {
  let named = 0;
  for (let j = 0; j < header.length; j++) if ((header[j] ?? '').trim() !== '') named = j + 1;
  return { cells: Math.max(cells, named), named };
}

/** A CSV row of `cells` cells (as written) under header `w`. */
export function csvRowWidthOk(cells: number, w: HeaderWidth): boolean {
  return cells >= w.named && cells <= w.cells;
}

/** The cell count of a positioned row (XLSX…): the last non-empty cell's position + 1. */
export function filledWidth(row: (j: number) => string | null, width: number): number {
  for (let j = width - 1; j >= 0; j--) {
    const c = row(j);
    if (c !== null && c.trim() !== '') return j + 1;
  }
  return 0;
}

/** The name of the column `readCsvSql` adds: the row's cell count as written. */
export const CELLS_COLUMN = 'row_cells';

/**
 * The rows of a positioned table (XLSX, JSON, Parquet: text cells by column) that hold a value
 * beyond the last named header; `rowNumbers[i]` numbers row i.
 */
export function positionedWidthIssues(columns: readonly (readonly (string | null)[])[], headers: readonly string[], rowNumbers: readonly number[]): RowWidthIssue[] {
  const { named } = headerWidth(headers);
  const out: RowWidthIssue[] = [];
  if (columns.length <= named) return out;
  for (let i = 0; i < rowNumbers.length; i++) {
    const cells = filledWidth((j) => columns[j][i] ?? null, columns.length);
    if (cells > named) out.push({ row: rowNumbers[i], cells, expected: named });
  }
  return out;
}
