/**
 * The typed protocol of the import worker (workers/import.worker.ts), which does every step of an
 * import but the CSV reading itself, and holds the file's table while the user reviews it:
 *   1. `parse`: the file's bytes → for a text file, UTF-8 CSV bytes (transcoded from GBK/UTF-16
 *      here) that DuckDB-wasm reads (src/import/grid-source.ts); for XLSX, Parquet and JSON, the
 *      raw table itself, kept here (DuckDB is not involved);
 *   2. CSV only: DuckDB's typed result (numbers as doubles, sparse text; only the mapped columns)
 *      is handed over with `hold`, once per set of columns the mapping reads;
 *   3. `validate` maps, validates and builds the dataset with src/data's logic and keeps it;
 *   4. `handOff` posts that dataset to the scoring worker on a MessagePort (typed arrays
 *      transferred), so it is decoded once and built once;
 *   5. `keep` stores the file on this computer without its personal-data columns.
 * Cancelling terminates the worker.
 */
import type { ArrowReadPlan, ColumnMapping, RowWidthIssue, TextEncoding, ValidationReport } from '../data/index.ts';
import type { ImportChoices, StoredDatasetInfo } from '../persist/datasets.ts';
import type { DatasetSource, LoadTimings } from './scoring.ts';

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

/** XLSX, Parquet, JSON: the worker holds the raw table; this is what the review shows of it. */
export interface ParsedTable extends ParsedBase {
  kind: 'table';
  headers: string[];
  headerRowNumber: number;
  rows: number;
  /** The first rows under the header, row-major. */
  sample: (string | null)[][];
  sheet?: string;
  sheets?: string[];
}

export type ParsedFile = ParsedCsv | ParsedTable;

export interface ImportPreview {
  headers: string[];
  headerRowNumber: number;
  mapping: ColumnMapping;
  /** The first few cells of each column (personal-data columns: null, never shown). */
  samples: (string | null)[][];
}

export interface HoldRequest {
  /** DuckDB's result of the typed query (src/data/typed-read.ts), transferred. */
  ipc: Uint8Array;
  plan: ArrowReadPlan;
  /** A stored dataset's rows of another width found when it was first read (XLSX…). */
  widthIssues?: RowWidthIssue[];
}

export interface ValidateOptions {
  mapping: ColumnMapping;
  evalYear: number;
  keepInvalidUscc: boolean;
}

export interface HandOffRequest {
  /** The scoring worker's end is given to its `adopt`. */
  port: MessagePort;
  source: DatasetSource;
  /** Steps timed on the page's side (reading the file, DuckDB), prepended to the worker's. */
  timings: LoadTimings;
}

export interface KeepRequest {
  info: StoredDatasetInfo;
  /** Personal-data columns (never stored: all NULL in the grid). */
  personal: number[];
  /** CSV: DuckDB's text grid with personal-data columns as NULL (transferred); else built here. */
  grid?: Uint8Array;
}

export interface ImportApi {
  parse(file: Blob, name: string, options: ParseOptions, onProgress: (p: ParseProgress) => void): Promise<ParsedFile>;
  /** Holds a typed table read by DuckDB; resolves to its number of data rows. */
  hold(req: HoldRequest): Promise<number>;
  validate(options: ValidateOptions): Promise<ValidationReport>;
  /** Posts the dataset of the last `validate` to the port (built again if it is gone). */
  handOff(req: HandOffRequest): Promise<void>;
  /** Drops a typed table DuckDB can read again (after the hand-off: memory). */
  release(): Promise<void>;
  /** Stores the dataset in IndexedDB: the grid without personal data, plus the import choices. */
  keep(req: KeepRequest): Promise<void>;
}

export type { ImportChoices };
