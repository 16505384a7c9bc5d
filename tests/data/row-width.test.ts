import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Bool, Int32, Table, Utf8, vectorFromArray } from 'apache-arrow';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDataset } from '../../src/data/build-dataset.ts';
import { matchHeaders } from '../../src/data/header-match.ts';
import { readDataFile } from '../../src/data/node/read-file.ts';
import { csvRowWidthOk, headerWidth } from '../../src/data/row-width.ts';
import { readXlsxSheet, xlsxRawTable } from '../../src/data/xlsx-sheet.ts';
import { typedTableFromArrow } from '../../src/data/arrow-columns.ts';
import { readGridHeader } from '../../src/data/typed-read.ts';

/**
 * Issue 9, class 3: a row whose cell count differs from the header's is excluded with a report
 * naming the row and both counts, never read shifted; CLI reader (native DuckDB), XLSX and the
 * browser's Arrow path alike.
 */
const A = '91350100M000100Y43';
const B = '914403001922038216';
const C = '1000000000000000M0';
const AS_OF = 19722; // 2023-12-31

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ipw-width-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the rule', () => {
  it('header width counts trailing empty header cells apart', () => {
    expect(headerWidth(['a', 'b', 'c'])).toEqual({ cells: 3, named: 3 });
    expect(headerWidth(['a', 'b', '', ''], 4)).toEqual({ cells: 4, named: 2 });
  });
  it.each([
    [3, { cells: 3, named: 3 }, true],
    [2, { cells: 3, named: 3 }, false],
    [4, { cells: 3, named: 3 }, false],
    [2, { cells: 4, named: 2 }, true], // only cells under no header left out
    [3, { cells: 4, named: 2 }, true],
    [1, { cells: 4, named: 2 }, false],
    [5, { cells: 4, named: 2 }, false],
  ])('%i cells under %j: ok = %s', (cells, w, ok) => {
    expect(csvRowWidthOk(cells, w)).toBe(ok);
  });
});

describe('CLI reader (native DuckDB read_csv)', () => {
  // Row 3: an unquoted comma in the name (one cell too many); row 4: the last cell left out
  // (one too few); row 5: an empty last cell, written (exact count); row 6: blank (dropped).
  const TEXT = `统一社会信用代码,企业名称,注册日期,2023年度研发费用\n${A},甲,2018-06-30,120\n${B},乙,成都,2019-01-01,85\n${C},丙,2020-01-01\n${A.slice(0, 17)}X,丁,2020-01-01,\n,,,\n`;

  it('lists rows 3 and 4 with their counts; row 5 (empty cell written) and the blank row are fine', async () => {
    const p = join(dir, 'ragged.csv');
    await writeFile(p, TEXT);
    const t = await readDataFile(p);
    expect(t.rowNumbers).toEqual([2, 3, 4, 5]);
    expect(t.widthIssues).toEqual([
      { row: 3, cells: 5, expected: 4 },
      { row: 4, cells: 3, expected: 4 },
    ]);
    // Empty cells are still null (not ''), as before the count was added.
    expect(t.columns[3]).toEqual(['120', '2019-01-01', null, null]);
  });

  it('buildDataset excludes them with the reason and a message naming row and counts', async () => {
    const p = join(dir, 'ragged2.csv');
    await writeFile(p, TEXT);
    const raw = await readDataFile(p);
    const d = buildDataset(raw, matchHeaders(raw.headers), { asOfDays: AS_OF });
    const cellCount = d.excluded.filter((e) => e.reason === 'cell-count');
    expect(cellCount.map((e) => [e.row, e.uscc])).toEqual([
      [3, B],
      [4, C],
    ]);
    expect(cellCount[0].message.en).toBe(
      'Row 3 has 5 cells but the header has 4, so its values may be shifted and the row is not scored; check the row for a missing or extra delimiter (such as an unquoted comma).',
    );
    expect(cellCount[1].message.zh).toBe('第 4 行有 3 个单元格，而表头有 4 个，各值可能错位，该行未参与评分；请检查该行是否多了或少了分隔符（如未加引号的逗号）。');
    // A ragged row is not a duplicate of anything: B and C were never key-checked.
    expect(d.excluded.find((e) => e.reason === 'duplicate-key')).toBeUndefined();
  });

  it('a header ending in empty cells: rows may leave those out, but not a named one', async () => {
    const p = join(dir, 'trailing.csv');
    await writeFile(p, `统一社会信用代码,注册日期,,\n${A},2018-06-30\n${B},2019-01-01,,\n${C}\n`);
    expect((await readDataFile(p)).widthIssues).toEqual([{ row: 4, cells: 1, expected: 4 }]);
  });

  it("quoted delimiters and line breaks are one cell (the count is DuckDB's, quote-aware)", async () => {
    const p = join(dir, 'quoted.csv');
    await writeFile(p, `统一社会信用代码,企业名称,注册日期\n${A},"甲,\n公司",2018-06-30\n`);
    const t = await readDataFile(p);
    expect(t.widthIssues).toBeUndefined();
    expect(t.columns[1]).toEqual(['甲,\n公司']);
  });
});

describe('XLSX (cells placed by column): only a value beyond the last header is reported', () => {
  it('short rows are fine; a value under no header excludes the row', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('数据');
    ws.addRow(['统一社会信用代码', '注册日期', '2023年度研发费用']);
    ws.addRow([A, '2018-06-30']);
    ws.addRow([B, '2019-01-01', 5, '多出的值']);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const t = xlsxRawTable(await readXlsxSheet(bytes, 'w.xlsx'), 'w.xlsx');
    expect(t.widthIssues).toEqual([{ row: 3, cells: 4, expected: 3 }]);
  });
});

describe("browser path: readCsvSql's row_cells through the header search and the typed Arrow result", () => {
  it('leaves row_cells out of the columns, takes the header width from it, and lists the same rows as the CLI', async () => {
    // What DuckDB-wasm returns for the first rows: header (3 cells), a good row, a long row, a short row.
    const sample = {
      columnNames: ['column0', 'column1', 'column2', 'column3', 'row_cells'],
      rows: [
        ['统一社会信用代码', '注册日期', '2023年度研发费用', null, '3'],
        [A, '2018-06-30', '1', null, '3'],
        [B, 'x', '2019-01-01', '7', '4'],
        [C, '2020-01-01', null, null, '2'],
      ],
    };
    const header = (await readGridHeader('SELECT …', async () => sample))!;
    expect(header.columnNames).toEqual(['column0', 'column1', 'column2', 'column3']);
    expect(header.headers).toEqual(['统一社会信用代码', '注册日期', '2023年度研发费用', '']);
    expect(header.width).toEqual({ cells: 3, named: 3 });
    expect(header.sample[0]).toEqual([A, '2018-06-30', '1', null]);
    // The typed query's result for the three data rows (reads: text, text, text, skip).
    const typed = new Table({
      blank: vectorFromArray([false, false, false], new Bool()),
      t0: vectorFromArray([A, B, C], new Utf8()),
      t1: vectorFromArray(['2018-06-30', 'x', '2020-01-01'], new Utf8()),
      t2: vectorFromArray(['1', '2019-01-01', null], new Utf8()),
      row_cells: vectorFromArray([3, 4, 2], new Int32()),
    });
    const t = typedTableFromArrow(typed, { reads: ['text', 'text', 'text', 'skip'], headers: header.headers, headerRowNumber: 1, source: { format: 'csv' }, width: header.width });
    expect(t.widthIssues).toEqual([
      { row: 3, cells: 4, expected: 3 },
      { row: 4, cells: 2, expected: 3 },
    ]);
  });
});
