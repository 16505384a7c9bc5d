import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFile } from '../../workers/import/parse-file.ts';
import { DataError } from '../../src/data/errors.ts';
import { readDataFile } from '../../src/data/node/read-file.ts';
import { V } from '../corpus/base.ts';

/** The import worker's parser in Node, on corpus files, against the CLI's readers (XLSX, Parquet and JSON become the raw table in the worker). */
const FILES = resolve(import.meta.dirname, '../corpus/files');
const open = async (name: string, options = {}) => parseFile(new Blob([await readFile(`${FILES}/${name}`)]), name, options, () => {});

describe('import worker: parseFile', () => {
  it('GBK without BOM: detected, transcoded to UTF-8, overridable', async () => {
    const p = await open('gbk-no-bom.csv');
    expect(p).toMatchObject({ kind: 'csv', format: 'csv', encoding: 'gb18030', detectedEncoding: 'gb18030', delimiter: ',' });
    if (p.kind !== 'csv') throw new Error('csv expected');
    expect(new TextDecoder('utf-8', { fatal: true }).decode(p.utf8)).toContain('统一社会信用代码');
    await expect(open('gbk-no-bom.csv', { encoding: 'utf-8' })).rejects.toThrow(/neither a CSV/);
  });

  it('XLSX under a merged title row: the same raw table as the CLI reader (sheet row numbers)', async () => {
    const p = await open('title-merged.xlsx');
    if (p.kind !== 'table') throw new Error('table expected');
    expect(p.sheets).toEqual(['企业数据']);
    const t = p.table;
    const cli = await readDataFile(`${FILES}/title-merged.xlsx`);
    expect(t.headerRowNumber).toBe(2);
    expect(t.rowNumbers).toEqual([3, 4, 5, 6, 7]);
    expect(t.headers).toEqual(cli.headers);
    expect(t.columns).toEqual(cli.columns);
  });

  it('the second sheet of a workbook on request', async () => {
    const p = await open('two-sheets.xlsx', { sheet: '数据' });
    if (p.kind !== 'table') throw new Error('table expected');
    expect(p.sheets).toEqual(['说明', '数据']);
    expect(p.table.rowNumbers).toHaveLength(5);
  });

  it('Parquet (hyparquet) and JSON give the CLI-equivalent cells', async () => {
    const pq = await open('typed.parquet');
    const js = await open('records.json');
    if (pq.kind !== 'table' || js.kind !== 'table') throw new Error('table expected');
    const a = pq.table;
    const b = js.table;
    const cli = await readDataFile(`${FILES}/typed.parquet`);
    expect(a.headers).toEqual(cli.headers);
    expect(a.columns[0]).toEqual(V);
    expect(b.columns[0]).toEqual(V);
    const reg = cli.headers.indexOf('注册日期');
    expect(a.columns[reg]).toEqual(cli.columns[reg]);
  });

  it('refuses binary and empty files with the CLI sentence', async () => {
    await expect(open('binary-renamed.csv')).rejects.toThrow('binary-renamed.csv is not a CSV, XLSX or Parquet file (its content is binary).');
    await expect(open('empty.csv')).rejects.toThrow('empty.csv is empty');
  });

  it('broken JSON and Parquet: one sentence saying what to do, the library text only in details (issue 9, class 7)', async () => {
    const refusal = async (name: string, bytes: Uint8Array<ArrayBuffer>) => {
      try {
        await parseFile(new Blob([bytes]), name, {}, () => {});
      } catch (e) {
        return e as DataError;
      }
      throw new Error(`${name} was read`);
    };
    const json = await refusal('broken.json', new TextEncoder().encode('[{"统一社会信用代码": "9151'));
    expect(json).toBeInstanceOf(DataError);
    expect(json.en).toBe('broken.json is not valid JSON; save it again as a JSON array of objects (one per enterprise), or as .csv or .xlsx.');
    expect(json.zh).toBe('broken.json 不是有效的 JSON；请重新保存为对象数组（每家企业一个对象）的 JSON，或另存为 .csv、.xlsx。');
    expect(json.details?.en).toMatch(/^internal error: ./);
    const pq = await refusal('broken.parquet', new TextEncoder().encode('PAR1 not really a parquet file PAR1'));
    expect(pq).toBeInstanceOf(DataError);
    expect(pq.en).toBe('broken.parquet is not a readable Parquet file; export it again, or save the data as CSV or .xlsx.');
    expect(pq.zh).toBe('broken.parquet 不是可读的 Parquet 文件；请重新导出，或另存为 CSV 或 .xlsx。');
    expect(pq.details?.en).toMatch(/^internal error: ./);
    for (const e of [json, pq]) expect(`${e.en}${e.zh}`).not.toMatch(/Unexpected|token|position|parquet file invalid|magic/i);
  });
});
