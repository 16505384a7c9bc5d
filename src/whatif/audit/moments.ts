/**
 * Distribution shape of each indicator's finite values (missing and ±∞ left out), per group: of the
 * derived raw values (before outlier treatment, where the JRC rule is meant to look) and of the
 * normalised s (after it, where the scoring contract's audit output looks).
 *
 * Definitions (the bias-uncorrected moment estimators, as scipy.stats.skew(bias=True) and
 * scipy.stats.kurtosis(fisher=True, bias=True) compute them), with m_p = (1/n) Σ (x − x̄)^p:
 *   skewness g1 = m3 / m2^(3/2),  excess kurtosis g2 = m4 / m2² − 3 (0 for a normal law).
 * The JRC rule flags an indicator when |g1| > 2 AND g2 > 3.5; we read the 3.5 as excess kurtosis
 * because the JRC COIN Tool computes it with Excel's KURT, which is excess kurtosis (its small-
 * sample correction is negligible at the sizes audited here). A constant column (m2 = 0) or fewer
 * than two values has no shape: both are NaN with a reason, never 0.
 *
 * Clipping: how many finite values lie below the normalisation's lower bound or above its upper
 * bound, on the raw scale (the log scale for log min–max, where the bounds live). The bounds are
 * the population's (scoring.md §4), so a stage's counts are that stage's share of the clipping.
 */
import type { Groups } from './groups.ts';

export type ShapeUndefined = 'no-values' | 'one-value' | 'constant';

export interface ClipBounds {
  lo: number;
  hi: number;
  /** False when the method does not clip (constant indicator, no bounds). */
  clips: boolean;
  /** The bounds are on the signed-log scale (log min–max). */
  logScale: boolean;
}

export interface ShapeStats {
  /** Finite values per group, `[g * k + i]`. */
  finite: Float64Array;
  skewness: Float64Array;
  kurtosis: Float64Array;
  /** Why a shape statistic is NaN, `[g * k + i]` (null when defined). */
  undefinedReason: (ShapeUndefined | null)[];
  flagged: Uint8Array;
  clippedLow: Float64Array;
  clippedHigh: Float64Array;
}

export const SKEW_LIMIT = 2;
export const EXCESS_KURTOSIS_LIMIT = 3.5;

const NO_CLIPPING: ClipBounds = { lo: NaN, hi: NaN, clips: false, logScale: false };

function signedLog1p(x: number): number {
  return x < 0 ? -Math.log1p(-x) : Math.log1p(x);
}

/** Where a group's values are: stage g at positions `start[g] … start[g + 1] − 1`, read through `rows` when given. */
export interface ShapePositions {
  start: Int32Array;
  /** The row of each position (values by row); omitted when the values are already by position. */
  rows?: Uint32Array;
}

/**
 * `column(i)` gives indicator i's values, by row when `at.rows` maps positions to rows, else by
 * position (it may reuse one buffer between calls: each column is read before the next is asked
 * for); `bounds` is omitted for values that are not clipped (the normalised s, which already lie
 * within [0, 1]). Each stage is summed over its own contiguous positions into local accumulators
 * (stage-order.ts), in row order within the stage; `all` in stage order.
 */
export function shapeStats(k: number, column: (i: number) => ArrayLike<number>, at: ShapePositions, groups: Groups, bounds?: readonly ClipBounds[]): ShapeStats {
  const G = groups.count;
  const all = groups.stages;
  const out: ShapeStats = {
    finite: new Float64Array(G * k),
    skewness: new Float64Array(G * k),
    kurtosis: new Float64Array(G * k),
    undefinedReason: new Array(G * k).fill(null),
    flagged: new Uint8Array(G * k),
    clippedLow: new Float64Array(G * k),
    clippedHigh: new Float64Array(G * k),
  };
  const cnt = new Float64Array(G);
  const min = new Float64Array(G);
  const max = new Float64Array(G);
  const mean = new Float64Array(G);
  const m2 = new Float64Array(G);
  const m3 = new Float64Array(G);
  const m4 = new Float64Array(G);
  const low = new Float64Array(G);
  const high = new Float64Array(G);
  const { start, rows } = at;
  for (let i = 0; i < k; i++) {
    const col = column(i);
    const { clips, logScale, lo: blo, hi: bhi } = bounds?.[i] ?? NO_CLIPPING;
    // Pass 1: counts, sums, extremes and clipping.
    let sumAll = 0;
    cnt[all] = 0;
    min[all] = Infinity;
    max[all] = -Infinity;
    low[all] = 0;
    high[all] = 0;
    for (let g = 0; g < all; g++) {
      let c = 0;
      let s = 0;
      let mn = Infinity;
      let mx = -Infinity;
      let lo = 0;
      let hi = 0;
      const end = start[g + 1];
      for (let p = start[g]; p < end; p++) {
        const v = rows ? col[rows[p]] : col[p];
        if (!Number.isFinite(v)) continue;
        c++;
        s += v;
        if (v < mn) mn = v;
        if (v > mx) mx = v;
        if (clips) {
          const x = logScale ? signedLog1p(v) : v;
          if (x < blo) lo++;
          else if (x > bhi) hi++;
        }
      }
      cnt[g] = c;
      mean[g] = c > 0 ? s / c : NaN;
      min[g] = mn;
      max[g] = mx;
      low[g] = lo;
      high[g] = hi;
      cnt[all] += c;
      sumAll += s;
      if (mn < min[all]) min[all] = mn;
      if (mx > max[all]) max[all] = mx;
      low[all] += lo;
      high[all] += hi;
    }
    mean[all] = cnt[all] > 0 ? sumAll / cnt[all] : NaN;
    // Pass 2: central moments about each group's own mean (two passes: money values reach 1e9,
    // and Σx⁴ − … formulas lose every digit to cancellation there).
    const ma = mean[all];
    let a2 = 0;
    let a3 = 0;
    let a4 = 0;
    for (let g = 0; g < all; g++) {
      const mg = mean[g];
      let s2 = 0;
      let s3 = 0;
      let s4 = 0;
      const end = start[g + 1];
      for (let p = start[g]; p < end; p++) {
        const v = rows ? col[rows[p]] : col[p];
        if (!Number.isFinite(v)) continue;
        const d = v - mg;
        const d2 = d * d;
        s2 += d2;
        s3 += d2 * d;
        s4 += d2 * d2;
        const e = v - ma;
        const e2 = e * e;
        a2 += e2;
        a3 += e2 * e;
        a4 += e2 * e2;
      }
      m2[g] = s2;
      m3[g] = s3;
      m4[g] = s4;
    }
    m2[all] = a2;
    m3[all] = a3;
    m4[all] = a4;
    for (let g = 0; g < G; g++) {
      const j = g * k + i;
      const c = cnt[g];
      out.finite[j] = c;
      out.clippedLow[j] = low[g];
      out.clippedHigh[j] = high[g];
      const reason: ShapeUndefined | null = c === 0 ? 'no-values' : c === 1 ? 'one-value' : min[g] === max[g] ? 'constant' : null;
      if (reason) {
        out.skewness[j] = NaN;
        out.kurtosis[j] = NaN;
        out.undefinedReason[j] = reason;
        continue;
      }
      const v2 = m2[g] / c;
      const skew = m3[g] / c / Math.pow(v2, 1.5);
      const kurt = m4[g] / c / (v2 * v2) - 3;
      out.skewness[j] = skew;
      out.kurtosis[j] = kurt;
      out.flagged[j] = Math.abs(skew) > SKEW_LIMIT && kurt > EXCESS_KURTOSIS_LIMIT ? 1 : 0;
    }
  }
  return out;
}
