import type { NormalizeFn } from './method.ts';
import { minMaxBounds } from './bounds.ts';
import { clipScale } from './clip-scale.ts';

/** Plain min–max: `lo = min F`, `hi = max F`; ±∞ clip to hi/lo; constant → 0. */
export const minmax: NormalizeFn = (ctx) => {
  clipScale(ctx.raw, ctx.out, minMaxBounds(ctx.finite, ctx.scan.finite), ctx.direction, ctx.report);
};
