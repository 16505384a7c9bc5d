/**
 * Weight samplers for the Monte Carlo run. Both write one stage's k weights into `out` at `off`
 * and allocate nothing.
 */

/**
 * `perturb`: wᵢ' = wᵢ·(1 + x·(2u − 1)) then divided by Σw' (left at zero if every weight is zero).
 */
export function perturbStage(base: ArrayLike<number>, off: number, k: number, spread: number, rand: () => number, out: Float64Array): void {
  let sum = 0;
  for (let i = 0; i < k; i++) {
    const v = base[off + i] * (1 + spread * (2 * rand() - 1));
    out[off + i] = v;
    sum += v;
  }
  if (sum > 0) for (let i = 0; i < k; i++) out[off + i] /= sum;
}

/** Draws allowed per sample before the bounds are declared too tight for rejection sampling. */
export const MAX_SIMPLEX_TRIES = 200_000;

/**
 * `simplex`: uniform over { Σw = 1, lᵢ ≤ wᵢ ≤ uᵢ }. With L = Σl, the set { Σw = 1, w ≥ l } is the
 * simplex scaled by (1 − L) and shifted by l, so wᵢ = lᵢ + (1 − L)·dᵢ with d ~ Dirichlet(1,…,1)
 * (dᵢ = eᵢ/Σe, eᵢ = −ln u) is uniform on it; a draw with some wᵢ > uᵢ is rejected and redrawn,
 * which leaves the accepted draws uniform on the bounded set. Indicators with uᵢ = lᵢ are fixed.
 * Throws when Σl > 1 or Σu < 1 (empty set) or when MAX_SIMPLEX_TRIES draws are all rejected.
 */
export function simplexStage(lower: ArrayLike<number>, upper: ArrayLike<number>, off: number, k: number, rand: () => number, out: Float64Array): void {
  let lsum = 0;
  let usum = 0;
  let free = 0;
  for (let i = 0; i < k; i++) {
    lsum += lower[off + i];
    usum += upper[off + i];
    if (upper[off + i] > lower[off + i]) free++;
  }
  if (lsum > 1 + 1e-12 || usum < 1 - 1e-12) {
    throw new Error(`Monte Carlo: the weight bounds of stage #${off / k + 1} admit no weights summing to 1 (Σlower = ${lsum.toFixed(4)}, Σupper = ${usum.toFixed(4)})`);
  }
  const mass = Math.max(0, 1 - lsum);
  if (free === 0 || mass === 0) {
    for (let i = 0; i < k; i++) out[off + i] = lower[off + i];
    return;
  }
  for (let tries = 0; tries < MAX_SIMPLEX_TRIES; tries++) {
    let esum = 0;
    for (let i = 0; i < k; i++) {
      const e = upper[off + i] > lower[off + i] ? -Math.log(1 - rand()) : 0;
      out[off + i] = e;
      esum += e;
    }
    let ok = true;
    for (let i = 0; i < k; i++) {
      const w = lower[off + i] + (esum > 0 ? (mass * out[off + i]) / esum : 0);
      out[off + i] = w;
      if (w > upper[off + i]) ok = false;
    }
    if (ok) return;
  }
  throw new Error(`Monte Carlo: the weight bounds of stage #${off / k + 1} are too tight for uniform sampling (no draw in ${MAX_SIMPLEX_TRIES} fell inside them); widen them or use the ±x% mode`);
}

/** Default simplex bounds: [0, 1] where the scenario weight is positive, [0, 0] elsewhere. */
export function defaultSimplexBounds(weights: ArrayLike<number>): { lower: Float64Array; upper: Float64Array } {
  const lower = new Float64Array(weights.length);
  const upper = new Float64Array(weights.length);
  for (let j = 0; j < weights.length; j++) upper[j] = weights[j] > 0 ? 1 : 0;
  return { lower, upper };
}

/** Bounds wᵢ·(1 ± x), for simplex sampling in a box around the scenario (rejection can be slow for large k). */
export function boundsAround(weights: ArrayLike<number>, spread: number): { lower: Float64Array; upper: Float64Array } {
  const lower = new Float64Array(weights.length);
  const upper = new Float64Array(weights.length);
  for (let j = 0; j < weights.length; j++) {
    lower[j] = weights[j] * (1 - spread);
    upper[j] = Math.min(1, weights[j] * (1 + spread));
  }
  return { lower, upper };
}
