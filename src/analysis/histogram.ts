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
 * The population (group 0, when `all`) and each stage (group 1 + s, when `stage` is given) binned
 * over one shared domain in one pass: the bin is found once per row and counted for both groups.
 * Rows whose stage index is `≥ nStages` (NO_STAGE) are left out of the stages, not of the population.
 */
function binGroups(values: ArrayLike<number>, all: boolean, stage: Uint8Array | null, nStages: number, bins: number, domain: Domain, mask: Uint8Array | undefined): Histogram[] {
  checkBins(bins);
  if (stage && stage.length !== values.length) throw new Error(`stage has ${stage.length} rows, values ${values.length}`);
  const { min, max } = resolveDomain(domain);
  const step = (max - min) / bins;
  const G = 1 + (stage ? nStages : 0);
  const counts = new Float64Array(G * bins);
  // Slot 0 of each group counts NaN, slot 1 values outside the domain.
  const left = new Float64Array(2 * G);
  for (let r = 0; r < values.length; r++) {
    if (mask && !mask[r]) continue;
    const b = binIndex(values[r], min, max, step, bins);
    const st = stage ? stage[r] : nStages;
    if (b >= 0) {
      if (all) counts[b]++;
      if (st < nStages) counts[(1 + st) * bins + b]++;
    } else {
      if (all) left[-1 - b]++;
      if (st < nStages) left[2 * (1 + st) - 1 - b]++;
    }
  }
  const out: Histogram[] = [];
  for (let g = all ? 0 : 1; g < G; g++) {
    const c = Array.from(counts.subarray(g * bins, (g + 1) * bins));
    out.push({ min, max, step, counts: c, total: c.reduce((a, x) => a + x, 0), missing: left[2 * g], outside: left[2 * g + 1] });
  }
  return out;
}

/**
 * Counts `values` into `bins` equal-width bins over `domain`. With `mask`, only rows whose mask
 * byte is non-zero are counted (a byte mask: one branch per row, no index list to allocate).
 */
export function histogram(values: ArrayLike<number>, bins: number, domain: Domain, mask?: Uint8Array): Histogram {
  return binGroups(values, true, null, 0, bins, domain, mask)[0];
}

/**
 * One histogram per stage over a shared domain (so the stages can be drawn side by side). Rows
 * whose stage index is `≥ nStages` (e.g. NO_STAGE) are left out.
 */
export function stageHistograms(values: ArrayLike<number>, stage: Uint8Array, nStages: number, bins: number, domain: Domain, mask?: Uint8Array): Histogram[] {
  return binGroups(values, false, stage, nStages, bins, domain, mask);
}

/** The population's histogram and each stage's, in one pass (what the screen shows). */
export function populationHistograms(values: ArrayLike<number>, stage: Uint8Array, nStages: number, bins: number, domain: Domain): { overall: Histogram; stages: Histogram[] } {
  const [overall, ...stages] = binGroups(values, true, stage, nStages, bins, domain, undefined);
  return { overall, stages };
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
