import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { DataError } from '../errors.ts';
import type { RawTable, TypedRawTable } from '../raw-table.ts';
import type { ColumnRead } from '../sql.ts';
import { sniffFormat } from '../text-sniff.ts';

export interface ReadOptions {
  /** XLSX: the sheet to read (default: the first). */
  sheet?: string;
}

/** Chooses what to read of each column once the headers are known (see column-reads.ts). */
export type ReadPlan = (headers: string[]) => ColumnRead[];

const ALL_TEXT: ReadPlan = (headers) => headers.map(() => 'text');

/**
 * Reads a data file into a raw table, choosing the reader by content (not by extension):
 * `PK\x03\x04` → XLSX, `PAR1` → Parquet, anything else → delimited text. Every failure is a
 * DataError with one sentence that names the file. `plan` decides, from the headers, which
 * columns CSV and Parquet read and how (default: every column as text); XLSX is read whole.
 */
export async function readDataFileTyped(path: string, options: ReadOptions, plan: ReadPlan): Promise<TypedRawTable> {
  const name = basename(path);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new DataError('not-found', `Input file ${path} does not exist.`, `输入文件 ${path} 不存在。`);
    if (code === 'EISDIR') throw new DataError('unreadable', `Input ${path} is a directory, not a file.`, `输入 ${path} 是目录，不是文件。`);
    throw new DataError('unreadable', `Input file ${path} cannot be read (${code ?? 'I/O error'}).`, `无法读取输入文件 ${path}（${code ?? 'I/O 错误'}）。`);
  }
  if (bytes.length === 0) throw new DataError('empty', `${name} is empty: it has no header row and no data.`, `${name} 是空文件，没有表头也没有数据。`);
  const format = sniffFormat(bytes);
  // Readers are loaded on demand: exceljs alone costs ~0.4 s of start-up a CSV run does not need.
  let table: TypedRawTable;
  if (format === 'xlsx') {
    const x = await import('../xlsx-sheet.ts');
    table = x.xlsxRawTable(await x.readXlsxSheet(bytes, name, options.sheet), name);
  } else if (format === 'parquet') table = await (await import('./read-parquet.ts')).readParquetTable(path, name, plan);
  else {
    const { readTextTable } = await import('./read-text.ts');
    const input: { bytes?: Uint8Array } = { bytes };
    // Handed over: readTextTable lets go of the bytes before DuckDB reads the file, so must this frame.
    // eslint-disable-next-line no-useless-assignment
    bytes = new Uint8Array(0);
    table = await readTextTable(path, input, name, plan);
  }
  if (table.headers.every((h) => h === '')) throw new DataError('no-header', `${name} has no header row.`, `${name} 没有表头行。`);
  return table;
}

/** The whole file as text cells (every column read as text). */
export async function readDataFile(path: string, options: ReadOptions = {}): Promise<RawTable> {
  return (await readDataFileTyped(path, options, ALL_TEXT)) as RawTable;
}
