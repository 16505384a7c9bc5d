import { minMax, quantile7 } from '../quantile.ts';

/**
 * Bounds of the extreme-value-adjusted methods (scoring.md §4 steps 2–3):
 * `lo = Q(F, pLo)`, `hi = Q(F, pHi)`; if they are equal, `lo = min F`, `hi = max F`; if still equal
 * (or F is empty) the indicator carries no information ('constant': every s is 0).
 */
export interface Bounds {
  lo: number;
  hi: number;
  kind: 'quantile' | 'minmax' | 'constant';
}

export function winsorBounds(finite: Float64Array, n: number, pLo: number, pHi: number): Bounds {
  if (n === 0) return { lo: NaN, hi: NaN, kind: 'constant' };
  const lo = quantile7(finite, n, pLo);
  const hi = quantile7(finite, n, pHi);
  if (hi !== lo) return { lo, hi, kind: 'quantile' };
  return minMaxBounds(finite, n);
}

/** Plain min–max bounds; 'constant' when every finite value is the same. */
export function minMaxBounds(finite: Float64Array, n: number): Bounds {
  if (n === 0) return { lo: NaN, hi: NaN, kind: 'constant' };
  const [lo, hi] = minMax(finite, n);
  return { lo, hi, kind: hi !== lo ? 'minmax' : 'constant' };
}
