import type { HeaderWidth, RowWidthIssue } from '../data/row-width.ts';
import type { Scenario } from '../engine/index.ts';
import type { ParseOptions, ImportFormat } from '../protocol/import.ts';
import type { MappingEdits } from '../import/mapping-memory.ts';
import { forgetAllEdits } from '../import/mapping-memory.ts';
import { idbAll, idbDelete, idbDestroy, idbGet, idbPut } from './idb.ts';

/**
 * The datasets kept on this computer (IndexedDB). What is kept is what the user allowed: the
 * file's data rows as read (Arrow IPC of text columns), with every personal-data column emptied
 * before it is written, plus the choices made on import, so a reload or a browser restart scores
 * it again exactly. The original file is never stored. The demo is not stored: it is regenerated.
 */

/** What a stored or freshly opened file needs to be imported again exactly. */
export interface ImportChoices {
  options: ParseOptions;
  edits: MappingEdits;
  keepInvalidUscc: boolean;
}

export interface StoredDatasetInfo extends ImportChoices {
  id: string;
  name: string;
  format: ImportFormat;
  size: number;
  addedAt: number;
  /** The header texts (the grid holds the rows under the header only). */
  headers: string[];
  headerRowNumber: number;
  /** A CSV's header width (the grid then ends with each row's cell count, row-width.ts). */
  width?: HeaderWidth;
  /** XLSX, Parquet, JSON: rows with a value beyond the last header (the grid cannot tell). */
  widthIssues?: RowWidthIssue[];
}

export interface StoredDataset extends StoredDatasetInfo {
  /** Arrow IPC stream: one Utf8 column per header (column0…), personal-data columns all NULL. */
  grid: Blob;
}

/**
 * A record of the first version, which kept the original file's bytes (personal columns
 * included): it is imported from them once more, then replaced by a StoredDataset.
 */
export interface LegacyStoredDataset extends Omit<StoredDatasetInfo, 'headers' | 'headerRowNumber'> {
  bytes: Blob;
}

export type DatasetRecord = StoredDataset | LegacyStoredDataset;

/** Metadata of a stored dataset for the list. */
export type DatasetInfo = Pick<StoredDatasetInfo, 'id' | 'name' | 'format' | 'size' | 'addedAt'>;

export const DEMO_ID = 'demo';

export interface Session {
  /** The dataset shown: a stored id or DEMO_ID. */
  activeId: string;
  scenario?: Scenario;
  /** The saved scenario's name the current one came from (the header shows it after a reload). */
  scenarioName?: string;
}

export function isLegacy(r: DatasetRecord): r is LegacyStoredDataset {
  return 'bytes' in r;
}

export async function listDatasets(): Promise<DatasetInfo[]> {
  const all = await idbAll<DatasetRecord>('datasets');
  return all.map(({ id, name, format, size, addedAt }) => ({ id, name, format, size, addedAt })).sort((a, b) => a.addedAt - b.addedAt);
}

export const getDataset = (id: string) => idbGet<DatasetRecord>('datasets', id);
export const saveDataset = (d: StoredDataset) => idbPut('datasets', d);
export const deleteDataset = (id: string) => idbDelete('datasets', id);
export const loadSession = () => idbGet<Session>('meta', 'session');
export const saveSession = (s: Session) => idbPut('meta', s, 'session');

/** "Clear all data on this computer": every stored file, session and remembered mapping. */
export async function clearAll(): Promise<void> {
  await idbDestroy();
  forgetAllEdits(localStorage);
}
