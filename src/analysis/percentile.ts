/**
 * Percentile of a row within its stage (0–100), the mid-distribution percentile:
 *
 *   P = 100 · (L + E / 2) / N
 *
 * where N = same-stage rows (the row itself included), L = those with a strictly lower score and
 * E = those with an equal score (the row itself included). So the rows tied with this one count
 * half, a stage's single row sits at 50, the best of N distinct scores at 100·(N − ½)/N, and the
 * percentiles of a stage average exactly 50. NaN scores are left out of N; a row with a NaN score,
 * a masked-out row, or a row without stage (index ≥ nStages when given) gets NaN. O(n), no allocation.
 */
export function stagePercentile(score: ArrayLike<number>, stage: Uint8Array, row: number, mask?: Uint8Array): number {
  if (!(row >= 0 && row < score.length)) throw new Error(`row ${row} is outside 0..${score.length - 1}`);
  const v = score[row];
  if (v !== v || (mask && !mask[row])) return NaN;
  const st = stage[row];
  let lower = 0;
  let equal = 0;
  let total = 0;
  for (let r = 0; r < score.length; r++) {
    if (stage[r] !== st || (mask && !mask[r])) continue;
    const x = score[r];
    if (x !== x) continue;
    total++;
    if (x < v) lower++;
    else if (x === v) equal++;
  }
  return (100 * (lower + equal / 2)) / total;
}
