import type { IndicatorSystem } from '../engine/types.ts';
import { exportSystem } from './system-json.ts';
import { parseSystem } from './schema.ts';

/** Where the editor's systems live in localStorage (a Map in tests). */
export const CUSTOM_SYSTEMS_STORAGE_KEY = 'ipw.systems.v1';

export interface SystemStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/**
 * The stored custom systems, each validated again (a stored text could have been edited by hand or
 * written by an older version); broken ones, and any that takes a preset's id, are dropped.
 */
export function readCustomSystems(store: SystemStore | null, isPreset: (id: string) => boolean): IndicatorSystem[] {
  try {
    const text = store?.getItem(CUSTOM_SYSTEMS_STORAGE_KEY);
    if (!text) return [];
    const arr: unknown = JSON.parse(text);
    if (!Array.isArray(arr)) return [];
    const seen = new Set<string>();
    return arr.flatMap((json) => {
      const r = parseSystem(json);
      if (!r.ok || isPreset(r.system.id) || seen.has(r.system.id)) return [];
      seen.add(r.system.id);
      return [r.system];
    });
  } catch {
    return [];
  }
}

/** Writes the set (canonical JSON, as exported); false when storage refused it (full, blocked). */
export function writeCustomSystems(store: SystemStore | null, systems: readonly IndicatorSystem[]): boolean {
  try {
    store?.setItem(CUSTOM_SYSTEMS_STORAGE_KEY, `[${systems.map((s) => exportSystem(s).trimEnd()).join(',')}]`);
    return store !== null;
  } catch {
    return false;
  }
}
