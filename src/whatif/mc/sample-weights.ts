/**
 * Weight samplers for the Monte Carlo run. Both write one stage's k weights into `out` at `off`
 * and allocate nothing.
 */

/**
 * `perturb`: wᵢ' = wᵢ·(1 + x·(2u − 1)) then divided by Σw' (left at zero if every weight is zero).
 */
export function perturbStage(base: ArrayLike<number>, off: number, k: number, spread: number, rand: () => number, out: Float64Array): void {
  for (let i = 0; i < k; i++) out[off + i] = rand();
  perturbStageFrom(base, off, k, spread, out, off, out);
}

/**
 * The `perturb` formula from given uniforms: wᵢ' = wᵢ·(1 + x·(2uᵢ − 1)) with uᵢ = `u[uOff + i]`,
 * then divided by Σw'. The one place the formula lives: Monte Carlo draws the u's from a sample's
 * stream (perturbStage), Sobol takes them from its design matrices (one u per indicator shared by
 * every stage). `u` may be `out` itself (each uᵢ is read before wᵢ' is written).
 */
export function perturbStageFrom(base: ArrayLike<number>, off: number, k: number, spread: number, u: ArrayLike<number>, uOff: number, out: Float64Array): void {
  let sum = 0;
  for (let i = 0; i < k; i++) {
    const v = base[off + i] * (1 + spread * (2 * u[uOff + i] - 1));
    out[off + i] = v;
    sum += v;
  }
  if (sum > 0) for (let i = 0; i < k; i++) out[off + i] /= sum;
}

/** Rejection draws per sample before the hit-and-run fallback takes over. */
export const MAX_SIMPLEX_TRIES = 2000;

/**
 * `simplex`: uniform over { Σw = 1, lᵢ ≤ wᵢ ≤ uᵢ }.
 * 1. The bounds are first tightened to what Σw = 1 implies, lᵢ' = max(lᵢ, 1 − Σ_{j≠i} uⱼ),
 *    uᵢ' = min(uᵢ, 1 − Σ_{j≠i} lⱼ) — the same set, but degenerate cases become fixed weights.
 * 2. With L = Σl', { Σw = 1, w ≥ l' } is the simplex scaled by (1 − L) and shifted by l', so
 *    wᵢ = lᵢ' + (1 − L)·dᵢ with d ~ Dirichlet(1,…,1) (dᵢ = eᵢ/Σe, eᵢ = −ln u) is uniform on it; a
 *    draw with some wᵢ > uᵢ' is rejected. Accepted draws are exactly uniform on the bounded set
 *    (with the default [0, 1] bounds nothing is ever rejected).
 * 3. Bounds so tight that MAX_SIMPLEX_TRIES draws are all rejected (a narrow box around skewed
 *    weights) fall back to a hit-and-run chain of 10·m² steps (m = free weights) from the box's
 *    centre — approximately uniform, still a function of the sample's own random stream.
 * Throws when Σl > 1 or Σu < 1 (no weights fit).
 */
export function simplexStage(
  lower: ArrayLike<number>,
  upper: ArrayLike<number>,
  off: number,
  k: number,
  rand: () => number,
  out: Float64Array,
  scratch: Float64Array = new Float64Array(3 * k),
): void {
  let lsum = 0;
  let usum = 0;
  for (let i = 0; i < k; i++) {
    lsum += lower[off + i];
    usum += upper[off + i];
  }
  if (lsum > 1 + 1e-12 || usum < 1 - 1e-12) {
    throw new Error(`Monte Carlo: the weight bounds of stage #${off / k + 1} admit no weights summing to 1 (Σlower = ${lsum.toFixed(4)}, Σupper = ${usum.toFixed(4)})`);
  }
  const lo = scratch.subarray(0, k);
  const hi = scratch.subarray(k, 2 * k);
  const dir = scratch.subarray(2 * k, 3 * k);
  let L = 0;
  let free = 0;
  for (let i = 0; i < k; i++) {
    const l = lower[off + i];
    const u = upper[off + i];
    lo[i] = Math.max(l, 1 - (usum - u));
    hi[i] = Math.min(u, 1 - (lsum - l));
    if (hi[i] < lo[i]) hi[i] = lo[i];
    L += lo[i];
    if (hi[i] > lo[i]) free++;
  }
  const mass = Math.max(0, 1 - L);
  if (free === 0 || mass <= 1e-15) {
    for (let i = 0; i < k; i++) out[off + i] = lo[i];
    return;
  }
  for (let tries = 0; tries < MAX_SIMPLEX_TRIES; tries++) {
    let esum = 0;
    for (let i = 0; i < k; i++) {
      const e = hi[i] > lo[i] ? -Math.log(1 - rand()) : 0;
      out[off + i] = e;
      esum += e;
    }
    let ok = true;
    for (let i = 0; i < k; i++) {
      const w = lo[i] + (esum > 0 ? (mass * out[off + i]) / esum : 0);
      out[off + i] = w;
      if (w > hi[i]) ok = false;
    }
    if (ok) return;
  }
  hitAndRun(lo, hi, mass, free, off, k, rand, out, dir);
}

/** Hit-and-run on { Σw = 1, lo ≤ w ≤ hi } from the point lo + mass·(hi − lo)/Σ(hi − lo). */
function hitAndRun(lo: Float64Array, hi: Float64Array, mass: number, free: number, off: number, k: number, rand: () => number, out: Float64Array, dir: Float64Array): void {
  let span = 0;
  for (let i = 0; i < k; i++) span += hi[i] - lo[i];
  for (let i = 0; i < k; i++) out[off + i] = lo[i] + (mass * (hi[i] - lo[i])) / span;
  const steps = 10 * free * free;
  for (let s = 0; s < steps; s++) {
    // a random direction within Σd = 0 over the free weights (Gaussian, then centred)
    let mean = 0;
    for (let i = 0; i < k; i++) {
      if (hi[i] > lo[i]) {
        const g = Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
        dir[i] = g;
        mean += g;
      } else dir[i] = 0;
    }
    mean /= free;
    let tmin = -Infinity;
    let tmax = Infinity;
    for (let i = 0; i < k; i++) {
      if (!(hi[i] > lo[i])) continue;
      const d = (dir[i] -= mean);
      const x = out[off + i];
      if (d > 0) {
        tmin = Math.max(tmin, (lo[i] - x) / d);
        tmax = Math.min(tmax, (hi[i] - x) / d);
      } else if (d < 0) {
        tmin = Math.max(tmin, (hi[i] - x) / d);
        tmax = Math.min(tmax, (lo[i] - x) / d);
      }
    }
    if (!(tmax > tmin)) continue;
    const t = tmin + (tmax - tmin) * rand();
    for (let i = 0; i < k; i++) out[off + i] = Math.min(hi[i], Math.max(lo[i], out[off + i] + t * dir[i]));
  }
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
