import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { matchHeaders } from '../../src/data/header-match.ts';
import { parseColumns } from '../../src/data/parse-columns.ts';
import { WarningCollector } from '../../src/data/warning-collector.ts';
import { readXlsxSheet, xlsxRawTable } from '../../src/data/xlsx-sheet.ts';
import { xlsxRows } from '../../workers/import/xlsx-rows.ts';

/** A workbook whose formula cells hold the cached values 0 and 7 and one formula never calculated. */
async function workbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('数据');
  ws.addRow(['统一社会信用代码', '2023年度研发费用', '净利润']);
  ws.getCell('A2').value = '91350100M000100Y43';
  ws.getCell('B2').value = { formula: '1-1', result: 9 } as ExcelJS.CellFormulaValue;
  ws.getCell('C2').value = { formula: '3+4', result: 7 } as ExcelJS.CellFormulaValue;
  ws.getCell('A4').value = '914403001922038216';
  ws.getCell('B4').value = { formula: 'B2+1' } as ExcelJS.CellFormulaValue;
  const files = unzipSync(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
  const sheet = 'xl/worksheets/sheet1.xml';
  // exceljs never writes a cached 0, so the file Excel would save is made by hand: <v>0</v>
  files[sheet] = strToU8(strFromU8(files[sheet]).replace('<v>9</v>', '<v>0</v>'));
  return zipSync(files);
}

describe('the shared XLSX reader', () => {
  it('a cached 0 reads as 0; a formula without a cached value as its formula text (so it is reported, never silently empty)', async () => {
    const s = await readXlsxSheet(await workbook(), 'f.xlsx');
    expect(s.rowNumbers).toEqual([1, 2, 4]);
    expect(s.rows[1]).toEqual(['91350100M000100Y43', '0', '7']);
    expect(s.rows[2]).toEqual(['914403001922038216', '=B2+1']);
    const t = xlsxRawTable(s, 'f.xlsx');
    expect(t.rowNumbers).toEqual([2, 4]);
    expect(t.columns).toEqual([
      ['91350100M000100Y43', '914403001922038216'],
      ['0', '=B2+1'],
      ['7', null],
    ]);
  });

  it('the formula never calculated is reported as not a number (issue 9, class 2), the cached 0 is 0', async () => {
    const t = xlsxRawTable(await readXlsxSheet(await workbook(), 'f.xlsx'), 'f.xlsx');
    const collector = new WarningCollector(10);
    const p = parseColumns(t, matchHeaders(t.headers), { collector, fields: ['rd_expense'] });
    expect(Array.from(p.numeric.rd_expense)).toEqual([0, NaN]);
    expect(collector.warnings().map((w) => [w.row, w.code, w.value])).toEqual([[4, 'not-a-number', '=B2+1']]);
  });

  it('the browser rows keep sheet row numbers (a missing row is an empty array)', async () => {
    const r = await xlsxRows(await workbook(), 'f.xlsx');
    expect(r.sheets).toEqual(['数据']);
    expect(r.rows.length).toBe(4);
    expect(r.rows[2]).toEqual([]);
    expect(r.rows[1]).toEqual(['91350100M000100Y43', '0', '7']);
  });
});
