/**
 * Distribution summaries (count, mean, median, p10/p90, min/max, vetoed) overall and per stage.
 * Quantiles are Hyndman–Fan type 7, as everywhere else in the project (scoring.md §4). They are
 * found by selection (the engine's quickselect), not by sorting: a typed-array sort of a million
 * scores costs ~130 ms, three selections a few ms, and summaries are recomputed on every re-score.
 */
import { quantile7 } from '../engine/index.ts';

export interface Summary {
  /** Non-NaN values summarised. */
  count: number;
  /** NaN values left out. */
  missing: number;
  /** Rows whose `vetoed` byte is set (counted whether or not their value is NaN). */
  vetoed: number;
  /** NaN when count = 0. */
  mean: number;
  median: number;
  p10: number;
  p90: number;
  min: number;
  max: number;
}

/** Type-7 quantile of an ascending, NaN-free array (NaN when empty). */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/**
 * Summary of a NaN-free segment (reordered in place by the selections). `sum` is the values' sum,
 * accumulated by the caller while it filled the segment.
 */
function summarizeSegment(seg: Float64Array, sum: number, min: number, max: number, missing: number, vetoed: number): Summary {
  const n = seg.length;
  if (n === 0) return { count: 0, missing, vetoed, mean: NaN, median: NaN, p10: NaN, p90: NaN, min: NaN, max: NaN };
  return {
    count: n,
    missing,
    vetoed,
    mean: sum / n,
    // p10 first: the selections leave the segment partly ordered, so the later ones are cheaper.
    p10: quantile7(seg, n, 0.1),
    median: quantile7(seg, n, 0.5),
    p90: quantile7(seg, n, 0.9),
    min,
    max,
  };
}

/** Summary of all (masked) rows. Values should be finite or NaN (NaN is left out). */
export function summary(values: ArrayLike<number>, vetoed?: Uint8Array, mask?: Uint8Array): Summary {
  const buf = new Float64Array(values.length);
  let m = 0;
  let missing = 0;
  let vet = 0;
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let r = 0; r < values.length; r++) {
    if (mask && !mask[r]) continue;
    if (vetoed && vetoed[r]) vet++;
    const v = values[r];
    if (v !== v) {
      missing++;
      continue;
    }
    buf[m++] = v;
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return summarizeSegment(buf.subarray(0, m), sum, min, max, missing, vet);
}

/**
 * One summary per stage. Values are bucketed by stage with a counting sort into one buffer, then
 * each stage's segment is summarised by selection: O(n), one allocation. Rows with a stage index
 * `≥ nStages` are left out.
 */
export function stageSummaries(
  values: ArrayLike<number>,
  stage: Uint8Array,
  nStages: number,
  vetoed?: Uint8Array,
  mask?: Uint8Array,
): Summary[] {
  const n = values.length;
  if (stage.length !== n) throw new Error(`stage has ${stage.length} rows, values ${n}`);
  const count = new Float64Array(nStages);
  const missing = new Float64Array(nStages);
  const vet = new Float64Array(nStages);
  const sum = new Float64Array(nStages);
  const min = new Float64Array(nStages).fill(Infinity);
  const max = new Float64Array(nStages).fill(-Infinity);
  for (let r = 0; r < n; r++) {
    if (mask && !mask[r]) continue;
    const st = stage[r];
    if (st >= nStages) continue;
    if (vetoed && vetoed[r]) vet[st]++;
    const v = values[r];
    if (v !== v) {
      missing[st]++;
      continue;
    }
    count[st]++;
    sum[st] += v;
    if (v < min[st]) min[st] = v;
    if (v > max[st]) max[st] = v;
  }
  const start = new Float64Array(nStages + 1);
  for (let s = 0; s < nStages; s++) start[s + 1] = start[s] + count[s];
  const fill = start.slice(0, nStages);
  const buf = new Float64Array(start[nStages]);
  for (let r = 0; r < n; r++) {
    if (mask && !mask[r]) continue;
    const st = stage[r];
    const v = values[r];
    if (st >= nStages || v !== v) continue;
    buf[fill[st]++] = v;
  }
  const out: Summary[] = [];
  for (let s = 0; s < nStages; s++) {
    out.push(summarizeSegment(buf.subarray(start[s], start[s + 1]), sum[s], min[s], max[s], missing[s], vet[s]));
  }
  return out;
}
