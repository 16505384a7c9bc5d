/**
 * Fixed rank bins for the per-row rank histograms of the Monte Carlo run. Keeping every sampled
 * rank of every row (100,000 rows × 1,000 samples = 400 MB) does not fit a browser tab; a histogram
 * of B bins per row costs n·B·2 bytes (Uint16 counts).
 *
 * Bins are geometric with integer edges: e₀ = 1, e_{j+1} = max(e_j + 1, ⌊e_j·q⌋), last edge n + 1.
 * Bin j holds ranks e_j … e_{j+1} − 1. Small ranks get width-1 (exact) bins until e·(q−1) ≥ 1,
 * i.e. up to rank ≈ 1/(q−1); beyond, a bin is at most (q−1)·e_j wide. So any rank r read back
 * from its bin is off by at most (q − 1)·r: the relative resolution is q − 1. The ratio q is the
 * smallest (found by bisection) whose bin count fits `maxBins`. With n = 100,000: 167 bins (the
 * 32 MB default) → q − 1 ≈ 6.6 %; 128 bins → ≈ 8.5 %; 256 bins → ≈ 4 %.
 */
export interface RankBins {
  n: number;
  /** Bin edges: bin j = ranks edges[j] … edges[j+1] − 1; length bins + 1, last = n + 1. */
  edges: Int32Array;
  /** Bin of each rank 0 … n (rank 0, "no stage", maps to bin 0). */
  lut: Uint16Array;
  /** The ratio q − 1: the bound on |rank read back − true rank| / true rank. */
  resolution: number;
}

function edgesFor(n: number, q: number, cap: number): number[] | null {
  const edges = [1];
  let e = 1;
  while (e <= n) {
    e = Math.max(e + 1, Math.floor(e * q));
    edges.push(Math.min(e, n + 1));
    if (edges.length - 1 > cap) return null;
  }
  return edges;
}

export function rankBins(n: number, maxBins: number): RankBins {
  if (!(maxBins >= 2)) throw new Error(`rank bins: maxBins must be ≥ 2, got ${maxBins}`);
  let edges = edgesFor(n, 1, maxBins); // exact when it fits
  let resolution = 0;
  if (!edges) {
    let lo = 1;
    let hi = 2;
    while (!edgesFor(n, hi, maxBins)) hi *= 2;
    for (let it = 0; it < 60; it++) {
      const mid = (lo + hi) / 2;
      if (edgesFor(n, mid, maxBins)) hi = mid;
      else lo = mid;
    }
    edges = edgesFor(n, hi, maxBins)!;
    resolution = hi - 1;
  }
  if (n === 0) edges = [1, 1];
  const lut = new Uint16Array(n + 1);
  for (let b = 0; b + 1 < edges.length; b++) for (let r = edges[b]; r < edges[b + 1]; r++) lut[r] = b;
  return { n, edges: Int32Array.from(edges), lut, resolution };
}

/** Bins a run affords under a memory budget (bytes per count × n rows), clamped to 16 … 1024. */
export function binsForBudget(n: number, bytesPerCount: number, budgetBytes: number): number {
  const b = Math.floor(budgetBytes / Math.max(1, n * bytesPerCount));
  return Math.max(16, Math.min(1024, b));
}
