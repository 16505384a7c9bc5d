import { transfer } from 'comlink';
import { decodeTextFile } from '../../src/data/decode-text-file.ts';
import { DataError } from '../../src/data/errors.ts';
import type { RawTable } from '../../src/data/raw-table.ts';
import { gridFromRows, tableFromGrid } from '../../src/data/text-grid.ts';
import { detectDelimiter, sniffFormat } from '../../src/data/text-sniff.ts';
import type { ImportFormat, ParseOptions, ParseProgress, ParsedCsv, ParsedTable } from '../../src/protocol/import.ts';
import { jsonRows } from './json-rows.ts';
import { parquetRows } from './parquet-rows.ts';
import { readBlob } from './read-blob.ts';

/** Rows of a table shown in the mapping review. */
const SAMPLE_ROWS = 5;

/**
 * Step 1 of an import (src/protocol/import.ts): the format is chosen by content, as in the CLI
 * (PK → XLSX, PAR1 → Parquet, else text); text that starts with `[` is JSON. Text files are
 * decoded here (GB18030/GBK, UTF-16) and handed on as UTF-8 for DuckDB's `read_csv`; the other
 * formats become the raw table here, which the worker keeps (`table`, not sent to the page).
 */
export async function parseFile(file: Blob, name: string, options: ParseOptions, progress: (p: ParseProgress) => void): Promise<ParsedCsv | (ParsedTable & { table: RawTable })> {
  const bytes = await readBlob(file, (fraction) => progress({ phase: 'reading', fraction }));
  const size = bytes.length;
  if (size === 0) throw new DataError('empty', `${name} is empty: it has no header row and no data.`, `${name} 是空文件，没有表头也没有数据。`);
  const format = sniffFormat(bytes);
  progress({ phase: 'parsing', fraction: NaN });
  if (format === 'xlsx') {
    const { xlsxRows } = await import('./xlsx-rows.ts'); // exceljs is large: loaded for XLSX only
    const { rows, sheet, sheets } = await xlsxRows(bytes, name, options.sheet);
    return { ...tableOf(rows, 'xlsx', size, name), sheet, sheets };
  }
  if (format === 'parquet') return tableOf(await parquetRows(bytes, name), 'parquet', size, name);
  progress({ phase: 'decoding', fraction: NaN });
  const { text, detected, encoding, rewritten } = decodeTextFile(bytes, name, options.encoding);
  if (/^\s*\[/.test(text.slice(0, 1024)) || /\.json$/i.test(name)) return tableOf(jsonRows(text, name), 'json', size, name);
  const plain = encoding === 'utf-8' && detected.bomLength === 0 && !rewritten; // rewritten: mixed line endings unified
  const utf8 = plain ? bytes : new TextEncoder().encode(text);
  return transfer({ kind: 'csv', format: 'csv', size, utf8, delimiter: detectDelimiter(text), detectedEncoding: detected.encoding, encoding }, [utf8.buffer]);
}

function tableOf(rows: (string | null)[][], format: ImportFormat, size: number, name: string): ParsedTable & { table: RawTable } {
  let table: RawTable;
  try {
    table = tableFromGrid(gridFromRows(rows), rows.length, { format: format === 'json' ? 'csv' : format });
  } catch {
    throw new DataError('empty', `${name} is empty: it has no header row and no data.`, `${name} 是空文件，没有表头也没有数据。`);
  }
  if (table.headers.every((h) => h === '')) throw new DataError('no-header', 'The file has no header row.', '文件没有表头行。');
  if (table.rowNumbers.length === 0) throw new DataError('no-rows', 'The file has a header row but no data rows.', '文件只有表头，没有数据行。');
  const sample = Array.from({ length: Math.min(SAMPLE_ROWS, table.rowNumbers.length) }, (_, i) => table.columns.map((c) => c[i]));
  return { kind: 'table', format, size, headers: table.headers, headerRowNumber: table.headerRowNumber, rows: table.rowNumbers.length, sample, table };
}
