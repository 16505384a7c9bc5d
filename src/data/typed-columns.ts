import { SKIPPED_COLUMN, type NumberColumn, type RawColumn, type RawSource, type TypedRawTable } from './raw-table.ts';
import { csvRowWidthOk, type HeaderWidth, type RowWidthIssue } from './row-width.ts';
import { MASK_BITS, type ColumnRead } from './sql.ts';

/**
 * Builds a typed raw table from the result of `typedSelectSql`, chunk by chunk, whatever hands
 * the chunks over (native DuckDB's data chunks in the CLI, Arrow record batches in the browser):
 * blank rows are dropped here, and each kept row is numbered by its position in the result, so
 * row numbers count the blank rows as today's readers do.
 */
export interface TypedChunk {
  length: number;
  /** The `blank` column at row k. */
  blank(k: number): boolean;
  /** `n<j>` at row k (null = read from text). */
  number(j: number, k: number): number | null;
  /** `t<j>` at row k. */
  text(j: number, k: number): string | null;
  /**
   * Optional bulk access for a number column (the Arrow reader has its buffers at hand): `n<j>`
   * of row k is `values[offset + k]` (NaN = read from text), and the rows whose `t<j>` may be
   * non-null are listed ascending, so the builder needs no call per cell.
   */
  numbers?(j: number): { values: Float64Array; offset: number; textRows: Int32Array };
  /** `row_cells` at row k: the row's cell count as written (CSV only). */
  cells?(k: number): number;
}

class GrowingFloat64 {
  data = new Float64Array(1024);
  length = 0;
  reserve(extra: number): void {
    if (this.length + extra <= this.data.length) return;
    const next = new Float64Array(Math.max(this.data.length * 2, this.length + extra));
    next.set(this.data.subarray(0, this.length));
    this.data = next;
  }
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Float64Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
}

class GrowingInt32 {
  data = new Int32Array(16);
  length = 0;
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
}

type Slot = { read: 'number'; plain: GrowingFloat64; rows: GrowingInt32; cells: string[] } | { read: 'text'; cells: (string | null)[] } | { read: 'skip' };

export class TypedTableBuilder {
  private readonly slots: Slot[];
  private position = 0;
  private readonly rowNumbers: number[] = [];
  private readonly widthIssues: RowWidthIssue[] = [];

  /**
   * `firstRowNumber`: the user's row number of the first result row (header row + 1). `width`
   * (CSV): kept rows whose `cells` it does not allow are listed (row-width.ts).
   */
  constructor(
    private readonly reads: readonly ColumnRead[],
    private readonly firstRowNumber: number,
    private readonly width?: HeaderWidth,
  ) {
    this.slots = reads.map((r): Slot =>
      r === 'number' || r === 'bool' ? { read: 'number', plain: new GrowingFloat64(), rows: new GrowingInt32(), cells: [] } : r === 'text' ? { read: r, cells: [] } : { read: r },
    );
  }

  add(chunk: TypedChunk): void {
    const keep: number[] = [];
    for (let k = 0; k < chunk.length; k++) {
      if (!chunk.blank(k)) {
        keep.push(k);
        this.rowNumbers.push(this.firstRowNumber + this.position + k);
      }
    }
    const base = this.rowNumbers.length - keep.length; // kept-row index of keep[0]
    if (this.width && chunk.cells) this.checkWidths(chunk, keep, base);
    this.position += chunk.length;
    this.slots.forEach((s, j) => {
      if (s.read === 'text') for (const k of keep) s.cells.push(chunk.text(j, k));
      else if (s.read === 'number') {
        const bulk = chunk.numbers?.(j);
        if (bulk && keep.length === chunk.length) {
          // No blank row in this chunk (the common case): kept index q is row k itself.
          s.plain.reserve(keep.length);
          const { values, offset, textRows } = bulk;
          const out = s.plain.data;
          let at = s.plain.length;
          for (let k = 0; k < keep.length; k++) {
            const v = values[offset + k];
            out[at++] = v === 0 ? 0 : v; // −0 → 0
          }
          s.plain.length = at;
          for (let r = 0; r < textRows.length; r++) {
            const k = textRows[r];
            const t = chunk.text(j, k);
            if (t !== null) {
              s.rows.push(base + k);
              s.cells.push(t);
            }
          }
          return;
        }
        for (let q = 0; q < keep.length; q++) {
          const k = keep[q];
          const v = chunk.number(j, k);
          s.plain.push(v === null ? NaN : v === 0 ? 0 : v); // −0 → 0 here too, whatever the SQL did
          const t = chunk.text(j, k);
          if (t !== null) {
            s.rows.push(base + q);
            s.cells.push(t);
          }
        }
      }
    });
  }

  private checkWidths(chunk: TypedChunk, keep: readonly number[], base: number): void {
    const w = this.width as HeaderWidth;
    const cells = chunk.cells as (k: number) => number;
    for (let q = 0; q < keep.length; q++) {
      const c = cells(keep[q]);
      if (!csvRowWidthOk(c, w)) this.widthIssues.push({ row: this.rowNumbers[base + q], cells: c, expected: w.cells });
    }
  }

  finish(headers: string[], headerRowNumber: number, source: RawSource): TypedRawTable {
    const n = this.rowNumbers.length;
    const columns = this.slots.map((s): RawColumn => {
      if (s.read === 'text') return s.cells;
      if (s.read === 'skip') return SKIPPED_COLUMN;
      const col: NumberColumn = { kind: 'number', plain: s.plain.data.slice(0, n), text: { rows: s.rows.data.slice(0, s.rows.length), cells: s.cells } };
      return col;
    });
    if (this.reads.length !== headers.length) throw new Error('typed read: one read per header expected');
    const table: TypedRawTable = { headers, columns, rowNumbers: this.rowNumbers, headerRowNumber, source };
    if (this.widthIssues.length) table.widthIssues = this.widthIssues;
    return table;
  }
}

/**
 * Where `typedSelectSql` puts each source column's `n<j>` and `t<j>` (-1 = not selected), and
 * for a number column its text mask column and bit (see MASK_BITS).
 */
export interface TypedLayout {
  number: Int32Array;
  text: Int32Array;
  mask: Int32Array;
  bit: Float64Array;
}

export function typedResultLayout(reads: readonly ColumnRead[]): TypedLayout {
  const number = new Int32Array(reads.length).fill(-1);
  const text = new Int32Array(reads.length).fill(-1);
  const mask = new Int32Array(reads.length).fill(-1);
  const bit = new Float64Array(reads.length);
  let at = 1; // 0 is `blank`
  reads.forEach((r, j) => {
    if (r === 'number' || r === 'bool') number[j] = at++;
    if (r !== 'skip') text[j] = at++;
  });
  let b = 0;
  reads.forEach((r, j) => {
    if (r !== 'number' && r !== 'bool') return;
    mask[j] = at + Math.floor(b / MASK_BITS);
    bit[j] = 2 ** (b % MASK_BITS);
    b++;
  });
  return { number, text, mask, bit };
}

/** Whether bit `bit` (a power of two below 2^50) is set in a mask value. */
export function hasBit(mask: number, bit: number): boolean {
  return Math.floor(mask / bit) % 2 === 1;
}
