import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataError, internalDetails } from '../errors.ts';
import type { RawSource, TypedRawTable } from '../raw-table.ts';
import { readCsvSql, type ColumnRead } from '../sql.ts';
import { gridTypedSql, readGridHeader } from '../typed-read.ts';
import { decodeTextFile } from '../decode-text-file.ts';
import { detectDelimiter } from '../text-sniff.ts';
import { TypedTableBuilder } from '../typed-columns.ts';
import { withDuckDB } from './duckdb-query.ts';
import { typedChunkReader } from './typed-chunk.ts';

interface DecodedInput {
  delimiter: ',' | '\t' | ';';
  source: RawSource;
  /** The text to transcode into a UTF-8 file for DuckDB (undefined: DuckDB reads the file). */
  transcoded: { text: string } | undefined;
}

/**
 * Checks and decodes the file's bytes, keeping only what the DuckDB read needs. Synchronous, and
 * it takes the bytes out of `input`, so neither the bytes nor their decoded text (about 1 GB for
 * a 350 MB UTF-8 file: the text is UTF-16) stay reachable while DuckDB reads the file. Anything
 * but plain UTF-8 as written (another encoding, a BOM, mixed line endings unified) is transcoded.
 */
function decodeInput(input: { bytes?: Uint8Array }, name: string): DecodedInput {
  const bytes = input.bytes ?? new Uint8Array(0);
  input.bytes = undefined;
  const { text, detected, rewritten } = decodeTextFile(bytes, name);
  const delimiter = detectDelimiter(text);
  const plain = detected.encoding === 'utf-8' && detected.bomLength === 0 && !rewritten;
  return { delimiter, source: { format: 'csv', encoding: detected.encoding, delimiter }, transcoded: plain ? undefined : { text } };
}

/**
 * A delimited text file (CSV / TSV / semicolon): the encoding is detected from the bytes
 * (UTF-8 with or without BOM, UTF-16 with BOM, else GB18030, a superset of GBK); anything but
 * plain UTF-8 is transcoded to a UTF-8 temporary file, then native DuckDB reads it twice: the
 * first rows as text to find the header row and the headers, then one typed query with only the
 * columns `plan` asks for (numbers as doubles plus the text of cells that are not plain), each
 * row's cell count passed through so a row of another width is reported (row-width.ts).
 * Row numbers: the header is row 1 (or the row found under title rows), each record after it one
 * more (a blank line in the file is skipped and not counted; a row of empty cells is counted).
 */
export async function readTextTable(path: string, input: { bytes?: Uint8Array }, name: string, plan: (headers: string[]) => ColumnRead[]): Promise<TypedRawTable> {
  const { delimiter, source, transcoded } = decodeInput(input, name);
  const dir = transcoded ? await mkdtemp(join(tmpdir(), 'ipw-csv-')) : undefined;
  try {
    let file = path;
    if (dir && transcoded) {
      file = join(dir, 'input.csv');
      await writeFile(file, transcoded.text, 'utf8');
      transcoded.text = '';
    }
    return await withDuckDB(async (db) => {
      const from = readCsvSql(file, { delimiter });
      const header = await readGridHeader(from, (sql) => db.query(sql));
      if (!header) throw new DataError('empty', `${name} is empty: it has no header row and no data.`, `${name} 是空文件，没有表头也没有数据。`);
      const reads = plan(header.headers);
      const builder = new TypedTableBuilder(reads, header.index + 2, header.width);
      const view = typedChunkReader(reads, header.width !== undefined);
      await db.stream(gridTypedSql(from, header, reads), (chunk) => builder.add(view(chunk)));
      return builder.finish(header.headers, header.index + 1, source);
    }).catch((e: unknown) => {
      if (e instanceof DataError) throw e;
      // DuckDB's own message ("Error when sniffing file …") is for --verbose only.
      throw new DataError(
        'bad-csv',
        `${name} could not be read as CSV; save it as comma-, semicolon- or tab-separated text (UTF-8 or GBK), or as .xlsx.`,
        `${name} 无法按 CSV 读取；请另存为以逗号、分号或制表符分隔的文本（UTF-8 或 GBK），或另存为 .xlsx。`,
        internalDetails(e),
      );
    });
  } finally {
    if (dir) await rm(dir, { recursive: true, force: true });
  }
}
