import ExcelJS from 'exceljs';
import { cellText } from '../../src/data/cell-text.ts';
import { DataError } from '../../src/data/errors.ts';

/**
 * An XLSX sheet → rows of text, one array per sheet row from row 1 (rows the sheet leaves out are
 * empty arrays), so the raw table numbers rows exactly as the sheet does. Cells become text as in
 * the CLI's reader (src/data/cell-text.ts: dates YYYY-MM-DD, formulas their cached result).
 */
export async function xlsxRows(bytes: Uint8Array, name: string, sheet?: string): Promise<{ rows: (string | null)[][]; sheet: string; sheets: string[] }> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  } catch (e) {
    const why = e instanceof Error ? e.message.split('\n')[0] : String(e);
    throw new DataError('bad-xlsx', `${name} is not a readable XLSX workbook (${why}).`, `${name} 不是可读的 XLSX 工作簿（${why}）。`);
  }
  const sheets = wb.worksheets.map((w) => w.name);
  const ws = sheet === undefined ? wb.worksheets[0] : wb.getWorksheet(sheet);
  if (!ws) throw new DataError('bad-xlsx', `${name} has no sheet named "${sheet ?? ''}".`, `${name} 中没有名为“${sheet ?? ''}”的工作表。`);
  const rows: (string | null)[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    while (rows.length < rowNumber - 1) rows.push([]);
    const values = row.values as unknown[]; // 1-based
    const cells: (string | null)[] = [];
    for (let j = 1; j < values.length; j++) cells.push(cellText(values[j]));
    rows.push(cells);
  });
  if (rows.length === 0) throw new DataError('empty', `${name} is empty: its sheet "${ws.name}" has no header row and no data.`, `${name} 的工作表“${ws.name}”为空，没有表头也没有数据。`);
  return { rows, sheet: ws.name, sheets };
}
