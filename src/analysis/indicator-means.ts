import type { ScoredMatrix } from './scored-matrix.ts';

export interface StageIndicatorMeans {
  /** `means[stage][indicator]`: mean normalised value s; NaN for a stage without rows. */
  means: number[][];
  /** Rows per stage that entered the means. */
  counts: number[];
}

/**
 * Mean normalised value of each indicator within each stage, from the engine's row-major `s`
 * matrix. A missing raw value has s = 0 (scoring.md §4.6), so it pulls the mean down exactly as it
 * pulls the score down. One pass over the matrix; rows with stage `≥ nStages` are left out.
 */
export function stageIndicatorMeans(p: ScoredMatrix, nStages: number, mask?: Uint8Array): StageIndicatorMeans {
  const { n, k, s, stage } = p;
  if (s.length !== n * k) throw new Error(`s has ${s.length} values, expected ${n}×${k}`);
  const sums = new Float64Array(nStages * k);
  const counts = new Float64Array(nStages);
  for (let r = 0, o = 0; r < n; r++, o += k) {
    if (mask && !mask[r]) continue;
    const st = stage[r];
    if (st >= nStages) continue;
    counts[st]++;
    const w = st * k;
    for (let i = 0; i < k; i++) sums[w + i] += s[o + i];
  }
  const means: number[][] = [];
  for (let st = 0; st < nStages; st++) {
    const row: number[] = [];
    for (let i = 0; i < k; i++) row.push(counts[st] ? sums[st * k + i] / counts[st] : NaN);
    means.push(row);
  }
  return { means, counts: Array.from(counts) };
}
