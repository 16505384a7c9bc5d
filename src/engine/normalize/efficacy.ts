import type { NormalizeFn } from './method.ts';
import { winsorBounds } from './bounds.ts';
import { clipScale } from './clip-scale.ts';

/**
 * 功效系数法 (efficacy coefficient): `d = 60 + 40·(c − x_u)/(x_s − x_u)` where the unacceptable
 * value `x_u` and the satisfactory value `x_s` are the winsorised bounds of the default method
 * (type-7 quantiles `lower/upperQuantile`, with its fallbacks; reverse swaps them). The engine keeps
 * every s in [0, 1], so `s = d / 100 ∈ [0.6, 1]` for a present value; missing → 0 and a constant
 * indicator → 0, as in scoring.md §4.
 */
export const efficacy: NormalizeFn = (ctx) => {
  const b = winsorBounds(ctx.finite, ctx.scan.finite, ctx.spec.lowerQuantile, ctx.spec.upperQuantile);
  clipScale(ctx.raw, ctx.out, b, ctx.direction, ctx.report);
  if (b.kind === 'constant') return;
  const { raw, out } = ctx;
  for (let r = 0; r < out.length; r++) {
    if (raw[r] === raw[r]) out[r] = (60 + 40 * out[r]) / 100;
  }
};
