import { DataError } from '../../src/data/errors.ts';
import { readXlsxSheet } from '../../src/data/xlsx-sheet.ts';

/**
 * An XLSX sheet → rows of text, one array per sheet row from row 1 (rows the sheet leaves out are
 * empty arrays), so the raw table numbers rows exactly as the sheet does. The cells come from the
 * one XLSX reader the CLI uses too (src/data/xlsx-sheet.ts).
 */
export async function xlsxRows(bytes: Uint8Array, name: string, sheet?: string): Promise<{ rows: (string | null)[][]; sheet: string; sheets: string[] }> {
  const s = await readXlsxSheet(bytes, name, sheet);
  if (s.rows.length === 0)
    throw new DataError('empty', `${name} is empty: its sheet "${s.sheet}" has no header row and no data.`, `${name} 的工作表“${s.sheet}”为空，没有表头也没有数据。`);
  const rows: (string | null)[][] = [];
  s.rows.forEach((cells, k) => {
    while (rows.length < s.rowNumbers[k] - 1) rows.push([]);
    rows.push(cells);
  });
  return { rows, sheet: s.sheet, sheets: s.sheets };
}
