import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import { DataError } from '../../src/data/errors.ts';
import { readDataFile } from '../../src/data/node/read-file.ts';
import { encodeGbk } from '../fixtures/gbk-encode.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ipw-read-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function file(name: string, content: string | Uint8Array): Promise<string> {
  const p = join(dir, name);
  await writeFile(p, content);
  return p;
}

const CSV = '统一社会信用代码,企业名称,2023年度研发费用\n91350100M000100Y43,"甲,公司",1234.5\n914403001922038216,乙公司,\n';
const EXPECTED = {
  headers: ['统一社会信用代码', '企业名称', '2023年度研发费用'],
  columns: [
    ['91350100M000100Y43', '914403001922038216'],
    ['甲,公司', '乙公司'],
    ['1234.5', null],
  ],
  rowNumbers: [2, 3],
  headerRowNumber: 1,
};

describe('readDataFile: text', () => {
  it('UTF-8 CSV', async () => {
    const t = await readDataFile(await file('a.csv', CSV));
    expect(t).toMatchObject({ ...EXPECTED, source: { format: 'csv', encoding: 'utf-8', delimiter: ',' } });
  });

  it('UTF-8 with BOM', async () => {
    const t = await readDataFile(await file('bom.csv', `\uFEFF${CSV}`));
    expect(t).toMatchObject(EXPECTED);
  });

  it('GB18030 / GBK', async () => {
    const t = await readDataFile(await file('gbk.csv', encodeGbk(CSV)));
    expect(t).toMatchObject({ ...EXPECTED, source: { encoding: 'gb18030' } });
  });

  it('UTF-16 LE with BOM', async () => {
    const body = `\uFEFF${CSV}`;
    const buf = new Uint8Array(body.length * 2);
    for (let i = 0; i < body.length; i++) {
      buf[2 * i] = body.charCodeAt(i) & 0xff;
      buf[2 * i + 1] = body.charCodeAt(i) >> 8;
    }
    const t = await readDataFile(await file('u16.csv', buf));
    expect(t).toMatchObject({ ...EXPECTED, source: { encoding: 'utf-16le' } });
  });

  it('tab and semicolon delimiters, CRLF line ends', async () => {
    const tsv = CSV.replace(/,(?=[^"]*(?:"[^"]*"[^"]*)*$)/gm, '\t').replace(/\n/g, '\r\n');
    const t = await readDataFile(await file('a.tsv', tsv));
    expect(t).toMatchObject({ ...EXPECTED, source: { delimiter: '\t' } });
    const semi = await readDataFile(await file('b.csv', 'uscc;企业名称\n1;"a;b"\n'));
    expect(semi.columns).toEqual([['1'], ['a;b']]);
  });

  it('finds the header under a title row and numbers rows as the file does', async () => {
    const t = await readDataFile(await file('title.csv', `2023年度企业创新积分数据,,\n${CSV}`));
    expect(t.headerRowNumber).toBe(2);
    expect(t.headers).toEqual(EXPECTED.headers);
    expect(t.rowNumbers).toEqual([3, 4]);
  });

  it('keeps header texts exactly, duplicates included', async () => {
    const t = await readDataFile(await file('dup.csv', 'uscc,uscc, 企业名称 \n1,2,3\n'));
    expect(t.headers).toEqual(['uscc', 'uscc', '企业名称']);
  });
});

describe('readDataFile: XLSX', () => {
  it('first sheet, header under a merged title row, dates, formulas, sheet row numbers', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('数据');
    wb.addWorksheet('其他').addRow(['x']);
    ws.addRow(['2023年度创新积分数据']);
    ws.mergeCells('A1:D1');
    ws.addRow(['统一社会信用代码', '注册日期', '2023年度研发费用', '企业名称']);
    ws.addRow(['91350100M000100Y43', new Date(Date.UTC(2024, 1, 29)), 1234.5, { richText: [{ text: '甲' }, { text: '公司' }] }]);
    ws.addRow([]);
    ws.addRow(['914403001922038216', 45292, { formula: '1+1', result: 2 }, null]);
    const p = join(dir, 'a.xlsx');
    await wb.xlsx.writeFile(p);
    const t = await readDataFile(p);
    expect(t.source).toEqual({ format: 'xlsx', sheet: '数据' });
    expect(t.headerRowNumber).toBe(2);
    expect(t.headers).toEqual(['统一社会信用代码', '注册日期', '2023年度研发费用', '企业名称']);
    expect(t.rowNumbers).toEqual([3, 5]); // row 4 is blank
    expect(t.columns).toEqual([
      ['91350100M000100Y43', '914403001922038216'],
      ['2024-02-29', '45292'],
      ['1234.5', '2'],
      ['甲公司', null],
    ]);
    const other = await readDataFile(p, { sheet: '其他' });
    expect(other.headers).toEqual(['x']);
    await expect(readDataFile(p, { sheet: 'nope' })).rejects.toThrow(/no sheet named "nope"/);
  });
});

describe('readDataFile: Parquet', () => {
  it('reads typed columns as text', async () => {
    const p = join(dir, 'a.parquet');
    const inst = await DuckDBInstance.create(':memory:');
    const c = await inst.connect();
    await c.run(
      `COPY (SELECT * FROM (VALUES ('91350100M000100Y43', DATE '2018-06-30', 1234.5::DOUBLE, true), ('914403001922038216', NULL, NULL, false)) v("统一社会信用代码", "注册日期", "研发费用", "x")) TO '${p}' (FORMAT parquet)`,
    );
    c.closeSync();
    inst.closeSync();
    const t = await readDataFile(p);
    expect(t).toMatchObject({
      headers: ['统一社会信用代码', '注册日期', '研发费用', 'x'],
      columns: [
        ['91350100M000100Y43', '914403001922038216'],
        ['2018-06-30', null],
        ['1234.5', null],
        ['true', 'false'],
      ],
      rowNumbers: [2, 3],
      source: { format: 'parquet' },
    });
  });
});

describe('readDataFile: unusable files give a DataError with one sentence', () => {
  const fails = async (p: string, code: string, pattern: RegExp) => {
    const err = await readDataFile(p).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DataError);
    expect((err as DataError).code).toBe(code);
    expect((err as DataError).message).toMatch(pattern);
    expect((err as DataError).message.split(/\.\s/)).toHaveLength(1);
  };

  it('missing, directory, empty, blank, binary, broken XLSX', async () => {
    await fails(join(dir, 'nope.csv'), 'not-found', /does not exist/);
    const sub = join(dir, 'sub');
    await mkdir(sub);
    await fails(sub, 'unreadable', /is a directory/);
    await fails(await file('empty.csv', ''), 'empty', /empty/);
    await fails(await file('blank.csv', '\n\n  \n'), 'empty', /empty/);
    await fails(await file('bin.dat', Uint8Array.from([1, 2, 0, 0, 255, 254, 3, 0, 0, 7])), 'binary', /binary/);
    await fails(await file('bad.xlsx', Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3])), 'bad-xlsx', /not a readable XLSX/);
    await fails(await file('bad.parquet', new TextEncoder().encode('PAR1 not really')), 'bad-parquet', /not a readable Parquet/);
  });
});
