import type { NormalizeFn } from './method.ts';
import { winsorBounds } from './bounds.ts';
import { clipScale } from './clip-scale.ts';

/** Signed log transform `t(x) = sign(x)·ln(1 + |x|)`: monotone, defined at 0 and for negatives. */
export function signedLog1p(x: number): number {
  return x < 0 ? -Math.log1p(-x) : Math.log1p(x);
}

/**
 * 非线性无量纲 option: log-scaled winsorised min–max. Transform every value with `t` (±∞ and
 * missing unchanged), then apply the default method (type-7 quantile bounds on t(F), fallbacks,
 * clip, rescale). Heavy right tails (money, counts) spread out instead of piling up near 0.
 */
export const logMinmax: NormalizeFn = (ctx) => {
  const { raw, scratch, finite } = ctx;
  const n = ctx.scan.finite;
  for (let r = 0; r < n; r++) finite[r] = signedLog1p(finite[r]);
  for (let r = 0; r < raw.length; r++) {
    const v = raw[r];
    scratch[r] = Number.isFinite(v) ? signedLog1p(v) : v;
  }
  const b = winsorBounds(finite, n, ctx.spec.lowerQuantile, ctx.spec.upperQuantile);
  clipScale(scratch, ctx.out, b, ctx.direction, ctx.report);
};
