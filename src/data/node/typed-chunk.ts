import { DuckDBBooleanVector, DuckDBDoubleVector, DuckDBVarCharVector, type DuckDBDataChunk, type DuckDBVector } from '@duckdb/node-api';
import type { ColumnRead } from '../sql.ts';
import { hasBit, typedResultLayout, type TypedChunk } from '../typed-columns.ts';

/**
 * A native DuckDB data chunk of a `typedSelectSql` result, seen as the builder's TypedChunk.
 * A number column's text is fetched only where its mask bit says there is some: the node API
 * tests validity with BigInt arithmetic, too slow to run on every mostly-NULL text cell.
 *
 * Why the raw buffers: the node API's getItem costs a BigInt validity test per cell, and a
 * VARCHAR cell a TextDecoder call; at a million rows × 40 columns that was several seconds of
 * the CLI's run. The typed query's DOUBLE and BOOLEAN columns are never NULL, so their buffers
 * are read directly; short ASCII strings (DuckDB stores ≤ 12 bytes inline) are built from their
 * bytes. Anything else (a vector of another shape, long or non-ASCII strings) goes through
 * getItem, so every value is the one the node API would give.
 * `withCells`: the query ends with a CSV's `row_cells` (typedSelectSql's `cellsSql`).
 */
export function typedChunkReader(reads: readonly ColumnRead[], withCells = false): (chunk: DuckDBDataChunk) => TypedChunk {
  const layout = typedResultLayout(reads);
  return (chunk) => {
    const vectors = Array.from({ length: chunk.columnCount }, (_, c) => chunk.getColumnVector(c));
    const doubles = vectors.map(doubleItems);
    const strings = vectors.map((v) => (v instanceof DuckDBVarCharVector ? new FastVarChar(v) : undefined));
    const blankBytes = booleanBytes(vectors[0]);
    const cells = withCells ? vectors[vectors.length - 1] : undefined; // row_cells comes last
    return {
      ...(cells ? { cells: (k: number) => cells.getItem(k) as number } : {}),
      length: chunk.rowCount,
      blank: blankBytes ? (k) => blankBytes[k] !== 0 : (k) => vectors[0].getItem(k) === true,
      number: (j, k) => {
        const c = layout.number[j];
        const d = doubles[c];
        return d ? d[k] : (vectors[c].getItem(k) as number | null);
      },
      text: (j, k) => {
        const m = layout.mask[j];
        if (m >= 0) {
          const md = doubles[m];
          const mv = md ? md[k] : (vectors[m].getItem(k) as number);
          if (!hasBit(mv, layout.bit[j])) return null;
        }
        const c = layout.text[j];
        const s = strings[c];
        return s ? s.get(k) : (vectors[c].getItem(k) as string | null);
      },
    };
  };
}

/** Internals of the node API's vectors (plain fields at run time; checked before use). */
interface DoubleInternals {
  items?: unknown;
  validity?: { data?: unknown };
}
interface ByteInternals {
  dataView?: unknown;
  validity?: { data?: unknown; offset?: unknown };
}

/** The values of a DOUBLE vector without NULLs (no validity mask), else undefined. */
function doubleItems(v: DuckDBVector): Float64Array | undefined {
  if (!(v instanceof DuckDBDoubleVector)) return undefined;
  const x = v as unknown as DoubleInternals;
  return x.items instanceof Float64Array && allValid(x.validity?.data, v.itemCount) ? x.items : undefined;
}

/** One byte per value of a BOOLEAN vector without NULLs, else undefined. */
function booleanBytes(v: DuckDBVector): Uint8Array | undefined {
  if (!(v instanceof DuckDBBooleanVector)) return undefined;
  const x = v as unknown as ByteInternals;
  if (!(x.dataView instanceof DataView) || !allValid(x.validity?.data, v.itemCount)) return undefined;
  return new Uint8Array(x.dataView.buffer, x.dataView.byteOffset, v.itemCount);
}

/** Whether a validity mask (null = none: all valid) marks each of the first `count` values valid. */
function allValid(data: unknown, count: number): boolean {
  if (data === null) return true;
  if (!(data instanceof BigUint64Array)) return false;
  const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  const full = count >> 3;
  for (let i = 0; i < full; i++) if (bytes[i] !== 0xff) return false;
  const rest = count & 7;
  return rest === 0 || (bytes[full] & ((1 << rest) - 1)) === (1 << rest) - 1;
}

/** Reusable argument arrays for String.fromCharCode, one per length 1…12. */
const CODES = Array.from({ length: 13 }, (_, n) => new Array<number>(n).fill(0));

class FastVarChar {
  private readonly bytes: Uint8Array | undefined;
  private readonly view: DataView | undefined;
  /** Validity bits as bytes (bit k%8 of byte k/8), null = all valid. */
  private readonly valid: Uint8Array | null | undefined;

  constructor(private readonly vector: DuckDBVarCharVector) {
    const x = vector as unknown as ByteInternals;
    const data = x.validity?.data;
    if (x.dataView instanceof DataView && x.validity?.offset === 0 && (data === null || data instanceof BigUint64Array)) {
      this.view = x.dataView;
      this.bytes = new Uint8Array(x.dataView.buffer, x.dataView.byteOffset, x.dataView.byteLength);
      this.valid = data === null ? null : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    }
  }

  get(k: number): string | null {
    const view = this.view;
    const bytes = this.bytes;
    if (!view || !bytes || this.valid === undefined) return this.vector.getItem(k);
    if (this.valid !== null && ((this.valid[k >> 3] >> (k & 7)) & 1) === 0) return null;
    const at = k * 16;
    const len = view.getUint32(at, true);
    if (len > 12) return this.vector.getItem(k);
    const codes = CODES[len];
    for (let i = 0; i < len; i++) {
      const b = bytes[at + 4 + i];
      if (b >= 0x80) return this.vector.getItem(k); // UTF-8 beyond ASCII: let TextDecoder read it
      codes[i] = b;
    }
    return String.fromCharCode.apply(null, codes);
  }
}
