import { DateDay, Float64, makeData, makeVector, Table, tableToIPC, Uint32, Utf8, type Vector } from 'apache-arrow';
import { SEGMENT_ROW_ID, SEGMENT_SCORE, type SegmentColumnDef } from './columns.ts';
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

/**
 * A Utf8 column built straight into Arrow's buffers (offsets, bytes, validity): each distinct
 * value is encoded once and copied per row. Arrow's own builder (vectorFromArray) took ~2 s per
 * million strings, most of the time of a first segment on a large population.
 */
function utf8Vector(n: number, t: readonly string[] | TextDictionary): Vector {
  const enc = new TextEncoder();
  const dict = Array.isArray(t) ? null : (t as TextDictionary);
  const plain = dict ? null : (t as readonly string[]);
  const encoded = dict ? dict.values.map((v) => enc.encode(v)) : null;
  const valueOffsets = new Int32Array(n + 1);
  let bytes = new Uint8Array(Math.max(64, n * 16));
  let at = 0;
  const { nullBitmap, nullCount } = validity(n, (r) => (dict ? dict.values[dict.codes[r]] : plain![r]) !== '');
  for (let r = 0; r < n; r++) {
    const b = encoded ? encoded[dict!.codes[r]] : null;
    const need = b ? b.length : plain![r].length * 3; // UTF-8 takes at most 3 bytes per UTF-16 unit
    if (at + need > bytes.length) {
      const grown = new Uint8Array(Math.max(bytes.length * 2, at + need));
      grown.set(bytes.subarray(0, at));
      bytes = grown;
    }
    if (b) {
      bytes.set(b, at);
      at += b.length;
    } else at += enc.encodeInto(plain![r], bytes.subarray(at)).written;
    valueOffsets[r + 1] = at;
  }
  return makeVector(makeData({ type: new Utf8(), length: n, valueOffsets, data: bytes.subarray(0, at), nullBitmap, nullCount }));
}

/**
 * The segment table as an Arrow IPC stream for DuckDB-wasm's insertArrowFromIPCStream: `row_id`
 * then `cols` in order, NULL where a value is missing (never a silent 0 or '').
 */
const rowIds = (n: number): Vector => makeVector(makeData({ type: new Uint32(), length: n, data: Uint32Array.from({ length: n }, (_, r) => r) }));

export function segmentArrowIPC(src: SegmentSource, cols: readonly SegmentColumnDef[]): Uint8Array {
  const { n } = src;
  const vectors: Record<string, Vector> = { [SEGMENT_ROW_ID]: rowIds(n) };
  for (const c of cols) {
    if (c.type === 'DOUBLE') {
      const data = src.columns[c.id];
      vectors[c.id] = makeVector(makeData({ type: new Float64(), length: n, data, ...validity(n, (r) => !Number.isNaN(data[r])) }));
    } else if (c.type === 'DATE') {
      const days = src.regDays;
      vectors[c.id] = makeVector(
        makeData({ type: new DateDay(), length: n, data: Int32Array.from(days, (d) => (Number.isFinite(d) ? d : 0)), ...validity(n, (r) => Number.isFinite(days[r])) }),
      );
    } else vectors[c.id] = utf8Vector(n, src.text[c.id]);
  }
  return tableToIPC(new Table(vectors), 'stream');
}

/** The score table (columns.ts SEGMENT_SCORE_TABLE): `row_id` and `score` under one scenario. */
export function scoreArrowIPC(score: Float64Array): Uint8Array {
  const n = score.length;
  return tableToIPC(new Table({ [SEGMENT_ROW_ID]: rowIds(n), [SEGMENT_SCORE]: makeVector(makeData({ type: new Float64(), length: n, data: score })) }), 'stream');
}
