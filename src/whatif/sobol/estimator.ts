import { fmix32, mulberry32, sampleSeed } from '../prng.ts';

/**
 * The estimators (Saltelli et al. 2010, "Variance based sensitivity analysis of model output.
 * Design and estimator for the total sensitivity index", Comput. Phys. Commun. 181, Table 2):
 *
 *   V_i  = (1/N)  Σ_j f(B)_j · (f(A_B^i)_j − f(A)_j)        — Table 2 (b), Saltelli 2010
 *   V_Ti = (1/2N) Σ_j (f(A)_j − f(A_B^i)_j)²                — Table 2 (f), Jansen 1999
 *   S_i = V_i / V,  ST_i = V_Ti / V,  V = the variance of the 2N values f(A)_j, f(B)_j.
 *
 * f is used shifted by a constant c (Y − c), which leaves V and V_Ti unchanged and V_i unbiased
 * (E[f(A_B^i) − f(A)] = 0), and lowers the variance of the V_i estimate when c is near the mean:
 * scalar outputs use the sample mean, per-enterprise ranks the scenario's rank (known before the
 * run, so the sums merge exactly across chunks). V_i is not clipped: a small negative S_i is
 * sampling noise around 0, and hiding it would hide how noisy the estimate is.
 */
export interface SobolIndices {
  /** False when V = 0 (the output never changes): S and ST are NaN, `reason` says why. */
  defined: boolean;
  reason?: string;
  V: number;
  S: Float64Array;
  ST: Float64Array;
}

/** Why an index is undefined (shown translated: src/i18n/sobol.ts `reason`). */
export const NO_SAMPLES = 'no base samples were evaluated';
export const CONSTANT_OUTPUT = 'the output takes the same value at every design point (variance 0), so there is no variance to apportion';

/**
 * S_i and ST_i from the sums over M base samples: `first[i]` = Σ (f(B) − c)(f(A_B^i) − f(A)),
 * `total[i]` = Σ (f(A) − f(A_B^i))², and V computed by the caller. The one place the estimator
 * formulas are applied (scalar outputs, bootstrap replicates and per-enterprise ranks all end here).
 */
export function indicesFromSums(M: number, V: number, first: ArrayLike<number>, total: ArrayLike<number>, d: number, out?: SobolIndices): SobolIndices {
  const res = out ?? { defined: false, V: 0, S: new Float64Array(d), ST: new Float64Array(d) };
  res.V = V;
  if (!(V > 0) || M === 0) {
    res.defined = false;
    res.reason = M === 0 ? NO_SAMPLES : CONSTANT_OUTPUT;
    res.S.fill(NaN);
    res.ST.fill(NaN);
    return res;
  }
  res.defined = true;
  delete res.reason;
  for (let i = 0; i < d; i++) {
    res.S[i] = first[i] / M / V;
    res.ST[i] = total[i] / (2 * M) / V;
  }
  return res;
}

/**
 * Values of one scalar output at the design points: `fA[j]`, `fB[j]`, `fAB[j·d + i]`, for the base
 * samples listed in `rows` (indices into j; a bootstrap replicate repeats some and omits others).
 * Centred by the mean of the f(A), f(B) values of those rows; exactly constant values → undefined.
 */
export function indicesFromValues(
  fA: ArrayLike<number>,
  fB: ArrayLike<number>,
  fAB: ArrayLike<number>,
  d: number,
  rows: ArrayLike<number>,
  scratch: Float64Array = new Float64Array(2 * d),
  out?: SobolIndices,
): SobolIndices {
  const M = rows.length;
  let sum = 0;
  let constant = true;
  const f0 = M > 0 ? fA[rows[0]] : 0;
  for (let m = 0; m < M; m++) {
    const j = rows[m];
    sum += fA[j] + fB[j];
    if (fA[j] !== f0 || fB[j] !== f0) constant = false;
  }
  const c = M > 0 ? sum / (2 * M) : 0;
  let ss = 0;
  const first = scratch.subarray(0, d);
  const total = scratch.subarray(d, 2 * d);
  first.fill(0);
  total.fill(0);
  for (let m = 0; m < M; m++) {
    const j = rows[m];
    const a = fA[j];
    const b = fB[j] - c;
    ss += (a - c) * (a - c) + b * b;
    for (let i = 0, q = j * d; i < d; i++, q++) {
      const diff = fAB[q] - a;
      first[i] += b * diff;
      total[i] += diff * diff;
    }
  }
  return indicesFromSums(M, constant ? 0 : ss / (2 * M), first, total, d, out);
}

export interface Interval {
  lo: Float64Array;
  hi: Float64Array;
}

export interface IndicesWithCi extends SobolIndices {
  /** Bootstrap percentile intervals (NaN where undefined), at `level`. */
  ciS: Interval;
  ciST: Interval;
  replicates: number;
  level: number;
}

export const DEFAULT_BOOTSTRAP = 200;
export const CI_LEVEL = 0.95;

/** The seed of bootstrap replicate b, a stream apart from the design's (which uses sampleSeed(seed, ·)). */
function replicateSeed(seed: number, b: number): number {
  return sampleSeed(fmix32((seed ^ 0x5bd1e995) >>> 0), b);
}

/**
 * Point estimates over all `rows`, and percentile bootstrap intervals: each replicate draws M of
 * the rows with replacement (stream replicateSeed(seed, b)), re-estimates, and the interval is the
 * ((1 − level)/2, (1 + level)/2) quantiles of the replicates (linear interpolation, type 7).
 * Resampling whole rows j keeps A_j, B_j and the A_B^i_j together, as the estimators need.
 * Replicates whose V is 0 are left out of the intervals; with none left, the interval is NaN.
 */
export function indicesWithCi(
  fA: ArrayLike<number>,
  fB: ArrayLike<number>,
  fAB: ArrayLike<number>,
  d: number,
  rows: ArrayLike<number>,
  seed: number,
  replicates = DEFAULT_BOOTSTRAP,
  level = CI_LEVEL,
): IndicesWithCi {
  const point = indicesFromValues(fA, fB, fAB, d, rows);
  const M = rows.length;
  const bootS = new Float64Array(replicates * d);
  const bootST = new Float64Array(replicates * d);
  const pick = new Int32Array(M);
  const scratch = new Float64Array(2 * d);
  const rep: SobolIndices = { defined: false, V: 0, S: new Float64Array(d), ST: new Float64Array(d) };
  let kept = 0;
  if (point.defined) {
    for (let b = 0; b < replicates; b++) {
      const rand = mulberry32(replicateSeed(seed, b));
      for (let m = 0; m < M; m++) pick[m] = rows[Math.min(M - 1, Math.floor(rand() * M))];
      indicesFromValues(fA, fB, fAB, d, pick, scratch, rep);
      if (!rep.defined) continue;
      for (let i = 0; i < d; i++) {
        bootS[i * replicates + kept] = rep.S[i];
        bootST[i * replicates + kept] = rep.ST[i];
      }
      kept++;
    }
  }
  const ci = (boot: Float64Array): Interval => {
    const lo = new Float64Array(d).fill(NaN);
    const hi = new Float64Array(d).fill(NaN);
    if (kept === 0) return { lo, hi };
    for (let i = 0; i < d; i++) {
      const xs = boot.subarray(i * replicates, i * replicates + kept).sort();
      lo[i] = quantile7(xs, (1 - level) / 2);
      hi[i] = quantile7(xs, (1 + level) / 2);
    }
    return { lo, hi };
  };
  return { ...point, ciS: ci(bootS), ciST: ci(bootST), replicates: kept, level };
}

/** Quantile of sorted values, Hyndman–Fan type 7 (numpy's default). */
export function quantile7(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}
