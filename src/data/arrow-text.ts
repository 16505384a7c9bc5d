import { DataType, type Data, type Vector } from 'apache-arrow';
import { cellText } from './cell-text.ts';

/**
 * Arrow columns → JS strings without one TextDecoder call per cell: a Utf8 chunk's value buffer
 * is decoded once and byte offsets are turned into UTF-16 offsets by counting lead bytes (a
 * 4-byte sequence is two UTF-16 units). About 10× faster than `vector.get(i)` at 1M rows.
 */
const decoder = new TextDecoder();

/** Every cell of a column as text (null = empty); non-Utf8 chunks go through cellText. */
export function vectorCells(vec: Vector): (string | null)[] {
  const out = new Array<string | null>(vec.length);
  let at = 0;
  for (const data of vec.data) {
    if (DataType.isUtf8(data.type)) utf8Cells(data as Data, out, at);
    else for (let i = 0; i < data.length; i++) out[at + i] = cellText(vec.get(at + i));
    at += data.length;
  }
  return out;
}

/** Cells of one Utf8 chunk into `out` from position `at`. */
export function utf8Cells(data: Data, out: (string | null)[], at: number): void {
  const offsets = data.valueOffsets as Int32Array;
  const bytes = data.values as Uint8Array;
  const bitmap = data.nullBitmap as Uint8Array | undefined;
  const hasNulls = data.nullCount > 0 && bitmap !== undefined && bitmap.length > 0;
  const off = data.offset;
  const first = offsets[off];
  const last = offsets[off + data.length];
  const text = decoder.decode(bytes.subarray(first, last));
  let pos = 0; // UTF-16 position of byte `b` in `text`
  let b = first;
  for (let i = 0; i < data.length; i++) {
    const end = offsets[off + i + 1];
    const start = pos;
    for (; b < end; b++) {
      const c = bytes[b];
      if ((c & 0xc0) !== 0x80) pos += c >= 0xf0 ? 2 : 1;
    }
    const j = off + i;
    out[at + i] = hasNulls && !(bitmap[j >> 3] & (1 << (j & 7))) ? null : text.slice(start, pos);
  }
}
