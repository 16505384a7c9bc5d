import fc from 'fast-check';
import { tableFromIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { segmentArrowIPC } from '../../src/segment/arrow-table.ts';
import { encodeText } from '../../src/segment/dictionary.ts';
import type { SegmentColumnDef } from '../../src/segment/columns.ts';

const COLS: SegmentColumnDef[] = [
  { id: 'name', names: ['企业名称'], type: 'VARCHAR' },
  { id: 'city', names: ['市'], type: 'VARCHAR' },
];

// Text that exercises every UTF-8 length: ASCII, CJK (3 bytes) and astral characters (4 bytes, two
// UTF-16 units), and '' (missing).
const text = fc.oneof(fc.constant(''), fc.string(), fc.constantFrom('成都市', '长春市', '𠀋𠀋', 'a😀b', '研发'));

describe('segmentArrowIPC text columns', () => {
  it('round-trips plain and dictionary text, missing as NULL', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(text, text), { maxLength: 200 }), (rows) => {
        const names = rows.map((r) => r[0]);
        const cities = rows.map((r) => r[1]);
        const ipc = segmentArrowIPC({ n: rows.length, columns: {}, regDays: new Float64Array(rows.length), text: { name: names, city: encodeText(cities) } }, COLS);
        const t = tableFromIPC(ipc);
        expect(t.numRows).toBe(rows.length);
        const name = t.getChild('name')!;
        const city = t.getChild('city')!;
        for (let r = 0; r < rows.length; r++) {
          expect(name.get(r)).toBe(names[r] === '' ? null : names[r]);
          expect(city.get(r)).toBe(cities[r] === '' ? null : cities[r]);
          expect(t.getChild('row_id')!.get(r)).toBe(r);
        }
      }),
    );
  });

  it('grows its byte buffer past the first guess', () => {
    const long = '企'.repeat(100); // 300 bytes per row, beyond the 16-byte-per-row initial buffer
    const ipc = segmentArrowIPC({ n: 50, columns: {}, regDays: new Float64Array(50), text: { name: Array(50).fill(long), city: encodeText(Array(50).fill(long)) } }, COLS);
    const t = tableFromIPC(ipc);
    expect(t.getChild('name')!.get(49)).toBe(long);
    expect(t.getChild('city')!.get(0)).toBe(long);
  });
});
