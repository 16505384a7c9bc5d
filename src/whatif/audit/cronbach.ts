/**
 * Cronbach's α of a set of m items from their co-moment (or covariance) matrix C — the 1/n
 * factors cancel:
 *   α = m/(m − 1) · (1 − Σ_i C_ii / Σ_i Σ_j C_ij).
 * NaN when m < 2 (a single item has no internal consistency) or when the sum of the items is
 * constant (Σ_ij C_ij = 0).
 */
export function cronbachAlpha(c: Float64Array, offset: number, k: number, items: readonly number[]): number {
  const m = items.length;
  if (m < 2) return NaN;
  let diag = 0;
  let total = 0;
  for (const i of items) {
    diag += c[offset + i * k + i];
    for (const j of items) total += c[offset + i * k + j];
  }
  if (!(total > 0)) return NaN;
  return (m / (m - 1)) * (1 - diag / total);
}
