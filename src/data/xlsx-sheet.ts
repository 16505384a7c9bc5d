import ExcelJS from 'exceljs';
import { cellText } from './cell-text.ts';
import { DataError, internalDetails } from './errors.ts';
import { findHeaderRow } from './header-row.ts';
import { dropBlankRows, type RawTable } from './raw-table.ts';
import { positionedWidthIssues } from './row-width.ts';

/**
 * The one XLSX reader (exceljs), for the CLI and the browser's import worker alike: no Node API,
 * bytes in. A sheet is read as text cells (cell-text.ts: dates as YYYY-MM-DD from their UTC
 * parts), a formula as its cached result: read from the cell's own result, because exceljs's
 * `row.values` copies drop a cached 0, false or '' (a formula never calculated has none: null).
 */
export interface XlsxSheet {
  sheet: string;
  sheets: string[];
  /** The rows the sheet holds (rows it leaves out are absent), with their sheet row numbers. */
  rows: (string | null)[][];
  rowNumbers: number[];
}

export async function readXlsxSheet(bytes: Uint8Array, name: string, sheet?: string): Promise<XlsxSheet> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  } catch (e) {
    throw badXlsx(name, e);
  }
  const sheets = wb.worksheets.map((w) => w.name);
  const ws = sheet === undefined ? wb.worksheets[0] : wb.getWorksheet(sheet);
  if (!ws) {
    const names = sheets.join(', ');
    const what = sheet === undefined ? 'has no worksheet' : `has no sheet named "${sheet}" (sheets: ${names})`;
    throw new DataError('bad-xlsx', `${name} ${what}.`, `${name} 中${sheet === undefined ? '没有工作表' : `没有名为“${sheet}”的工作表（现有：${names}）`}。`);
  }
  const rows: (string | null)[][] = [];
  const rowNumbers: number[] = [];
  try {
    readRows(ws, rows, rowNumbers);
  } catch (e) {
    throw badXlsx(name, e); // a damaged sheet part: exceljs fails inside, with its own words
  }
  return { sheet: ws.name, sheets, rows, rowNumbers };
}

/**
 * The refusal of a workbook exceljs cannot read: one sentence saying what to do; exceljs's own
 * message ("Corrupted zip…", "Cannot read properties of undefined…") only in the details.
 */
function badXlsx(name: string, e: unknown): DataError {
  return new DataError(
    'bad-xlsx',
    `${name} is not a readable XLSX workbook; open it in Excel or WPS and save it again as .xlsx.`,
    `${name} 不是可读的 XLSX 工作簿；请用 Excel 或 WPS 打开后重新另存为 .xlsx。`,
    internalDetails(e),
  );
}

function readRows(ws: ExcelJS.Worksheet, rows: (string | null)[][], rowNumbers: number[]): void {
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const width = (row.values as unknown[]).length - 1; // 1-based: values[0] is unused
    const cells = new Array<string | null>(Math.max(0, width)).fill(null);
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      cells[col - 1] = cell.type === ExcelJS.ValueType.Formula ? formulaText(cell) : cellText(cell.value);
    });
    rows.push(cells);
    rowNumbers.push(rowNumber);
  });
}

/**
 * A formula cell: its cached result, whatever it is (0, false and '' included). A formula never
 * calculated has no result; reading it as empty would make a value silently missing (issue 9,
 * class 2), so it reads as its formula text (`=B2+1`): a number, date, yes/no or code column then
 * reports the cell, quoting the formula, and the user knows to recalculate and save the file.
 */
function formulaText(cell: ExcelJS.Cell): string | null {
  const result = cell.result;
  if (result !== undefined && result !== null) return cellText(result);
  return `=${cell.formula ?? ''}`;
}

/**
 * A sheet as the shared raw table: the header row found even under a merged title row
 * (header-row.ts), every data row keeping its sheet row number, blank rows dropped.
 */
export function xlsxRawTable(s: XlsxSheet, name: string): RawTable {
  const { rows, rowNumbers } = s;
  const h = findHeaderRow(rows);
  if (h < 0) throw new DataError('empty', `${name} is empty: its sheet "${s.sheet}" has no header row and no data.`, `${name} 的工作表“${s.sheet}”为空，没有表头也没有数据。`);
  const headerCells = rows[h];
  const body = rows.slice(h + 1);
  const width = body.reduce((w, r) => Math.max(w, r.length), headerCells.length);
  const headers = Array.from({ length: width }, (_, j) => (headerCells[j] ?? '').trim());
  const table: RawTable = {
    headers,
    columns: headers.map((_, j) => body.map((r) => r[j] ?? null)),
    rowNumbers: rowNumbers.slice(h + 1),
    headerRowNumber: rowNumbers[h],
    source: { format: 'xlsx', sheet: s.sheet },
  };
  const kept = dropBlankRows(table);
  // A value beyond the last header: the row may be pasted one column off (row-width.ts).
  const issues = positionedWidthIssues(kept.columns, kept.headers, kept.rowNumbers);
  return issues.length ? { ...kept, widthIssues: issues } : kept;
}
