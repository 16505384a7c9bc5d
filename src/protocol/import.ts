/**
 * The typed protocol of the import worker (workers/import.worker.ts). A file goes through it in
 * two steps around DuckDB-wasm, which runs in its own worker behind the app's Connector:
 *   1. `parse`: the file's bytes → UTF-8 CSV bytes (text files, transcoded from GBK/UTF-16 here)
 *      or Arrow IPC of text columns (XLSX, Parquet, JSON; the header is the first row);
 *   2. the main thread hands those to DuckDB (`read_csv` / `insertArrowFromIPCStream`) and gets
 *      the raw table back as Arrow IPC, which `ingest` turns into the shared RawTable of src/data;
 *   3. `validate` maps, validates and reports with src/data's logic, for the mapping the user
 *      reviewed. Cancelling terminates the worker.
 */
import type { ColumnMapping, TextEncoding, ValidationReport } from '../data/index.ts';

export type ImportFormat = 'csv' | 'xlsx' | 'parquet' | 'json';

export interface ParseOptions {
  /** Text files: force this encoding instead of the detected one. */
  encoding?: TextEncoding;
  /** XLSX: the sheet to read (default: the first). */
  sheet?: string;
}

export interface ParseProgress {
  phase: 'reading' | 'decoding' | 'parsing';
  /** 0 … 1, or NaN when unknown. */
  fraction: number;
}

interface ParsedBase {
  format: ImportFormat;
  /** Size of the file in bytes. */
  size: number;
}

export interface ParsedCsv extends ParsedBase {
  kind: 'csv';
  /** The text as UTF-8 without BOM (transferred). */
  utf8: Uint8Array;
  delimiter: string;
  /** What the bytes look like, and what was used (differs when the user overrode it). */
  detectedEncoding: TextEncoding;
  encoding: TextEncoding;
}

export interface ParsedArrow extends ParsedBase {
  kind: 'arrow';
  /** Arrow IPC stream: text columns column0…, the header as the first row (transferred). */
  ipc: Uint8Array;
  sheet?: string;
  sheets?: string[];
}

export type ParsedFile = ParsedCsv | ParsedArrow;

export interface ImportPreview {
  headers: string[];
  headerRowNumber: number;
  rows: number;
  mapping: ColumnMapping;
  /** The first few cells of each column (personal-data columns: null, never shown). */
  samples: (string | null)[][];
}

export interface ValidateOptions {
  mapping: ColumnMapping;
  evalYear: number;
  keepInvalidUscc: boolean;
}

export interface ImportApi {
  parse(file: Blob, name: string, options: ParseOptions, onProgress: (p: ParseProgress) => void): Promise<ParsedFile>;
  /**
   * Takes the raw table's Arrow IPC (transferred), keeps the decoded table, and hands the same
   * bytes back (transferred): the main thread never copies them.
   */
  ingest(ipc: Uint8Array, required: string[], extensions: string[]): Promise<ImportPreview & { ipc: Uint8Array }>;
  /** The bytes back plus a copy of them (both transferred): the copy is made off the main thread. */
  duplicate(ipc: Uint8Array): Promise<{ original: Uint8Array; copy: Uint8Array }>;
  validate(options: ValidateOptions): Promise<ValidationReport>;
}
