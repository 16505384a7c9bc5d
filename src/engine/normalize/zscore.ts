import type { NormalizeFn } from './method.ts';

/**
 * z-score mapped linearly to [0, 1]: `z = (x − mean)/sd` over the finite values (population sd),
 * `s = clamp((z + 3)/6, 0, 1)` — three standard deviations either side span the scale.
 * Reverse: `s = clamp((3 − z)/6, 0, 1)`. +∞ → 1 (reverse 0), −∞ → 0 (reverse 1), missing → 0,
 * `sd = 0` → constant: every present value gets z = 0, the neutral s = 0.5 (0, as the default method
 * gives, would let the first difference between two rows lift the worse one from 0 to ~0.26).
 */
export const zscore: NormalizeFn = (ctx) => {
  const { raw, out, finite, report } = ctx;
  const n = ctx.scan.finite;
  // Sum in sorted order so that the mean, and so every score, does not depend on the row order.
  finite.subarray(0, n).sort();
  let sum = 0;
  for (let r = 0; r < n; r++) sum += finite[r];
  const mean = n > 0 ? sum / n : NaN;
  let ss = 0;
  for (let r = 0; r < n; r++) ss += (finite[r] - mean) * (finite[r] - mean);
  const sd = n > 0 ? Math.sqrt(ss / n) : NaN;
  report.lo = mean - 3 * sd;
  report.hi = mean + 3 * sd;
  if (!(sd > 0)) {
    report.bounds = 'constant';
    for (let r = 0; r < raw.length; r++) out[r] = raw[r] === raw[r] ? 0.5 : 0;
    return;
  }
  report.bounds = 'quantile';
  const sign = ctx.direction === 'reverse' ? -1 : 1;
  let clippedLow = 0;
  let clippedHigh = 0;
  for (let r = 0; r < raw.length; r++) {
    const v = raw[r];
    if (v !== v) {
      out[r] = 0;
      continue;
    }
    const z = (sign * (v - mean)) / sd;
    const t = (z + 3) / 6;
    if (t < 0) {
      if (Number.isFinite(v)) clippedLow++;
      out[r] = 0;
    } else if (t > 1) {
      if (Number.isFinite(v)) clippedHigh++;
      out[r] = 1;
    } else out[r] = t;
  }
  report.clippedLow = clippedLow;
  report.clippedHigh = clippedHigh;
};
