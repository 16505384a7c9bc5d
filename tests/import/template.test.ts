import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { findHeaderRow, matchHeaders } from '../../src/data/index.ts';
import { templateColumns, templateRows } from '../../src/import/template.ts';
import { templateCsv, templateXlsx } from '../../src/import/template-files.ts';

describe('template', () => {
  it('every header maps back to its field; the header row is found under the notes row', () => {
    const cols = templateColumns(2023);
    const m = matchHeaders(cols.map((c) => c.header));
    expect(m.columns.map((c) => c.field)).toEqual(cols.map((c) => c.id));
    expect(m.evalYear).toBe(2023);
    expect(findHeaderRow(templateRows(2023))).toBe(1);
    expect(cols.find((c) => c.id === 'rd_expense_prev')?.header).toBe('2022年度研发费用（万元）');
    expect(cols.find((c) => c.id === 'tech_staff')?.header).toBe('截至2023年底科技人员数量（人）');
    expect(cols.find((c) => c.id === 'tech_staff')?.note).toContain('期内企业参加科技项目活动的人员总数');
    expect(cols.some((c) => /法定代表人|实际负责人/.test(c.header))).toBe(false);
  });

  it('CSV: BOM, notes row then header row', () => {
    const text = templateCsv(2023);
    expect(text.startsWith('\uFEFF填写说明')).toBe(true);
    expect(text.split('\r\n')[1].split(',')[0]).toBe('企业名称');
  });

  it('XLSX reads back with exceljs: notes row, header row, 说明 sheet', async () => {
    const bytes = await templateXlsx(2023);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['数据模板', '说明']);
    const ws = wb.getWorksheet('数据模板')!;
    const header = (ws.getRow(2).values as unknown[]).slice(1);
    expect(header).toEqual(templateColumns(2023).map((c) => c.header));
    expect(String(ws.getRow(1).getCell(1).value)).toContain('填写说明');
  });
});
