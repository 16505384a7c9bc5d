import { proxy, transfer, type Remote } from 'comlink';
import type { Connector } from '../db/connector.ts';
import { loadIntoDuckDB } from './duckdb-load.ts';
import type { ImportApi, ImportPreview, ParseOptions, ParseProgress, ParsedFile } from '../protocol/import.ts';

/** What the user sees about a file once it is parsed (the encoding, the sheet, …). */
export interface FileFacts {
  name: string;
  size: number;
  format: ParsedFile['format'];
  encoding?: string;
  detectedEncoding?: string;
  delimiter?: string;
  sheet?: string;
  sheets?: string[];
}

export interface Opened {
  facts: FileFacts;
  preview: ImportPreview;
  /** The raw table as DuckDB returned it (kept for the scoring worker). */
  ipc: Uint8Array;
}

/**
 * Steps 1–2 of an import (src/import/protocol.ts): parse in the import worker, read through
 * DuckDB-wasm, and hand a copy of the result to the worker, which keeps the raw table and
 * answers with the automatic mapping and a few sample cells.
 */
export async function openFile(
  api: Remote<ImportApi>,
  db: Connector,
  file: Blob,
  name: string,
  options: ParseOptions,
  need: { required: string[]; extensions: string[] },
  onProgress: (p: ParseProgress | { phase: 'duckdb' | 'mapping'; fraction: number }) => void,
): Promise<Opened> {
  const parsed = await api.parse(file, name, options, proxy(onProgress));
  const facts: FileFacts =
    parsed.kind === 'csv'
      ? { name, size: parsed.size, format: parsed.format, encoding: parsed.encoding, detectedEncoding: parsed.detectedEncoding, delimiter: parsed.delimiter }
      : { name, size: parsed.size, format: parsed.format, ...(parsed.sheet ? { sheet: parsed.sheet } : {}), ...(parsed.sheets ? { sheets: parsed.sheets } : {}) };
  onProgress({ phase: 'duckdb', fraction: NaN });
  const ipc = await loadIntoDuckDB(db, parsed);
  onProgress({ phase: 'mapping', fraction: NaN });
  // The bytes go to the import worker and come back (both transferred): copying a 1M-row table
  // here stalled the page for ~0.8 s.
  const { ipc: back, ...preview } = await api.ingest(transfer(ipc, [ipc.buffer]), need.required, need.extensions);
  return { facts, preview, ipc: back };
}
