/**
 * Binned rank-shift scatter (rank under A on x, under B on y) for charts: a G×G grid of counts,
 * never the raw points. Ranks 1 … maxRank are binned; with `scale: 'linear'` cell edges are
 * 1 + j·maxRank/G; with `'log'` they are maxRank^(j/G) (dense at the top, where readers look).
 * Rows ranked beyond maxRank under A or B are counted in `outside` (with maxRank < n the grid zooms
 * on the top of the ranking).
 */
export interface RankShiftGrid {
  bins: number;
  maxRank: number;
  scale: 'linear' | 'log';
  /** Lower rank edge of each cell, `bins + 1` values (the last is maxRank + 1). */
  edges: Float64Array;
  /** counts[yBin · bins + xBin]. */
  counts: Uint32Array;
  outside: number;
  /** Rows on the diagonal cell (same bin under both), a quick stability figure. */
  diagonal: number;
}

export function rankShiftGrid(rankA: ArrayLike<number>, rankB: ArrayLike<number>, opts: { bins?: number; maxRank?: number; scale?: 'linear' | 'log' } = {}): RankShiftGrid {
  const n = rankA.length;
  if (rankB.length !== n) throw new Error(`rank arrays differ in length: ${n} and ${rankB.length}`);
  const bins = opts.bins ?? 50;
  if (!(Number.isInteger(bins) && bins >= 1 && bins <= 1000)) throw new Error(`bins must be a whole number in 1..1000, got ${bins}`);
  const maxRank = Math.max(1, opts.maxRank ?? n);
  const scale = opts.scale ?? 'linear';
  const edges = new Float64Array(bins + 1);
  for (let j = 0; j <= bins; j++) edges[j] = scale === 'log' ? Math.pow(maxRank + 1, j / bins) : 1 + (j * maxRank) / bins;
  const bin = (r: number) =>
    scale === 'log' ? Math.min(bins - 1, Math.floor((Math.log(r) / Math.log(maxRank + 1)) * bins)) : Math.min(bins - 1, Math.floor(((r - 1) * bins) / maxRank));
  const counts = new Uint32Array(bins * bins);
  let outside = 0;
  let diagonal = 0;
  for (let r = 0; r < n; r++) {
    const a = rankA[r];
    const b = rankB[r];
    if (!(a >= 1 && a <= maxRank && b >= 1 && b <= maxRank)) {
      outside++;
      continue;
    }
    const x = bin(a);
    const y = bin(b);
    counts[y * bins + x]++;
    if (x === y) diagonal++;
  }
  return { bins, maxRank, scale, edges, counts, outside, diagonal };
}

/** Mean |rank_B − rank_A| over all rows (0 for n = 0). */
export function meanAbsRankShift(rankA: ArrayLike<number>, rankB: ArrayLike<number>): number {
  const n = rankA.length;
  if (n === 0) return 0;
  let s = 0;
  for (let r = 0; r < n; r++) s += Math.abs(rankB[r] - rankA[r]);
  return s / n;
}
