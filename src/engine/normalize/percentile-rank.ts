import type { NormalizeFn } from './method.ts';

/** First index in sorted `a[0..n)` whose value is ≥ v (`strict = false`) or > v (`strict = true`). */
function bound(a: Float64Array, n: number, v: number, strict: boolean): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (strict ? a[mid] <= v : a[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Percentile rank (mid-rank): with F the n finite values, `less` = #{f < x}, `eq` = #{f = x},
 * `s = (less + (eq − 1)/2) / (n − 1)` — the average 1-based rank minus one, over n − 1, so the
 * smallest value gets 0, the largest 1 and ties share their mean rank. +∞ → 1, −∞ → 0, missing → 0;
 * reverse: `1 − s` (missing still 0); a constant column (or n ≤ 1) → 0 everywhere.
 */
export const percentileRank: NormalizeFn = (ctx) => {
  const { raw, out, report } = ctx;
  const n = ctx.scan.finite;
  const sorted = ctx.finite.subarray(0, n).sort();
  if (n < 2 || sorted[0] === sorted[n - 1]) {
    report.lo = n ? sorted[0] : NaN;
    report.hi = report.lo;
    report.bounds = 'constant';
    out.fill(0);
    return;
  }
  report.lo = sorted[0];
  report.hi = sorted[n - 1];
  report.bounds = 'minmax';
  const reverse = ctx.direction === 'reverse';
  for (let r = 0; r < raw.length; r++) {
    const v = raw[r];
    let s: number;
    if (v !== v) {
      out[r] = 0;
      continue;
    } else if (v === Infinity) s = 1;
    else if (v === -Infinity) s = 0;
    else {
      const less = bound(sorted, n, v, false);
      const eq = bound(sorted, n, v, true) - less;
      s = (less + (eq - 1) / 2) / (n - 1);
    }
    out[r] = reverse ? 1 - s : s;
  }
};
