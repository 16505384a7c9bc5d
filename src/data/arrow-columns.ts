import type { Table, Vector } from 'apache-arrow';
import type { RawSource, TypedRawTable } from './raw-table.ts';
import { CELLS_COLUMN, type HeaderWidth } from './row-width.ts';
import type { ColumnRead } from './sql.ts';
import { TypedTableBuilder, type TypedChunk } from './typed-columns.ts';

/**
 * The result of `typedSelectSql` as an Arrow table (what DuckDB-wasm returns: a Bool `blank`, a
 * Float64 `n<j>` and a Utf8 `t<j>` per number column, a Utf8 `t<j>` per text column) → the
 * typed raw table, record batch by record batch, through the same builder as native DuckDB's
 * chunks, so the browser and the CLI drop blank rows and number rows alike.
 */
export interface ArrowReadPlan {
  reads: readonly ColumnRead[];
  headers: string[];
  /** The user's row number of the header row; the first result row is the next one. */
  headerRowNumber: number;
  source: RawSource;
  /** CSV: the header's width, to list rows with another cell count (row-width.ts). */
  width?: HeaderWidth;
}

export function typedTableFromArrow(table: Table, plan: ArrowReadPlan): TypedRawTable {
  const builder = new TypedTableBuilder(plan.reads, plan.headerRowNumber + 1, plan.width);
  for (const batch of table.batches) {
    const column = (name: string): Vector | null => batch.getChild(name);
    const blank = column('blank');
    const cells = column(CELLS_COLUMN); // present when the query passed a CSV's row_cells through
    const numbers = plan.reads.map((r, j) => (r === 'number' || r === 'bool' ? column(`n${j}`) : null));
    const texts = plan.reads.map((r, j) => (r === 'skip' ? null : column(`t${j}`)));
    plan.reads.forEach((r, j) => {
      if ((r !== 'skip' && r !== 'text' && !numbers[j]) || (r !== 'skip' && !texts[j])) throw new Error(`typed read: the result has no column for source column ${j}`);
    });
    const chunk: TypedChunk = {
      length: batch.numRows,
      blank: (k) => blank?.get(k) === true,
      number: (j, k) => (numbers[j]?.get(k) as number | null | undefined) ?? null,
      text: (j, k) => (texts[j]?.get(k) as string | null | undefined) ?? null,
      ...(cells ? { cells: (k: number) => Number(cells.get(k)) } : {}),
    };
    builder.add(chunk);
  }
  return builder.finish(plan.headers, plan.headerRowNumber, plan.source);
}
