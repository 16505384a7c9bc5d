/**
 * Means and centred co-moment matrices `C[i][j] = Σ_r (x_ri − x̄_i)(x_rj − x̄_j)` of a row-major
 * k-column matrix, per group. Two passes (means, then centred products) because Σx² − n x̄²
 * cancels catastrophically for a nearly constant column. The stage groups are accumulated row
 * by row; `all` is combined from them exactly,
 *   C_all = Σ_g C_g + Σ_g n_g (x̄_g − x̄)(x̄_g − x̄)ᵀ,
 * so the k² work is done once per row. A column whose values are all equal within a group is
 * marked constant from its extremes (a computed variance would be a rounding residue, not 0).
 */
import type { Groups } from './groups.ts';
import type { StageOrder } from './stage-order.ts';

const BLOCK = 1024;

export interface CoMoments {
  k: number;
  /** `[g * k + i]`. */
  mean: Float64Array;
  /** Full symmetric matrices, `[g * k * k + i * k + j]`. */
  c: Float64Array;
  /** 1 where column i is constant in group g (or the group is empty), `[g * k + i]`. */
  constant: Uint8Array;
}

export function coMoments(x: Float64Array, k: number, stage: Uint8Array, groups: Groups, order: StageOrder): CoMoments {
  const n = stage.length;
  if (x.length !== n * k) throw new Error(`matrix has ${x.length} values, expected ${n}×${k}`);
  const G = groups.count;
  const all = groups.stages;
  const kk = k * k;
  const sum = new Float64Array(G * k);
  const min = new Float64Array(G * k).fill(Infinity);
  const max = new Float64Array(G * k).fill(-Infinity);
  for (let r = 0, o = 0; r < n; r++, o += k) {
    const st = stage[r];
    if (st >= all) continue;
    const b = st * k;
    for (let i = 0; i < k; i++) {
      const v = x[o + i];
      sum[b + i] += v;
      if (v < min[b + i]) min[b + i] = v;
      if (v > max[b + i]) max[b + i] = v;
    }
  }
  const mean = new Float64Array(G * k);
  const constant = new Uint8Array(G * k);
  for (let g = 0; g < all; g++) {
    for (let i = 0; i < k; i++) {
      sum[all * k + i] += sum[g * k + i];
      if (min[g * k + i] < min[all * k + i]) min[all * k + i] = min[g * k + i];
      if (max[g * k + i] > max[all * k + i]) max[all * k + i] = max[g * k + i];
    }
  }
  for (let g = 0; g < G; g++) {
    const m = groups.rows[g];
    for (let i = 0; i < k; i++) {
      mean[g * k + i] = m > 0 ? sum[g * k + i] / m : NaN;
      constant[g * k + i] = m > 0 && min[g * k + i] < max[g * k + i] ? 0 : 1;
    }
  }
  const c = new Float64Array(G * kk);
  // Centred products block by block: BLOCK positions of one stage transposed to column-major
  // (they stay in L2), then one contiguous dot product per pair.
  const block = new Float64Array(k * BLOCK);
  for (let g = 0; g < all; g++) {
    const mb = g * k;
    const cb = g * kk;
    for (let p0 = order.start[g]; p0 < order.start[g + 1]; p0 += BLOCK) {
      const len = Math.min(BLOCK, order.start[g + 1] - p0);
      for (let t = 0; t < len; t++) {
        const o = order.rows[p0 + t] * k;
        for (let i = 0; i < k; i++) block[i * BLOCK + t] = x[o + i] - mean[mb + i];
      }
      pairSums(block, BLOCK, k, len, c, cb);
    }
  }
  const ca = all * kk;
  for (let g = 0; g < all; g++) {
    const m = groups.rows[g];
    if (m === 0) continue;
    for (let i = 0; i < k; i++) {
      const di = mean[g * k + i] - mean[all * k + i];
      for (let j = i; j < k; j++) {
        c[ca + i * k + j] += c[g * kk + i * k + j] + m * di * (mean[g * k + j] - mean[all * k + j]);
      }
    }
  }
  for (let g = 0; g < G; g++) {
    for (let i = 0; i < k; i++) for (let j = 0; j < i; j++) c[g * kk + i * k + j] = c[g * kk + j * k + i];
  }
  return { k, mean, c, constant };
}

/**
 * `c[cb + i·k + j] += Σ_t x[i·stride + t] · x[j·stride + t]` over t < len for every pair j ≥ i of the
 * k columns of a column-major block. Four pairs (i, j … j+3) share each load of column i; each
 * pair's sum is still its own chain over t in order, so the result is the plain loop's bit for bit.
 */
function pairSums(x: Float64Array, stride: number, k: number, len: number, c: Float64Array, cb: number): void {
  for (let i = 0; i < k; i++) {
    const bi = i * stride;
    let j = i;
    for (; j + 3 < k; j += 4) {
      const b0 = j * stride;
      const b1 = b0 + stride;
      const b2 = b1 + stride;
      const b3 = b2 + stride;
      let a0 = 0;
      let a1 = 0;
      let a2 = 0;
      let a3 = 0;
      for (let t = 0; t < len; t++) {
        const v = x[bi + t];
        a0 += v * x[b0 + t];
        a1 += v * x[b1 + t];
        a2 += v * x[b2 + t];
        a3 += v * x[b3 + t];
      }
      const at = cb + i * k + j;
      c[at] += a0;
      c[at + 1] += a1;
      c[at + 2] += a2;
      c[at + 3] += a3;
    }
    for (; j < k; j++) {
      const bj = j * stride;
      let acc = 0;
      for (let t = 0; t < len; t++) acc += x[bi + t] * x[bj + t];
      c[cb + i * k + j] += acc;
    }
  }
}

/**
 * Correlation matrices from co-moments: `r_ij = C_ij / √(C_ii C_jj)`, clamped to [−1, 1] against
 * rounding, unit diagonal; NaN in every pair that involves a constant column (undefined, not 0).
 */
export function correlations(m: Pick<CoMoments, 'k' | 'c' | 'constant'>, groups: number): Float64Array {
  const { k, c, constant } = m;
  const kk = k * k;
  const out = new Float64Array(groups * kk);
  for (let g = 0; g < groups; g++) {
    for (let i = 0; i < k; i++) {
      for (let j = 0; j < k; j++) {
        const at = g * kk + i * k + j;
        if (constant[g * k + i] || constant[g * k + j]) out[at] = NaN;
        else if (i === j) out[at] = 1;
        else out[at] = Math.max(-1, Math.min(1, c[at] / Math.sqrt(c[g * kk + i * k + i] * c[g * kk + j * k + j])));
      }
    }
  }
  return out;
}
