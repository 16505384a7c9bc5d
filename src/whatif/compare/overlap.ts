/**
 * Overlap of two top-N lists: |A ∩ B| / max(|A|, |B|), where a list is every row with
 * competition rank ≤ N (ties at the boundary included). 1 = the same rows, 0 = none shared;
 * NaN when both lists are empty.
 */
export function topOverlap(rankA: ArrayLike<number>, rankB: ArrayLike<number>, topN: number): number {
  let a = 0;
  let b = 0;
  let both = 0;
  for (let r = 0; r < rankA.length; r++) {
    const inA = rankA[r] >= 1 && rankA[r] <= topN;
    const inB = rankB[r] >= 1 && rankB[r] <= topN;
    if (inA) a++;
    if (inB) b++;
    if (inA && inB) both++;
  }
  const m = Math.max(a, b);
  return m === 0 ? NaN : both / m;
}

/** A symmetric m×m matrix (row-major, diagonal 1) of a pairwise statistic. */
export function pairMatrix(m: number, f: (i: number, j: number) => number): Float64Array {
  const out = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    out[i * m + i] = 1;
    for (let j = i + 1; j < m; j++) out[i * m + j] = out[j * m + i] = f(i, j);
  }
  return out;
}
