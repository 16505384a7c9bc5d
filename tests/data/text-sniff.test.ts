import { describe, expect, it } from 'vitest';
import { decodeText, detectDelimiter, detectEncoding, isUtf8, looksBinary, sniffFormat } from '../../src/data/text-sniff.ts';
import { castAllToVarcharSql, mappedViewSql, quoteIdent, quoteLiteral, readCsvSql } from '../../src/data/sql.ts';
import { encodeGbk } from '../fixtures/gbk-encode.ts';

const bytes = (...b: number[]) => Uint8Array.from(b);

describe('sniffing', () => {
  it('format by magic bytes', () => {
    expect(sniffFormat(bytes(0x50, 0x4b, 0x03, 0x04, 0))).toBe('xlsx');
    expect(sniffFormat(new TextEncoder().encode('PAR1xxxx'))).toBe('parquet');
    expect(sniffFormat(new TextEncoder().encode('a,b\n'))).toBe('text');
    expect(sniffFormat(bytes())).toBe('text');
  });

  it('encoding: BOMs, valid UTF-8, else GB18030', () => {
    expect(detectEncoding(bytes(0xef, 0xbb, 0xbf, 0x61))).toEqual({ encoding: 'utf-8', bomLength: 3 });
    expect(detectEncoding(bytes(0xff, 0xfe, 0x61, 0))).toEqual({ encoding: 'utf-16le', bomLength: 2 });
    expect(detectEncoding(bytes(0xfe, 0xff, 0, 0x61))).toEqual({ encoding: 'utf-16be', bomLength: 2 });
    expect(detectEncoding(new TextEncoder().encode('研发费用'))).toEqual({ encoding: 'utf-8', bomLength: 0 });
    // 研发 in GBK is D1 D0 B7 A2: not valid UTF-8.
    const gbk = encodeGbk('研发');
    expect([...gbk]).toEqual([0xd1, 0xd0, 0xb7, 0xa2]);
    expect(detectEncoding(gbk)).toEqual({ encoding: 'gb18030', bomLength: 0 });
    expect(decodeText(gbk)).toBe('研发');
    expect(decodeText(bytes(0xff, 0xfe, 0x61, 0, 0x2c, 0))).toBe('a,');
  });

  it('delimiter of the header line, ignoring quoted text', () => {
    expect(detectDelimiter('a,b,c\n1;2;3;4;5')).toBe(',');
    expect(detectDelimiter('a\tb\tc\n')).toBe('\t');
    expect(detectDelimiter('a;b;c\r\n')).toBe(';');
    expect(detectDelimiter('"x,y,z";b;c\n')).toBe(';');
    expect(detectDelimiter('single\n')).toBe(',');
  });

  it('binary text', () => {
    expect(looksBinary('a,b\n1,2\n')).toBe(false);
    expect(looksBinary('a\u0000b')).toBe(true);
  });
});

describe('SQL text', () => {
  it('quotes literals and identifiers', () => {
    expect(quoteLiteral("it's")).toBe("'it''s'");
    expect(quoteIdent('研发"费用')).toBe('"研发""费用"');
  });

  it("read_csv reads everything as VARCHAR with no header handling, plus each row's cell count", () => {
    expect(readCsvSql("/tmp/a'b.csv", { delimiter: '\t' })).toBe(
      `SELECT NULLIF(COLUMNS(*), ''), CAST(list_aggregate([*COLUMNS(*)], 'count') AS INTEGER) AS "row_cells" FROM read_csv('/tmp/a''b.csv', header=false, all_varchar=true, delim='\t', quote='"', escape='"', null_padding=true, parallel=false, sample_size=-1, nullstr='\u0001ipw:no-null\u0001')`,
    );
  });

  it('casts and maps columns', () => {
    expect(castAllToVarcharSql('SELECT 1', ['a', '注册日期'])).toBe('SELECT CAST("a" AS VARCHAR) AS "a", CAST("注册日期" AS VARCHAR) AS "注册日期" FROM (SELECT 1)');
    expect(mappedViewSql('mapped', 'raw', { uscc: '统一社会信用代码', name: '企业名称' })).toBe(
      'CREATE OR REPLACE VIEW "mapped" AS SELECT "企业名称" AS "name", "统一社会信用代码" AS "uscc" FROM "raw"',
    );
  });
});

describe('isUtf8', () => {
  const fatal = (u: Uint8Array) => {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(u);
      return true;
    } catch {
      return false;
    }
  };

  it('agrees with a fatal TextDecoder on the boundary bytes of every sequence length', () => {
    const edge = [0x00, 0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xe1, 0xec, 0xed, 0xee, 0xef, 0xf0, 0xf1, 0xf3, 0xf4, 0xf5, 0xff];
    let seed = 7;
    const rnd = (m: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % m;
    };
    for (let t = 0; t < 200_000; t++) {
      const u = new Uint8Array(rnd(12));
      for (let k = 0; k < u.length; k++) u[k] = rnd(3) === 0 ? rnd(256) : edge[rnd(edge.length)];
      if (isUtf8(u) !== fatal(u)) expect(Array.from(u)).toEqual('a byte string on which isUtf8 and TextDecoder disagree');
    }
  });

  it('long ASCII runs around multi-byte and broken sequences', () => {
    const text = new TextEncoder().encode(`${'a'.repeat(13)}研发费用${'b'.repeat(17)}😀${'c'.repeat(9)}`);
    expect(isUtf8(text)).toBe(true);
    expect(isUtf8(text.subarray(0, text.length - 10))).toBe(false); // cuts the emoji
    const broken = text.slice();
    broken[14] = 0x41; // a lead byte's continuation replaced by ASCII
    expect(isUtf8(broken)).toBe(false);
    expect(isUtf8(new Uint8Array([0xed, 0xa0, 0x80]))).toBe(false); // a surrogate
    expect(isUtf8(new Uint8Array([0xf4, 0x90, 0x80, 0x80]))).toBe(false); // above U+10FFFF
    expect(isUtf8(new Uint8Array([0xe0, 0x80, 0xaf]))).toBe(false); // overlong
  });
});
