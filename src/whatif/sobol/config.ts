import { checkListRule, type ListRule } from '../lists/list-rule.ts';
import type { WeightSampling } from '../mc/config.ts';

/**
 * A variance-based (Sobol) sensitivity run over the weights.
 *
 * Factor space. There is one factor per indicator (d = k; 18 for the published systems): factor i
 * is u_i ~ U[0, 1), independent of the others, and it scales indicator i's weight in EVERY stage by
 * the Monte Carlo `perturb` multiplier (1 + x·(2u_i − 1)); each stage's weights are then divided by
 * their sum (perturbStageFrom). So "the weight of indicator i" is one uncertain quantity, as a
 * policy reader means it, and the indices say how much of an output's variance it explains.
 * (Monte Carlo's perturb draws a separate u per stage and indicator; Sobol ties them so that the
 * factors are the indicators.) A factor whose weight is zero in every stage, or a spread of 0,
 * changes nothing: its indices are exactly 0.
 *
 * `simplex` sampling is refused: it draws a stage's weights jointly on { Σw = 1 }, so the inputs
 * are dependent and the Sobol decomposition (which needs independent factors) does not apply.
 */
export interface SobolConfig {
  /** N, the base sample size: the run scores N·(d + 2) weight vectors. */
  samples: number;
  weights: WeightSampling;
  /** Which rank the outputs use: over the population (default) or within the row's stage. */
  rank?: 'overall' | 'stage';
  /** The chosen list: output (b) counts rows entering or leaving it (omitted without a rule). */
  list?: ListRule;
  /**
   * Indicators (0-based, system order) whose weight is held at the scenario's: their factor sits
   * at u = ½ (multiplier 1) at every design point, so their indices are exactly 0.
   */
  fixed?: number[];
}

/** The scalar outputs, in the order their values are stored. */
export const SOBOL_OUTPUTS = ['meanRankShift', 'listChurn'] as const;
export type SobolOutputId = (typeof SOBOL_OUTPUTS)[number];

/** Largest N: the design and the scalar outputs are stored per base sample. */
export const MAX_SOBOL_SAMPLES = 1_000_000;

/** Throws one clear sentence for a config that cannot run. */
export function checkSobolConfig(config: SobolConfig, n: number, d: number): void {
  const bad = (msg: string) => {
    throw new Error(`Sobol: ${msg}`);
  };
  if (!(Number.isInteger(config.samples) && config.samples >= 2 && config.samples <= MAX_SOBOL_SAMPLES)) {
    bad(`the base sample size N must be a whole number in 2..${MAX_SOBOL_SAMPLES.toLocaleString('en')}, got ${config.samples}`);
  }
  const w = config.weights;
  if (w.mode === 'simplex') {
    bad(
      'simplex weight sampling draws the weights of a stage jointly (they sum to 1), so they are not independent factors; variance-based indices need independent factors — use perturb sampling',
    );
  } else if (w.mode !== 'perturb') bad(`unknown weight sampling mode "${(w as { mode: string }).mode}"`);
  else if (!(w.spread >= 0 && w.spread <= 1)) bad(`spread must be in 0..1 (±100%), got ${w.spread}`);
  if (config.rank !== undefined && config.rank !== 'overall' && config.rank !== 'stage') bad('rank must be "overall" or "stage"');
  if (config.list) checkListRule(config.list);
  for (const i of config.fixed ?? []) if (!(Number.isInteger(i) && i >= 0 && i < d)) bad(`fixed indicators are 0-based indices below ${d}, got ${i}`);
  // Per-enterprise sums are sums of products of rank shifts (|shift| < n), kept exact in doubles.
  if (4 * n * n * config.samples >= 2 ** 53) bad(`N = ${config.samples} is too large for ${n} rows: the per-enterprise sums would no longer be exact (need 4·n²·N < 2⁵³)`);
}

/** A stable text key of (config, seed, n, d): partial results merge only when their keys agree. */
export function sobolKey(config: SobolConfig, seed: number, n: number, d: number): string {
  const w = config.weights;
  return JSON.stringify({
    n,
    d,
    seed,
    samples: config.samples,
    spread: w.mode === 'perturb' ? w.spread : null,
    rank: config.rank ?? 'overall',
    list: config.list ?? null,
    fixed: [...new Set(config.fixed ?? [])].sort((a, b) => a - b),
  });
}

/**
 * The config of the workbench's form and of `analyze --sobol`: the Monte Carlo range (±spread) as
 * independent per-indicator factors, and the list rule whose churn is output (b).
 */
export function sobolConfig(samples: number, spread: number, list: ListRule | undefined): SobolConfig {
  return { samples, weights: { mode: 'perturb', spread }, ...(list ? { list } : {}) };
}
