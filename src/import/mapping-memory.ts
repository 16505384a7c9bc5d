import { setColumnField, type ColumnMapping } from '../data/mapping.ts';
import { headerHash } from './header-hash.ts';

/**
 * Remembered mapping edits: the columns a person mapped by hand, per header list. Stored in
 * localStorage (small, synchronous); a stale or foreign entry is ignored, never trusted blindly.
 */
export type MappingEdits = Record<number, string | null>;

const PREFIX = 'ipw.mapping.';

export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** The manual edits of a mapping (column index → field, or null for "not used"). */
export function manualEdits(mapping: ColumnMapping): MappingEdits {
  const out: MappingEdits = {};
  for (const c of mapping.columns) if (c.manual) out[c.index] = c.status === 'matched' || c.status === 'ambiguous' ? (c.field ?? null) : null;
  return out;
}

/** Re-applies edits to a fresh automatic mapping; edits that no longer fit are skipped. */
export function applyEdits(mapping: ColumnMapping, edits: MappingEdits): ColumnMapping {
  let m = mapping;
  for (const [index, field] of Object.entries(edits)) {
    try {
      m = setColumnField(m, Number(index), field);
    } catch {
      // a column that is personal data now, or an unknown field id: keep the automatic choice
    }
  }
  return m;
}

export function rememberEdits(store: KeyValueStore, headers: readonly string[], edits: MappingEdits): void {
  const key = PREFIX + headerHash(headers);
  if (Object.keys(edits).length === 0) store.removeItem(key);
  else store.setItem(key, JSON.stringify(edits));
}

export function recallEdits(store: KeyValueStore, headers: readonly string[]): MappingEdits {
  try {
    const parsed: unknown = JSON.parse(store.getItem(PREFIX + headerHash(headers)) ?? '{}');
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as MappingEdits) : {};
  } catch {
    return {};
  }
}

/** Removes every remembered mapping (part of "clear all data on this computer"). */
export function forgetAllEdits(store: KeyValueStore & { length: number; key(i: number): string | null }): void {
  const keys: string[] = [];
  for (let i = 0; i < store.length; i++) {
    const k = store.key(i);
    if (k?.startsWith(PREFIX)) keys.push(k);
  }
  for (const k of keys) store.removeItem(k);
}
