import type { Data, Table, Vector } from 'apache-arrow';
import { utf8Cells } from './arrow-text.ts';
import type { RawSource, TypedRawTable } from './raw-table.ts';
import { CELLS_COLUMN, type HeaderWidth } from './row-width.ts';
import { MASK_BITS, type ColumnRead } from './sql.ts';
import { hasBit, TypedTableBuilder, type TypedChunk } from './typed-columns.ts';

/**
 * The result of `typedSelectSql` as an Arrow table (what DuckDB-wasm returns: a Bool `blank`, a
 * Float64 `n<j>` and a Utf8 `t<j>` per number column, a Utf8 `t<j>` per text column, the text
 * masks `m<g>`) → the typed raw table, record batch by record batch, through the same builder as
 * native DuckDB's chunks, so the browser and the CLI drop blank rows and number rows alike.
 * Numbers are read from the Float64 buffers; text columns are decoded once per batch; a number
 * column's text is fetched only on the rows its mask bit marks (without masks: every row).
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

function float64(vec: Vector): { values: Float64Array; offset: number } {
  const data = vec.data[0] as Data;
  return { values: data.values as Float64Array, offset: data.offset };
}

export function typedTableFromArrow(table: Table, plan: ArrowReadPlan): TypedRawTable {
  const builder = new TypedTableBuilder(plan.reads, plan.headerRowNumber + 1, plan.width);
  const maskOf: { name: string; bit: number }[] = [];
  let b = 0;
  plan.reads.forEach((r, j) => {
    if (r === 'number' || r === 'bool') maskOf[j] = { name: `m${Math.floor(b / MASK_BITS)}`, bit: 2 ** (b++ % MASK_BITS) };
  });
  for (const batch of table.batches) {
    const n = batch.numRows;
    const blank = batch.getChild('blank');
    const cells = batch.getChild(CELLS_COLUMN); // present when the query passed a CSV's row_cells through
    const numbers: ({ values: Float64Array; offset: number } | null)[] = [];
    const texts: (Vector | null)[] = [];
    const decoded: ((string | null)[] | null)[] = [];
    const masks: ({ values: Float64Array; offset: number } | null)[] = [];
    plan.reads.forEach((r, j) => {
      if (r === 'skip') return;
      const t = batch.getChild(`t${j}`);
      const v = r === 'text' ? null : batch.getChild(`n${j}`);
      if (!t || (r !== 'text' && !v)) throw new Error(`typed read: the result has no column for source column ${j}`);
      texts[j] = t;
      if (r === 'text') {
        const cells = new Array<string | null>(n);
        let at = 0;
        for (const d of t.data) {
          utf8Cells(d as Data, cells, at);
          at += d.length;
        }
        decoded[j] = cells;
      } else {
        numbers[j] = float64(v!);
        const m = batch.getChild(maskOf[j].name);
        masks[j] = m ? float64(m) : null;
      }
    });
    const textRowsOf = (j: number): Int32Array => {
      const m = masks[j];
      if (!m) return Int32Array.from({ length: n }, (_, k) => k);
      const rows: number[] = [];
      const bit = maskOf[j].bit;
      for (let k = 0; k < n; k++) {
        const v = m.values[m.offset + k];
        if (v !== 0 && hasBit(v, bit)) rows.push(k);
      }
      return Int32Array.from(rows);
    };
    const chunk: TypedChunk = {
      length: n,
      numbers: (j) => ({ ...numbers[j]!, textRows: textRowsOf(j) }),
      ...(cells ? { cells: (k: number) => Number(cells.get(k)) } : {}),
      blank: (k) => blank?.get(k) === true,
      number: (j, k) => {
        const c = numbers[j]!;
        return c.values[c.offset + k];
      },
      text: (j, k) => {
        const d = decoded[j];
        if (d) return d[k];
        const m = masks[j];
        if (m && !hasBit(m.values[m.offset + k], maskOf[j].bit)) return null;
        return (texts[j]!.get(k) as string | null) ?? null;
      },
    };
    builder.add(chunk);
  }
  return builder.finish(plan.headers, plan.headerRowNumber, plan.source);
}
