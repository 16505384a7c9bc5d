import { DataError } from './errors.ts';
import { decodeText, detectEncoding, hasMixedLineEndings, looksBinary, unifyLineEndings, type DetectedEncoding, type TextEncoding } from './text-sniff.ts';

/**
 * A delimited text file's bytes → its text, with the checks every reader applies (the CLI's
 * node/read-text.ts and the workbench's import worker): binary content and undecodable bytes are
 * refused with one sentence naming the file. `override` forces an encoding (the user's choice in
 * the workbench); a BOM is still skipped when it matches.
 */
export interface DecodedText {
  text: string;
  /** What the bytes look like (before any override). */
  detected: DetectedEncoding;
  /** The encoding used. */
  encoding: TextEncoding;
  /**
   * True when `text` is not the bytes' text as is: mixed line endings were unified to LF
   * (text-sniff.ts hasMixedLineEndings), so a reader must hand DuckDB `text`, not the bytes.
   */
  rewritten: boolean;
}

const BINARY = (name: string) =>
  new DataError('binary', `${name} is not a CSV, XLSX or Parquet file (its content is binary).`, `${name} 不是 CSV、XLSX 或 Parquet 文件（内容为二进制）。`);

export function encodingFor(detected: DetectedEncoding, override?: TextEncoding): DetectedEncoding {
  if (override === undefined || override === detected.encoding) return detected;
  return { encoding: override, bomLength: 0 };
}

export function decodeTextFile(bytes: Uint8Array, name: string, override?: TextEncoding): DecodedText {
  const detected = detectEncoding(bytes);
  const used = encodingFor(detected, override);
  if (!used.encoding.startsWith('utf-16') && bytes.subarray(0, 8192).includes(0)) throw BINARY(name);
  let text: string;
  try {
    text = decodeText(bytes, used);
  } catch {
    throw new DataError(
      'encoding',
      `${name} is neither a CSV, XLSX or Parquet file nor text in UTF-8 or GB18030/GBK.`,
      `${name} 既不是 CSV、XLSX 或 Parquet 文件，也不是 UTF-8 或 GB18030/GBK 编码的文本。`,
    );
  }
  if (looksBinary(text)) throw BINARY(name);
  if (text.trim() === '') throw new DataError('empty', `${name} is empty: it has no header row and no data.`, `${name} 是空文件，没有表头也没有数据。`);
  if (hasMixedLineEndings(text)) return { text: unifyLineEndings(text), detected, encoding: used.encoding, rewritten: true };
  return { text, detected, encoding: used.encoding, rewritten: false };
}
