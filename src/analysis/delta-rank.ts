/**
 * Rank change against a baseline (usually the system's published weights):
 * `Δ = baselineRank − currentRank`, so a POSITIVE Δ means the row moved UP (rank 7 → 3 gives +4).
 * A rank of 0 or less (no rank, e.g. stageRank of a row without stage) on either side gives 0.
 */
export function deltaRank(current: Int32Array, baseline: Int32Array, out?: Int32Array): Int32Array {
  const n = current.length;
  if (baseline.length !== n) throw new Error(`baseline has ${baseline.length} ranks, current ${n}`);
  const d = out && out.length === n ? out : new Int32Array(n);
  for (let r = 0; r < n; r++) {
    const c = current[r];
    const b = baseline[r];
    d[r] = c > 0 && b > 0 ? b - c : 0;
  }
  return d;
}

/** Δrank of one row (same convention as `deltaRank`). */
export function deltaRankAt(current: ArrayLike<number>, baseline: ArrayLike<number>, row: number): number {
  const c = current[row];
  const b = baseline[row];
  return c > 0 && b > 0 ? b - c : 0;
}
