import ExcelJS from 'exceljs';
import { cellText } from '../cell-text.ts';
import { DataError } from '../errors.ts';
import { findHeaderRow } from '../header-row.ts';
import { dropBlankRows, type RawTable } from '../raw-table.ts';

/**
 * An XLSX workbook (first sheet unless `sheet` names another). The header row is found even under
 * a merged title row (header-row.ts); every data row keeps its sheet row number. Cells become text
 * (cell-text.ts: dates as YYYY-MM-DD from their UTC parts, formulas as their cached result).
 */
export async function readXlsxTable(bytes: Uint8Array, name: string, sheet?: string): Promise<RawTable> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  } catch (e) {
    const why = e instanceof Error ? e.message.split('\n')[0] : String(e);
    throw new DataError('bad-xlsx', `${name} is not a readable XLSX workbook (${why}).`, `${name} 不是可读的 XLSX 工作簿（${why}）。`);
  }
  const ws = sheet === undefined ? wb.worksheets[0] : wb.getWorksheet(sheet);
  if (!ws) {
    const names = wb.worksheets.map((w) => w.name).join(', ');
    const what = sheet === undefined ? 'has no worksheet' : `has no sheet named "${sheet}" (sheets: ${names})`;
    throw new DataError('bad-xlsx', `${name} ${what}.`, `${name} 中${sheet === undefined ? '没有工作表' : `没有名为“${sheet}”的工作表（现有：${names}）`}。`);
  }
  const rows: (string | null)[][] = [];
  const numbers: number[] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values = row.values as unknown[]; // 1-based: values[0] is unused
    const cells: (string | null)[] = [];
    for (let j = 1; j < values.length; j++) cells.push(cellText(values[j]));
    rows.push(cells);
    numbers.push(rowNumber);
  });
  const h = findHeaderRow(rows);
  if (h < 0) throw new DataError('empty', `${name} is empty: its sheet "${ws.name}" has no header row and no data.`, `${name} 的工作表“${ws.name}”为空，没有表头也没有数据。`);
  const headerCells = rows[h];
  const body = rows.slice(h + 1);
  const width = body.reduce((w, r) => Math.max(w, r.length), headerCells.length);
  const headers = Array.from({ length: width }, (_, j) => (headerCells[j] ?? '').trim());
  const table: RawTable = {
    headers,
    columns: headers.map((_, j) => body.map((r) => r[j] ?? null)),
    rowNumbers: numbers.slice(h + 1),
    headerRowNumber: numbers[h],
    source: { format: 'xlsx', sheet: ws.name },
  };
  return dropBlankRows(table);
}
