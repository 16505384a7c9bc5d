import type { IndicatorSystem } from '../engine/types.ts';
import { exportSystem, importSystem } from './schema.ts';
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

/**
 * Systems defined at run time (the system editor, an imported bank model, the CLI's
 * `--system FILE.json`). Each JS realm has its own registry: the page registers its custom systems
 * and hands them to the workers (`ScoringApi.setCustomSystems`). `epoch` increases whenever a
 * custom system changes, so caches keyed by a scenario (which names a system by id only) can tell
 * that the same id now means other weights or formulas.
 */
const CUSTOM = new Map<string, { system: IndicatorSystem; json: string }>();
let epoch = 0;

export function isPresetSystem(id: string): boolean {
  return BY_ID.has(id);
}

/** The registry's change counter (see above). */
export function systemsEpoch(): number {
  return epoch;
}

/**
 * Adds or replaces a custom system after validating it; returns its errors (nothing registered)
 * or []. A preset's id cannot be taken.
 */
export function registerSystem(candidate: IndicatorSystem): string[] {
  if (BY_ID.has(candidate.id)) return [`id: "${candidate.id}" is the id of a preset system; choose another id`];
  const json = exportSystem(candidate);
  if (CUSTOM.get(candidate.id)?.json === json) return [];
  const r = importSystem(json);
  if (!r.ok) return r.errors;
  CUSTOM.set(candidate.id, { system: deepFreeze(r.system), json });
  epoch++;
  return [];
}

export function unregisterSystem(id: string): void {
  if (CUSTOM.delete(id)) epoch++;
}

/**
 * Makes `systems` the whole set of custom systems (a worker receiving the page's set): the others
 * are removed. Returns one message per refused system.
 */
export function setCustomSystems(systems: readonly IndicatorSystem[]): string[] {
  const keep = new Set(systems.map((s) => s.id));
  for (const id of [...CUSTOM.keys()]) if (!keep.has(id)) unregisterSystem(id);
  return systems.flatMap((s) => registerSystem(s).map((e) => `${s.id}: ${e}`));
}

/** Custom systems, in the order they were first registered. */
export function customSystems(): IndicatorSystem[] {
  return [...CUSTOM.values()].map((c) => c.system);
}

/** Presets first, then custom systems. */
export function listSystems(): IndicatorSystem[] {
  return [...PRESETS, ...customSystems()];
}

export function getSystem(id: string): IndicatorSystem | undefined {
  return BY_ID.get(id) ?? CUSTOM.get(id)?.system;
}

export { parseSystem, importSystem, exportSystem, formatPath, MAX_SYSTEM_FILE_BYTES, type ParseSystemResult } from './schema.ts';
export { checkSystem, WEIGHT_SUM_TOLERANCE } from './check-system.ts';
export { KNOWN_FIELDS, KNOWN_FIELD_IDS, knownField, type KnownField, type FieldType } from './known-fields.ts';
