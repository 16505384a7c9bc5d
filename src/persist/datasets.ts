import type { Scenario } from '../engine/index.ts';
import type { ParseOptions, ImportFormat } from '../protocol/import.ts';
import type { MappingEdits } from '../import/mapping-memory.ts';
import { forgetAllEdits } from '../import/mapping-memory.ts';
import { idbAll, idbDelete, idbDestroy, idbGet, idbPut } from './idb.ts';

/**
 * The datasets kept on this computer (IndexedDB): each user file's original bytes with the
 * choices made on import (encoding, sheet, mapping edits, invalid-USCC option), so a reload or a
 * browser restart re-imports it exactly. The demo is not stored: it is regenerated.
 */
export interface StoredDataset {
  id: string;
  name: string;
  format: ImportFormat;
  size: number;
  addedAt: number;
  bytes: Blob;
  options: ParseOptions;
  edits: MappingEdits;
  keepInvalidUscc: boolean;
}

/** Metadata of a stored dataset for the list (without its bytes). */
export type DatasetInfo = Omit<StoredDataset, 'bytes'>;

export const DEMO_ID = 'demo';

export interface Session {
  /** The dataset shown: a stored id or DEMO_ID. */
  activeId: string;
  scenario?: Scenario;
}

export async function listDatasets(): Promise<DatasetInfo[]> {
  const all = await idbAll<StoredDataset>('datasets');
  return all.map(({ bytes: _b, ...info }) => info).sort((a, b) => a.addedAt - b.addedAt);
}

export const getDataset = (id: string) => idbGet<StoredDataset>('datasets', id);
export const saveDataset = (d: StoredDataset) => idbPut('datasets', d);
export const deleteDataset = (id: string) => idbDelete('datasets', id);
export const loadSession = () => idbGet<Session>('meta', 'session');
export const saveSession = (s: Session) => idbPut('meta', s, 'session');

/** "Clear all data on this computer": every stored file, session and remembered mapping. */
export async function clearAll(): Promise<void> {
  await idbDestroy();
  forgetAllEdits(localStorage);
}
