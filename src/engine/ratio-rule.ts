/**
 * The ratio rule of scoring.md §3, shared by the value rules (derive.ts) and the expression
 * language (expr.ts): `b > 0 → a/b`; `b = 0 → +∞ | 0 | −∞` by the sign of `a`;
 * `b < 0`, or either side missing (NaN) → missing.
 */
export function ratio(a: number, b: number): number {
  if (Number.isNaN(a) || Number.isNaN(b) || b < 0) return NaN;
  if (b > 0) return a / b;
  return a > 0 ? Infinity : a < 0 ? -Infinity : 0;
}

/** Growth `(y − prev) / prev`, following the ratio rule with `a = y − prev`, `b = prev`. */
export function growth(current: number, previous: number): number {
  return ratio(current - previous, previous);
}
