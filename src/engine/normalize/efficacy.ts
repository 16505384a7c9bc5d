import type { NormalizeFn } from './method.ts';
import { winsorBounds } from './bounds.ts';
import { clipScale } from './clip-scale.ts';

/**
 * 功效系数法 (efficacy coefficient): `d = 60 + 40·(c − x_u)/(x_s − x_u)` where the unacceptable
 * value `x_u` and the satisfactory value `x_s` are the winsorised bounds of the default method
 * (type-7 quantiles `lower/upperQuantile`, with its fallbacks; reverse swaps them). The engine keeps
 * every s in [0, 1], so `s = d / 100 ∈ [0.6, 1]` for a present value; missing → 0 as in
 * scoring.md §4. A constant indicator gives every present value the neutral `d = 60` (s = 0.6):
 * giving it 0, as the default method does, would make the first difference between two rows
 * jump the worse one from 0 to 0.6, so raising a value could lower a reverse indicator's score.
 */
export const efficacy: NormalizeFn = (ctx) => {
  const b = winsorBounds(ctx.finite, ctx.scan.finite, ctx.spec.lowerQuantile, ctx.spec.upperQuantile);
  clipScale(ctx.raw, ctx.out, b, ctx.direction, ctx.report);
  const { raw, out } = ctx;
  for (let r = 0; r < out.length; r++) {
    if (raw[r] === raw[r]) out[r] = (60 + 40 * out[r]) / 100;
  }
};
