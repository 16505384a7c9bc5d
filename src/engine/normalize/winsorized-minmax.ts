import type { NormalizeFn } from './method.ts';
import { winsorBounds } from './bounds.ts';
import { clipScale } from './clip-scale.ts';

/**
 * 基于极端值调整的极值法 (default, scoring.md §4): bounds at the type-7 quantiles
 * `lo = Q(F, pLo)`, `hi = Q(F, pHi)` (fallback to min/max, then to "constant"), clip, rescale.
 */
export const winsorizedMinmax: NormalizeFn = (ctx) => {
  const b = winsorBounds(ctx.finite, ctx.scan.finite, ctx.spec.lowerQuantile, ctx.spec.upperQuantile);
  clipScale(ctx.raw, ctx.out, b, ctx.direction, ctx.report);
};
