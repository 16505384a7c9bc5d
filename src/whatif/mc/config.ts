import { NORMALIZATION_METHODS, type NormalizationMethod } from '../../engine/index.ts';
import { checkListRule, type ListRule } from '../lists/list-rule.ts';

/**
 * How each Monte Carlo sample draws its weights (per stage, independently):
 * - `perturb`: w'ᵢ = wᵢ·(1 + x·(2u − 1)), u ~ U[0,1), then w' / Σw' (a zero weight stays zero).
 * - `simplex`: uniform over { w ≥ 0, Σw = 1, lowerᵢ ≤ wᵢ ≤ upperᵢ }. Bounds are `stages × k`
 *   arrays (`[stage·k + i]`); default: [0, 1] for every indicator weighted in the scenario, [0, 0]
 *   for the others. Drawn exactly: Dirichlet(1) on the simplex shifted by the lower bounds, then
 *   rejection of draws above an upper bound (see sample-weights.ts).
 */
export type WeightSampling = { mode: 'perturb'; spread: number } | { mode: 'simplex'; lower?: ArrayLike<number>; upper?: ArrayLike<number> };

export interface McConfig {
  /** Total number of samples of the run (all chunks together). */
  samples: number;
  weights: WeightSampling;
  /** Normalisation methods drawn uniformly per sample; default: the scenario's method only. */
  methods?: NormalizationMethod[];
  /** Winsorisation percentile pairs [lower, upper] drawn uniformly per sample; default: the scenario's. */
  quantiles?: [number, number][];
  /** Which rank the intervals describe: over the population (default) or within the row's stage. */
  rank?: 'overall' | 'stage';
  /** Thresholds N of "probability of top N" (overall or stage rank as `rank` says); default [10, 100]. */
  topN?: number[];
  /** A list rule whose membership probability is reported. */
  list?: ListRule;
  /** Rows whose scenario rank is ≤ this keep every sampled rank (exact quantiles); default 1000. */
  exactTop?: number;
  /** Upper bound on rank-histogram bins per row; default from a 32 MB budget (see rank-bins.ts). */
  maxBins?: number;
}

export const DEFAULT_TOP_N = [10, 100];
export const DEFAULT_EXACT_TOP = 1000;
/** Cap on exact ranks kept (rows × samples): 4M Int32 = 16 MB. */
export const MAX_EXACT_CELLS = 4_000_000;
export const HISTOGRAM_BUDGET_BYTES = 32 * 1024 * 1024;

/** Throws one clear sentence for a config that cannot run. */
export function checkConfig(config: McConfig, stages: number, k: number): void {
  const bad = (msg: string) => {
    throw new Error(`Monte Carlo: ${msg}`);
  };
  if (!(Number.isInteger(config.samples) && config.samples >= 1 && config.samples <= 10_000_000)) bad(`samples must be a whole number in 1..10,000,000, got ${config.samples}`);
  const w = config.weights;
  if (w.mode === 'perturb') {
    if (!(w.spread >= 0 && w.spread <= 1)) bad(`spread must be in 0..1 (±100%), got ${w.spread}`);
  } else if (w.mode === 'simplex') {
    for (const [name, b] of [
      ['lower', w.lower],
      ['upper', w.upper],
    ] as const) {
      if (b === undefined) continue;
      if (b.length !== stages * k) bad(`${name} bounds need ${stages}×${k} values, got ${b.length}`);
      for (let j = 0; j < b.length; j++) if (!(b[j] >= 0 && b[j] <= 1)) bad(`${name} bound #${j} must be in 0..1, got ${b[j]}`);
    }
  } else bad(`unknown weight sampling mode "${(w as { mode: string }).mode}"`);
  for (const m of config.methods ?? []) if (!NORMALIZATION_METHODS.includes(m)) bad(`unknown normalisation method "${m}"`);
  if (config.methods && config.methods.length === 0) bad('methods, when given, must list at least one method');
  for (const q of config.quantiles ?? []) if (!(q.length === 2 && q[0] >= 0 && q[1] <= 1 && q[0] < q[1])) bad(`percentile pair [${q}] must satisfy 0 ≤ lower < upper ≤ 1`);
  if (config.quantiles && config.quantiles.length === 0) bad('quantiles, when given, must list at least one pair');
  for (const t of config.topN ?? []) if (!(Number.isInteger(t) && t >= 1)) bad(`topN thresholds must be whole numbers ≥ 1, got ${t}`);
  if (config.rank !== undefined && config.rank !== 'overall' && config.rank !== 'stage') bad(`rank must be "overall" or "stage"`);
  if (config.exactTop !== undefined && !(Number.isInteger(config.exactTop) && config.exactTop >= 0)) bad(`exactTop must be a whole number ≥ 0`);
  if (config.maxBins !== undefined && !(Number.isInteger(config.maxBins) && config.maxBins >= 2 && config.maxBins <= 65535)) bad('maxBins must be a whole number in 2..65535');
  if (config.list) checkListRule(config.list);
}

/** A stable text key of (config, seed, n): partial results merge only when their keys agree. */
export function runKey(config: McConfig, seed: number, n: number): string {
  const plain = (a: ArrayLike<number> | undefined) => (a === undefined ? null : Array.from(a));
  const w = config.weights;
  return JSON.stringify({
    n,
    seed,
    samples: config.samples,
    weights: w.mode === 'perturb' ? w : { mode: w.mode, lower: plain(w.lower), upper: plain(w.upper) },
    methods: config.methods ?? null,
    quantiles: config.quantiles ?? null,
    rank: config.rank ?? 'overall',
    topN: config.topN ?? DEFAULT_TOP_N,
    list: config.list ?? null,
    exactTop: config.exactTop ?? DEFAULT_EXACT_TOP,
    maxBins: config.maxBins ?? null,
  });
}
