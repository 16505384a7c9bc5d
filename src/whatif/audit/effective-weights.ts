/**
 * Effective weight of an indicator (Paruolo, Saisana & Saltelli, JRSS-A 2013): its main effect on
 * the score, the first-order sensitivity index S_i = Var(E[y | x_i]) / Var(y), estimated by binned
 * conditional means: with B equal-count bins on s_i (column-ranks.ts: B = min(100, ⌊√m⌋), ties
 * kept in one bin) and ȳ_b the mean score of bin b,
 *   Ŝ_i = Σ_b m_b (ȳ_b − ȳ)² / Σ_r (y_r − ȳ)²,
 * the between-bin share of the score's sum of squares (the correlation ratio η²). It lies in
 * [0, 1]; with few rows per bin it is biased upward by about (B − 1)/m, negligible for m ≫ B².
 * A constant s_i has one bin and Ŝ_i = 0 (it explains nothing); a constant score leaves S_i
 * undefined (NaN). The score includes bonus points, so Σ_i S_i may fall short of 1 in a stage.
 */
import { MAX_BINS, type ColumnWorkspace } from './column-ranks.ts';

/** Reads the bins of the column last passed to rankAndBinColumn and writes `out[g * k + i]`. */
export function binnedMainEffect(ws: ColumnWorkspace, i: number, k: number, scoreMean: Float64Array, scoreSS: Float64Array, scoreConstant: Uint8Array, out: Float64Array): void {
  const G = ws.groups.count;
  for (let g = 0; g < G; g++) {
    if (scoreConstant[g]) {
      out[g * k + i] = NaN;
      continue;
    }
    let between = 0;
    const B = ws.bins[g];
    for (let b = 0; b < B; b++) {
      const m = ws.binRows[g * MAX_BINS + b];
      if (m === 0) continue;
      const d = ws.binSum[g * MAX_BINS + b] / m - scoreMean[g];
      between += m * d * d;
    }
    out[g * k + i] = Math.min(1, between / scoreSS[g]);
  }
}
