/**
 * The typed protocol of the Monte Carlo worker (workers/monte-carlo.worker.ts) in one file.
 * `load` hands over the population once (buffers transferred — each worker gets its own copy);
 * `run` scores samples [from, to) of a run for the given scenario and returns its partial
 * statistics (buffers transferred back); `cancel` makes a running `run` stop at its next yield
 * (≤ ~50 ms) and return what it has. `sobol` is the same for base samples [from, to) of a Sobol
 * run (one worker, one loaded population, for both analyses).
 */
import type { IndicatorSystem, NormalizationSpec, Toggles } from '../engine/index.ts';
import type { McConfig } from '../whatif/mc/config.ts';
import type { PartialStats } from '../whatif/mc/partial-stats.ts';
import type { SobolConfig } from '../whatif/sobol/config.ts';
import type { SobolPartial } from '../whatif/sobol/partial.ts';

export interface McGroupsInput {
  techField?: { codes: Uint16Array | Int32Array; values: string[] };
  city?: { codes: Uint16Array | Int32Array; values: string[] };
  /** The segment (1 = in it): ranks are within it and the list is drawn from it. */
  within?: Uint8Array;
}

export interface McLoadInput {
  system: IndicatorSystem;
  n: number;
  /** Canonical numeric columns of the population (NaN = missing). */
  columns: Record<string, Float64Array>;
  stage: Uint8Array;
  groups?: McGroupsInput;
}

export interface McRunInput {
  /** The scenario: its normalisation, weights `w[stage·k + i]` and bonus/veto switches. */
  normalization: NormalizationSpec;
  weights: Float64Array;
  toggles: Toggles;
  config: McConfig;
  seed: number;
  from: number;
  to: number;
}

/** A Sobol run's share: base samples [from, to) of `config.samples`. */
export interface SobolRunInput extends Omit<McRunInput, 'config'> {
  config: SobolConfig;
}

export interface McWorkerApi {
  load(input: McLoadInput): Promise<void> | void;
  run(input: McRunInput, onProgress?: (done: number, total: number) => void): Promise<PartialStats>;
  sobol(input: SobolRunInput, onProgress?: (done: number, total: number) => void): Promise<SobolPartial>;
  cancel(): Promise<void> | void;
}

/** Every buffer of a load input (for a transfer list). */
export function loadBuffers(input: McLoadInput): ArrayBuffer[] {
  const bufs: ArrayBufferLike[] = [...Object.values(input.columns).map((c) => c.buffer), input.stage.buffer];
  if (input.groups?.techField) bufs.push(input.groups.techField.codes.buffer);
  if (input.groups?.city) bufs.push(input.groups.city.codes.buffer);
  if (input.groups?.within) bufs.push(input.groups.within.buffer);
  return [...new Set(bufs)] as ArrayBuffer[];
}

/** A deep copy of a load input (each worker receives and owns its own buffers). */
export function copyLoadInput(input: McLoadInput): McLoadInput {
  const columns: Record<string, Float64Array> = {};
  for (const [k, v] of Object.entries(input.columns)) columns[k] = v.slice();
  const g = input.groups;
  return {
    system: input.system,
    n: input.n,
    columns,
    stage: input.stage.slice(),
    ...(g
      ? {
          groups: {
            ...(g.techField ? { techField: { codes: g.techField.codes.slice(), values: [...g.techField.values] } } : {}),
            ...(g.city ? { city: { codes: g.city.codes.slice(), values: [...g.city.values] } } : {}),
            ...(g.within ? { within: g.within.slice() } : {}),
          },
        }
      : {}),
  };
}
