/**
 * The typed protocol of the Monte Carlo worker (workers/monte-carlo.worker.ts) in one file.
 * `load` hands over the population once (buffers transferred — each worker gets its own copy);
 * `run` scores samples [from, to) of a run for the given scenario and returns its partial
 * statistics (buffers transferred back); `cancel` makes a running `run` stop at its next yield
 * (≤ ~50 ms) and return what it has. `sobol` is the same for base samples [from, to) of a Sobol
 * run (one worker, one loaded population, for both analyses).
 */
import type { IndicatorSystem, NormalizationSpec, Prepared, Toggles } from '../engine/index.ts';
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

/**
 * What the workers re-score of a prepared matrix (engine/prepare.ts): the normalised values and the
 * bonus points and vetoes, for one normalisation.
 */
export interface PreparedMatrix {
  normalization: NormalizationSpec;
  s: Float64Array;
  bonusPoints: Float64Array[];
  veto: Uint8Array[];
}

export interface McLoadInput {
  system: IndicatorSystem;
  n: number;
  /** Canonical numeric columns of the population (NaN = missing). */
  columns: Record<string, Float64Array>;
  stage: Uint8Array;
  groups?: McGroupsInput;
  /**
   * The scenario's matrix, prepared from these columns by the sender (the scoring worker has it
   * already, as the command line has): the workers keep it instead of preparing it again, and
   * prepare from the columns only for other normalisations (sampled methods or percentiles).
   */
  matrix?: PreparedMatrix;
}

/** A copy of what the workers need of `p`, a Prepared or a matrix (they own what they receive; `p` stays the sender's). */
export function preparedMatrix(p: PreparedMatrix): PreparedMatrix {
  return { normalization: { ...p.normalization }, s: p.s.slice(), bonusPoints: p.bonusPoints.map((c) => c.slice()), veto: p.veto.map((c) => c.slice()) };
}

/**
 * The load's matrix as a Prepared for the re-scoring code. It has no raw values, reports or bonus
 * counts: Monte Carlo and Sobol read only `s`, the stages, the bonus points and the vetoes.
 */
export function preparedFromMatrix(input: McLoadInput, m: PreparedMatrix): Prepared {
  const k = input.system.indicators.length;
  if (m.s.length !== input.n * k) throw new Error(`Monte Carlo: the matrix has ${m.s.length} values, expected ${input.n} × ${k}`);
  const { bonus, vetoes } = input.system;
  const columnsFit = (cols: ArrayLike<number>[], count: number) => cols.length === count && cols.every((c) => c.length === input.n);
  if (!columnsFit(m.bonusPoints, bonus.length) || !columnsFit(m.veto, vetoes.length)) {
    throw new Error(`Monte Carlo: the matrix's bonus or veto columns do not fit ${bonus.length} bonus items and ${vetoes.length} vetoes of ${input.n} rows`);
  }
  return {
    n: input.n,
    k,
    system: input.system,
    stage: input.stage,
    normalization: m.normalization,
    raw: [],
    s: m.s,
    report: [],
    bonusCounts: [],
    bonusPoints: m.bonusPoints,
    veto: m.veto,
  };
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
  if (input.matrix) bufs.push(input.matrix.s.buffer, ...input.matrix.bonusPoints.map((c) => c.buffer), ...input.matrix.veto.map((c) => c.buffer));
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
    ...(input.matrix ? { matrix: preparedMatrix(input.matrix) } : {}),
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
