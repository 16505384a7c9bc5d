/**
 * Tie-corrected ("fractional") ranks. A group of t tied values occupying competition rank c gets
 * the average position c + (t − 1)/2, so Σ ranks = n(n+1)/2 whatever the ties: the ranks that the
 * tie-corrected Spearman coefficient correlates.
 */

/** Average ranks from competition ranks (1224 → 1, 2.5, 2.5, 4). Ranks must be integers in 1..n. */
export function averageFromCompetition(rank: ArrayLike<number>): Float64Array {
  const n = rank.length;
  const ties = new Int32Array(n + 2);
  for (let r = 0; r < n; r++) {
    const c = rank[r];
    if (!(c >= 1 && c <= n && Number.isInteger(c))) throw new Error(`rank ${c} of row ${r} is not a whole number in 1..${n}`);
    ties[c]++;
  }
  const out = new Float64Array(n);
  for (let r = 0; r < n; r++) out[r] = rank[r] + (ties[rank[r]] - 1) / 2;
  return out;
}

/** Average ranks of values, largest = 1 (descending, as scores rank). NaN values are not allowed. */
export function averageRanksDescending(values: ArrayLike<number>): Float64Array {
  const n = values.length;
  const idx = Uint32Array.from({ length: n }, (_, i) => i).sort((a, b) => values[b] - values[a]);
  const out = new Float64Array(n);
  for (let p = 0; p < n;) {
    let q = p + 1;
    while (q < n && values[idx[q]] === values[idx[p]]) q++;
    const avg = (p + 1 + q) / 2; // positions p+1 … q
    for (let j = p; j < q; j++) out[idx[j]] = avg;
    p = q;
  }
  return out;
}
