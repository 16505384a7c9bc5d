/**
 * Kendall's τ-b in O(n log n) (Knight 1966, "A computer method for calculating Kendall's tau with
 * ungrouped data"):
 *   1. sort the pairs by (x, y); n₁ = Σ tᵢ(tᵢ−1)/2 over tie groups of x, n₃ = the same over joint
 *      ties of (x, y);
 *   2. merge-sort by y, counting the swaps S (the discordant pairs among x-untied pairs);
 *      n₂ = Σ uⱼ(uⱼ−1)/2 over tie groups of y;
 *   3. n₀ = n(n−1)/2, concordant − discordant = n₀ − n₁ − n₂ + n₃ − 2S,
 *      τ_b = (n₀ − n₁ − n₂ + n₃ − 2S) / √((n₀ − n₁)(n₀ − n₂)).
 * NaN when n < 2 or either side is all ties. Works on any comparable numbers (ranks or scores).
 */
export function kendallTauB(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const n = x.length;
  if (y.length !== n) throw new Error(`arrays differ in length: ${n} and ${y.length}`);
  if (n < 2) return NaN;
  let idx = Uint32Array.from({ length: n }, (_, i) => i).sort((a, b) => x[a] - x[b] || y[a] - y[b]);
  let n1 = 0;
  let n3 = 0;
  for (let i = 0; i < n;) {
    let j = i + 1;
    while (j < n && x[idx[j]] === x[idx[i]]) j++;
    const t = j - i;
    n1 += (t * (t - 1)) / 2;
    // joint ties within this x-group (already sorted by y)
    for (let p = i; p < j;) {
      let q = p + 1;
      while (q < j && y[idx[q]] === y[idx[p]]) q++;
      const u = q - p;
      n3 += (u * (u - 1)) / 2;
      p = q;
    }
    i = j;
  }
  // Bottom-up merge sort by y, counting swaps (inversions: y[left] > y[right]).
  let buf = new Uint32Array(n);
  let swaps = 0;
  for (let width = 1; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(lo + width, n);
      const hi = Math.min(lo + 2 * width, n);
      let i = lo;
      let j = mid;
      let k = lo;
      while (i < mid && j < hi) {
        if (y[idx[j]] < y[idx[i]]) {
          buf[k++] = idx[j++];
          swaps += mid - i;
        } else buf[k++] = idx[i++];
      }
      while (i < mid) buf[k++] = idx[i++];
      while (j < hi) buf[k++] = idx[j++];
    }
    [idx, buf] = [buf, idx];
  }
  let n2 = 0;
  for (let i = 0; i < n;) {
    let j = i + 1;
    while (j < n && y[idx[j]] === y[idx[i]]) j++;
    n2 += ((j - i) * (j - i - 1)) / 2;
    i = j;
  }
  const n0 = (n * (n - 1)) / 2;
  const denom = Math.sqrt((n0 - n1) * (n0 - n2));
  if (denom === 0) return NaN;
  return Math.max(-1, Math.min(1, (n0 - n1 - n2 + n3 - 2 * swaps) / denom));
}
