import type { Direction, IndicatorReport } from '../types.ts';
import type { Bounds } from './bounds.ts';

/**
 * Steps 4–6 of scoring.md §4: clip to [lo, hi] (+∞ → hi, −∞ → lo), then
 * `s = (c − lo)/(hi − lo)` (positive) or `s = (hi − c)/(hi − lo)` (reverse); missing → 0;
 * a constant indicator gives 0 everywhere. Counts clipped finite values into `report`.
 */
export function clipScale(raw: Float64Array, out: Float64Array, b: Bounds, dir: Direction, report: IndicatorReport): void {
  report.lo = b.lo;
  report.hi = b.hi;
  report.bounds = b.kind;
  if (b.kind === 'constant') {
    out.fill(0);
    return;
  }
  const { lo, hi } = b;
  const range = hi - lo;
  let clippedLow = 0;
  let clippedHigh = 0;
  const reverse = dir === 'reverse';
  for (let r = 0; r < raw.length; r++) {
    let c = raw[r];
    if (c !== c) {
      out[r] = 0;
      continue;
    }
    if (c < lo) {
      if (c !== -Infinity) clippedLow++;
      c = lo;
    } else if (c > hi) {
      if (c !== Infinity) clippedHigh++;
      c = hi;
    }
    out[r] = reverse ? (hi - c) / range : (c - lo) / range;
  }
  report.clippedLow = clippedLow;
  report.clippedHigh = clippedHigh;
}
