import type { IndicatorSystem } from '../engine/types.ts';
import { sichuan2024 } from './sichuan-2024.ts';
import { torch2021 } from './torch-2021.ts';
import { jilin20 } from './jilin-2.0.ts';
import { jiangxi2025 } from './jiangxi-2025.ts';

/**
 * The preset indicator systems. They are frozen (deeply): a caller that wants to edit one works
 * on a copy (`structuredClone`, or `importSystem(exportSystem(s))`). Every preset passes
 * `parseSystem`; tests/systems/presets.test.ts asserts it, so nothing is re-validated at run time.
 */

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

const PRESETS: readonly IndicatorSystem[] = [sichuan2024, torch2021, jilin20, jiangxi2025].map(deepFreeze);
const BY_ID = new Map(PRESETS.map((s) => [s.id, s]));

/** Preset ids, the default (Sichuan, scoring.md §7) first. */
export const SYSTEM_IDS: readonly string[] = Object.freeze(PRESETS.map((s) => s.id));

export function listSystems(): IndicatorSystem[] {
  return [...PRESETS];
}

export function getSystem(id: string): IndicatorSystem | undefined {
  return BY_ID.get(id);
}

export { parseSystem, importSystem, exportSystem, formatPath, type ParseSystemResult } from './schema.ts';
export { checkSystem, WEIGHT_SUM_TOLERANCE } from './check-system.ts';
export { KNOWN_FIELDS, KNOWN_FIELD_IDS, knownField, type KnownField, type FieldType } from './known-fields.ts';
