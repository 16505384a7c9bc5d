import { transfer } from 'comlink';
import { decodeTextFile } from '../../src/data/decode-text-file.ts';
import { DataError } from '../../src/data/errors.ts';
import { detectDelimiter, sniffFormat } from '../../src/data/text-sniff.ts';
import type { ParseOptions, ParseProgress, ParsedFile } from '../../src/protocol/import.ts';
import { jsonRows } from './json-rows.ts';
import { parquetRows } from './parquet-rows.ts';
import { readBlob } from './read-blob.ts';
import { rowsToIpc } from './rows-ipc.ts';

/**
 * Step 1 of an import (see src/import/protocol.ts): the format is chosen by content, as in the
 * CLI (PK → XLSX, PAR1 → Parquet, else text); text that starts with `[` is JSON. Text files are
 * decoded here (GB18030/GBK, UTF-16) and handed on as UTF-8 for DuckDB's `read_csv`.
 */
export async function parseFile(file: Blob, name: string, options: ParseOptions, progress: (p: ParseProgress) => void): Promise<ParsedFile> {
  const bytes = await readBlob(file, (fraction) => progress({ phase: 'reading', fraction }));
  const size = bytes.length;
  if (size === 0) throw new DataError('empty', `${name} is empty: it has no header row and no data.`, `${name} 是空文件，没有表头也没有数据。`);
  const format = sniffFormat(bytes);
  progress({ phase: 'parsing', fraction: NaN });
  if (format === 'xlsx') {
    const { xlsxRows } = await import('./xlsx-rows.ts'); // exceljs is large: loaded for XLSX only
    const { rows, sheet, sheets } = await xlsxRows(bytes, name, options.sheet);
    const ipc = rowsToIpc(rows);
    return transfer({ kind: 'arrow', format, size, ipc, sheet, sheets }, [ipc.buffer]);
  }
  if (format === 'parquet') {
    const ipc = rowsToIpc(await parquetRows(bytes, name));
    return transfer({ kind: 'arrow', format, size, ipc }, [ipc.buffer]);
  }
  progress({ phase: 'decoding', fraction: NaN });
  const { text, detected, encoding, rewritten } = decodeTextFile(bytes, name, options.encoding);
  if (/^\s*\[/.test(text.slice(0, 1024)) || /\.json$/i.test(name)) {
    const ipc = rowsToIpc(jsonRows(text, name));
    return transfer({ kind: 'arrow', format: 'json', size, ipc }, [ipc.buffer]);
  }
  const plain = encoding === 'utf-8' && detected.bomLength === 0 && !rewritten; // rewritten: mixed line endings unified
  const utf8 = plain ? bytes : new TextEncoder().encode(text);
  return transfer({ kind: 'csv', format: 'csv', size, utf8, delimiter: detectDelimiter(text), detectedEncoding: detected.encoding, encoding }, [utf8.buffer]);
}
