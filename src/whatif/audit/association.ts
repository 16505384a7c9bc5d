/**
 * How each indicator goes with the score, over the scored (non-vetoed) rows of each group:
 * the score's mean and total sum of squares, and the squared Pearson correlation
 *   r²_i = S_xy² / (S_xx · S_yy),  S_xy = Σ (s_i − s̄_i)(y − ȳ), …
 * (two passes, centred). r² is NaN when s_i or the score is constant over the group's scored rows.
 */
import type { Groups } from './groups.ts';

export interface ScoreAssociation {
  /** Per group. */
  scoreMean: Float64Array;
  scoreSS: Float64Array;
  /** Score constant (or fewer than 2 scored rows) in the group. */
  scoreConstant: Uint8Array;
  /** `[g * k + i]`. */
  r2: Float64Array;
  /** s_i constant over the group's scored rows. */
  indicatorConstant: Uint8Array;
}

export function scoreAssociation(s: Float64Array, k: number, stage: Uint8Array, score: Float64Array, vetoed: Uint8Array, groups: Groups): ScoreAssociation {
  const n = stage.length;
  const G = groups.count;
  const all = groups.stages;
  const sy = new Float64Array(G);
  const ymin = new Float64Array(G).fill(Infinity);
  const ymax = new Float64Array(G).fill(-Infinity);
  const sx = new Float64Array(G * k);
  const xmin = new Float64Array(G * k).fill(Infinity);
  const xmax = new Float64Array(G * k).fill(-Infinity);
  for (let r = 0, o = 0; r < n; r++, o += k) {
    const st = stage[r];
    if (st >= all || vetoed[r]) continue;
    const y = score[r];
    sy[st] += y;
    if (y < ymin[st]) ymin[st] = y;
    if (y > ymax[st]) ymax[st] = y;
    const b = st * k;
    for (let i = 0; i < k; i++) {
      const v = s[o + i];
      sx[b + i] += v;
      if (v < xmin[b + i]) xmin[b + i] = v;
      if (v > xmax[b + i]) xmax[b + i] = v;
    }
  }
  for (let g = 0; g < all; g++) {
    sy[all] += sy[g];
    ymin[all] = Math.min(ymin[all], ymin[g]);
    ymax[all] = Math.max(ymax[all], ymax[g]);
    for (let i = 0; i < k; i++) {
      sx[all * k + i] += sx[g * k + i];
      xmin[all * k + i] = Math.min(xmin[all * k + i], xmin[g * k + i]);
      xmax[all * k + i] = Math.max(xmax[all * k + i], xmax[g * k + i]);
    }
  }
  const ym = new Float64Array(G);
  const xm = new Float64Array(G * k);
  for (let g = 0; g < G; g++) {
    const m = groups.scored[g];
    ym[g] = m > 0 ? sy[g] / m : NaN;
    for (let i = 0; i < k; i++) xm[g * k + i] = m > 0 ? sx[g * k + i] / m : NaN;
  }
  const syy = new Float64Array(G);
  const sxx = new Float64Array(G * k);
  const sxy = new Float64Array(G * k);
  const ba = all * k;
  for (let r = 0, o = 0; r < n; r++, o += k) {
    const st = stage[r];
    if (st >= all || vetoed[r]) continue;
    const y = score[r];
    const dy = y - ym[st];
    const ey = y - ym[all];
    syy[st] += dy * dy;
    syy[all] += ey * ey;
    const b = st * k;
    for (let i = 0; i < k; i++) {
      const v = s[o + i];
      const dx = v - xm[b + i];
      sxx[b + i] += dx * dx;
      sxy[b + i] += dx * dy;
      const ex = v - xm[ba + i];
      sxx[ba + i] += ex * ex;
      sxy[ba + i] += ex * ey;
    }
  }
  const scoreConstant = new Uint8Array(G);
  const indicatorConstant = new Uint8Array(G * k);
  const r2 = new Float64Array(G * k);
  for (let g = 0; g < G; g++) {
    scoreConstant[g] = groups.scored[g] >= 2 && ymin[g] < ymax[g] ? 0 : 1;
    for (let i = 0; i < k; i++) {
      const j = g * k + i;
      indicatorConstant[j] = groups.scored[g] >= 1 && xmin[j] < xmax[j] ? 0 : 1;
      r2[j] = scoreConstant[g] || indicatorConstant[j] ? NaN : Math.min(1, (sxy[j] * sxy[j]) / (sxx[j] * syy[g]));
    }
  }
  return { scoreMean: ym, scoreSS: syy, scoreConstant, r2, indicatorConstant };
}
