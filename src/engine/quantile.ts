/**
 * Hyndman–Fan type 7 quantiles by selection instead of a full sort: preparing a million rows needs
 * only four order statistics per indicator, and quickselect finds them in O(n) where a typed-array
 * sort costs ~100 ms per column.
 */

/**
 * Rearranges `a[left..right]` so that `a[k]` holds the k-th smallest value, everything before it is
 * ≤ and everything after it is ≥ (Hoare/Wirth selection; equal keys are swapped across the pivot
 * so long runs of ties — zero-inflated counts — stay balanced).
 */
export function selectKth(a: Float64Array, k: number, left = 0, right = a.length - 1): number {
  while (right > left) {
    const mid = (left + right) >>> 1;
    // median of three as pivot
    let x = a[left];
    let y = a[mid];
    const z = a[right];
    if (x > y) [x, y] = [y, x];
    if (y > z) y = z < x ? x : z;
    const pivot = y;
    let i = left;
    let j = right;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        const t = a[i];
        a[i] = a[j];
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else break;
  }
  return a[k];
}

/**
 * Type 7 quantile of the first `n` values of `a` (which must all be finite), `0 ≤ p ≤ 1`:
 * `h = (n−1)p`, `Q = f[⌊h⌋] + (h−⌊h⌋)(f[⌊h⌋+1] − f[⌊h⌋])` with `f` the values sorted ascending.
 * Reorders `a`. Returns NaN when n = 0.
 */
export function quantile7(a: Float64Array, n: number, p: number): number {
  if (n === 0) return NaN;
  const h = (n - 1) * p;
  const j = Math.floor(h);
  const fj = selectKth(a, j, 0, n - 1);
  const frac = h - j;
  if (frac === 0 || j + 1 >= n) return fj;
  // After selection everything right of j is ≥ f[j]; the next order statistic is their minimum.
  let next = Infinity;
  for (let r = j + 1; r < n; r++) if (a[r] < next) next = a[r];
  return fj + frac * (next - fj);
}

/** Minimum and maximum of the first n values (n ≥ 1). */
export function minMax(a: Float64Array, n: number): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let r = 0; r < n; r++) {
    const v = a[r];
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return [lo, hi];
}
