/**
 * Shifts one weight by a relative amount and rescales the rest of its stage proportionally so the
 * stage keeps its sum S (1 for a published system):
 *   wᵢ' = min(S, wᵢ·(1 + δ)),   wⱼ' = wⱼ · (S − wᵢ') / (S − wᵢ)  for j ≠ i.
 * When wᵢ = S (the only weighted indicator) the others are all zero and cannot absorb a change:
 * the row is left unchanged and the function returns false. A zero weight stays zero (no change).
 * Writes into `out` (which may be `w` itself) the `k` weights at `off`.
 */
export function shiftWeight(w: ArrayLike<number>, off: number, k: number, i: number, delta: number, out: Float64Array): boolean {
  let sum = 0;
  for (let j = 0; j < k; j++) sum += w[off + j];
  const wi = w[off + i];
  const rest = sum - wi;
  if (wi === 0 || !(rest > 0)) {
    for (let j = 0; j < k; j++) out[off + j] = w[off + j];
    return false;
  }
  const target = Math.max(0, Math.min(sum, wi * (1 + delta)));
  const factor = (sum - target) / rest;
  for (let j = 0; j < k; j++) out[off + j] = j === i ? target : w[off + j] * factor;
  return true;
}
