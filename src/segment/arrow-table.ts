import { DateDay, Float64, makeData, makeVector, Table, tableToIPC, Uint32, Utf8, vectorFromArray, type Vector } from 'apache-arrow';
import { SEGMENT_ROW_ID, type SegmentColumnDef } from './columns.ts';
import type { TextDictionary } from './dictionary.ts';

/** What the segment table is built from: the scoring worker's population. */
export interface SegmentSource {
  n: number;
  /** Numeric fields, NaN = missing. */
  columns: Readonly<Record<string, Float64Array>>;
  regDays: Float64Array;
  /** Text fields as plain arrays (uscc, name) or dictionaries (the rest); '' = missing. */
  text: Readonly<Record<string, readonly string[] | TextDictionary>>;
}

/** A validity bitmap (1 = present) and the null count for `present(r)`. */
function validity(n: number, present: (r: number) => boolean): { nullBitmap: Uint8Array; nullCount: number } {
  const nullBitmap = new Uint8Array((n + 7) >> 3);
  let nullCount = 0;
  for (let r = 0; r < n; r++) {
    if (present(r)) nullBitmap[r >> 3] |= 1 << (r & 7);
    else nullCount++;
  }
  return { nullBitmap, nullCount };
}

function textAt(t: readonly string[] | TextDictionary): (r: number) => string {
  return Array.isArray(t) ? (r) => (t as readonly string[])[r] : (r) => (t as TextDictionary).values[(t as TextDictionary).codes[r]];
}

/**
 * The segment table as an Arrow IPC stream for DuckDB-wasm's insertArrowFromIPCStream: `row_id`
 * then `cols` in order, NULL where a value is missing (never a silent 0 or '').
 */
export function segmentArrowIPC(src: SegmentSource, cols: readonly SegmentColumnDef[]): Uint8Array {
  const { n } = src;
  const vectors: Record<string, Vector> = { [SEGMENT_ROW_ID]: makeVector(makeData({ type: new Uint32(), length: n, data: Uint32Array.from({ length: n }, (_, r) => r) })) };
  for (const c of cols) {
    if (c.type === 'DOUBLE') {
      const data = src.columns[c.id];
      vectors[c.id] = makeVector(makeData({ type: new Float64(), length: n, data, ...validity(n, (r) => !Number.isNaN(data[r])) }));
    } else if (c.type === 'DATE') {
      const days = src.regDays;
      vectors[c.id] = makeVector(
        makeData({ type: new DateDay(), length: n, data: Int32Array.from(days, (d) => (Number.isFinite(d) ? d : 0)), ...validity(n, (r) => Number.isFinite(days[r])) }),
      );
    } else {
      const at = textAt(src.text[c.id]);
      const values: (string | null)[] = new Array(n);
      for (let r = 0; r < n; r++) values[r] = at(r) === '' ? null : at(r);
      vectors[c.id] = vectorFromArray(values, new Utf8());
    }
  }
  return tableToIPC(new Table(vectors), 'stream');
}
