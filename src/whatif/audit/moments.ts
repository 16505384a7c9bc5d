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

/**
 * `column(i)` gives indicator i's values by row (it may reuse one buffer between calls: each column
 * is read before the next is asked for); `bounds` is omitted for values that are not clipped (the
 * normalised s, which already lie within [0, 1]).
 */
export function shapeStats(k: number, column: (i: number) => ArrayLike<number>, stage: Uint8Array, groups: Groups, bounds?: readonly ClipBounds[]): ShapeStats {
  const n = stage.length;
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
  const sum = new Float64Array(G);
  const min = new Float64Array(G);
  const max = new Float64Array(G);
  const mean = new Float64Array(G);
  const m2 = new Float64Array(G);
  const m3 = new Float64Array(G);
  const m4 = new Float64Array(G);
  const low = new Float64Array(G);
  const high = new Float64Array(G);
  for (let i = 0; i < k; i++) {
    const col = column(i);
    const b = bounds?.[i] ?? NO_CLIPPING;
    cnt.fill(0);
    sum.fill(0);
    min.fill(Infinity);
    max.fill(-Infinity);
    m2.fill(0);
    m3.fill(0);
    m4.fill(0);
    low.fill(0);
    high.fill(0);
    // Pass 1: counts, sums, extremes and clipping.
    for (let r = 0; r < n; r++) {
      const st = stage[r];
      if (st >= all) continue;
      const v = col[r];
      if (!Number.isFinite(v)) continue;
      cnt[st]++;
      sum[st] += v;
      if (v < min[st]) min[st] = v;
      if (v > max[st]) max[st] = v;
      if (b.clips) {
        const t = b.logScale ? signedLog1p(v) : v;
        if (t < b.lo) low[st]++;
        else if (t > b.hi) high[st]++;
      }
    }
    for (let g = 0; g < all; g++) {
      cnt[all] += cnt[g];
      sum[all] += sum[g];
      if (min[g] < min[all]) min[all] = min[g];
      if (max[g] > max[all]) max[all] = max[g];
      low[all] += low[g];
      high[all] += high[g];
    }
    for (let g = 0; g < G; g++) mean[g] = cnt[g] > 0 ? sum[g] / cnt[g] : NaN;
    // Pass 2: central moments about each group's own mean (two passes: money values reach 1e9,
    // and Σx⁴ − … formulas lose every digit to cancellation there).
    const ma = mean[all];
    for (let r = 0; r < n; r++) {
      const st = stage[r];
      if (st >= all) continue;
      const v = col[r];
      if (!Number.isFinite(v)) continue;
      const d = v - mean[st];
      const d2 = d * d;
      m2[st] += d2;
      m3[st] += d2 * d;
      m4[st] += d2 * d2;
      const e = v - ma;
      const e2 = e * e;
      m2[all] += e2;
      m3[all] += e2 * e;
      m4[all] += e2 * e2;
    }
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
