import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataError } from '../errors.ts';
import { findHeaderRow } from '../header-row.ts';
import { dropBlankRows, rawTableFromRows, type RawTable } from '../raw-table.ts';
import { readCsvSql } from '../sql.ts';
import { decodeTextFile } from '../decode-text-file.ts';
import { detectDelimiter } from '../text-sniff.ts';
import { withDuckDB } from './duckdb-query.ts';

/**
 * A delimited text file (CSV / TSV / semicolon): the encoding is detected from the bytes
 * (UTF-8 with or without BOM, UTF-16 with BOM, else GB18030, a superset of GBK); anything but
 * plain UTF-8 is transcoded to a UTF-8 temporary file, then native DuckDB reads every cell as
 * VARCHAR. Row numbers: the header is row 1 (or the row found under title rows), each record
 * after it one more (a blank line in the file is skipped and not counted).
 */
export async function readTextTable(path: string, bytes: Uint8Array, name: string): Promise<RawTable> {
  const { text, detected } = decodeTextFile(bytes, name);
  const delimiter = detectDelimiter(text);
  const plain = detected.encoding === 'utf-8' && detected.bomLength === 0;
  const dir = plain ? undefined : await mkdtemp(join(tmpdir(), 'ipw-csv-'));
  try {
    let source = path;
    if (dir) {
      source = join(dir, 'input.csv');
      await writeFile(source, text, 'utf8');
    }
    const rows = await withDuckDB(async (query) => (await query(readCsvSql(source, { delimiter }))).rows).catch((e: unknown) => {
      const why = e instanceof Error ? e.message.split('\n')[0] : String(e);
      throw new DataError('bad-csv', `${name} could not be read as CSV (${why}).`, `${name} 无法按 CSV 读取（${why}）。`);
    });
    const h = findHeaderRow(rows);
    if (h < 0) throw new DataError('empty', `${name} is empty: it has no header row and no data.`, `${name} 是空文件，没有表头也没有数据。`);
    const table = rawTableFromRows(rows.slice(h), { format: 'csv', encoding: detected.encoding, delimiter }, h + 1);
    return dropBlankRows(table);
  } finally {
    if (dir) await rm(dir, { recursive: true, force: true });
  }
}
