/**
 * Fixed-width histograms over typed arrays. They run in the scoring worker on every re-score, so
 * the loops allocate nothing per row and the result is a few small plain arrays.
 */

/** A half-open binning of `[min, max]`: bin b covers `[min + b·step, min + (b+1)·step)`, the last bin also holds `max`. */
export interface Histogram {
  min: number;
  max: number;
  step: number;
  counts: number[];
  /** Values counted in some bin. */
  total: number;
  /** NaN values, left out. */
  missing: number;
  /** Non-NaN values outside `[min, max]` (±∞ included), left out. */
  outside: number;
}

export interface Domain {
  min: number;
  max: number;
}

/**
 * Resolves a histogram domain: finite and `min ≤ max` or it throws. A zero-width domain (every
 * value equal) is widened to `[v − 0.5, v + 0.5]` so that the bins keep a width and the values
 * land in the middle bin instead of a zero-width bar.
 */
export function resolveDomain(domain: Domain): Domain {
  const { min, max } = domain;
  if (!Number.isFinite(min) || !Number.isFinite(max) || max < min) {
    throw new Error(`histogram domain must be finite with min ≤ max, got [${min}, ${max}]`);
  }
  return max > min ? { min, max } : { min: min - 0.5, max: max + 0.5 };
}

export function checkBins(bins: number): void {
  if (!Number.isInteger(bins) || bins < 1) throw new Error(`bins must be an integer ≥ 1, got ${bins}`);
}

/**
 * Bin index of `v` in a resolved domain, or −1 for NaN / −2 for outside. The last bin is closed so
 * that `max` itself is counted; the clamp also absorbs `(v − min)/step` rounding up to `bins`.
 */
export function binIndex(v: number, min: number, max: number, step: number, bins: number): number {
  if (v !== v) return -1;
  if (v < min || v > max) return -2;
  const b = Math.floor((v - min) / step);
  return b >= bins ? bins - 1 : b;
}

/**
 * Counts `values` into `bins` equal-width bins over `domain`. With `mask`, only rows whose mask
 * byte is non-zero are counted (a byte mask: one branch per row, no index list to allocate).
 */
export function histogram(values: ArrayLike<number>, bins: number, domain: Domain, mask?: Uint8Array): Histogram {
  checkBins(bins);
  const { min, max } = resolveDomain(domain);
  const step = (max - min) / bins;
  const counts = new Float64Array(bins);
  let missing = 0;
  let outside = 0;
  let total = 0;
  for (let r = 0; r < values.length; r++) {
    if (mask && !mask[r]) continue;
    const b = binIndex(values[r], min, max, step, bins);
    if (b === -1) missing++;
    else if (b === -2) outside++;
    else {
      counts[b]++;
      total++;
    }
  }
  return { min, max, step, counts: Array.from(counts), total, missing, outside };
}

/** Smallest and largest finite value (optionally under a mask), or null when there is none. */
export function extent(values: ArrayLike<number>, mask?: Uint8Array): Domain | null {
  let min = Infinity;
  let max = -Infinity;
  for (let r = 0; r < values.length; r++) {
    if (mask && !mask[r]) continue;
    const v = values[r];
    if (v < min && v > -Infinity) min = v;
    if (v > max && v < Infinity) max = v;
  }
  return min <= max ? { min, max } : null;
}
