import { selectKth } from '../../engine/quantile.ts';
import type { PartialStats } from './partial-stats.ts';

/**
 * Per-enterprise results of a Monte Carlo run, from merged partial statistics.
 *
 * Quantiles are inverse-empirical-CDF ones (Hyndman–Fan type 1): Q(p) = the smallest rank r with
 * #{samples with rank ≤ r} ≥ ⌈p·S⌉ (S = samples counted; the median is the lower median).
 * - Rows in `exactRows` (scenario rank ≤ exactTop): exact, from every sampled rank.
 * - Other rows: from the row's histogram. The bin holding the ⌈p·S⌉-th rank is found exactly; inside
 *   it the ranks are taken as evenly spread, so the estimate lies in the right bin and is off by at
 *   most the bin width − 1 ≤ resolution · rank (rank-bins.ts). `exact[r]` says which case holds.
 * The mean and sd are exact for every row; the top-N and list probabilities are exact counts / S.
 */
export interface McSummary {
  n: number;
  samples: number;
  median: Float64Array;
  p05: Float64Array;
  p95: Float64Array;
  mean: Float64Array;
  sd: Float64Array;
  /** P(rank ≤ N) per threshold. */
  top: { n: number; p: Float64Array }[];
  /** P(on the list) per row (null without a list rule) and per band (`bands[b][r]`). */
  onList: Float64Array | null;
  bands: Float64Array[];
  /** 1 where the quantiles are exact. */
  exact: Uint8Array;
  /** Bound on |approximate quantile − exact| / rank for the other rows. */
  resolution: number;
}

/** The 0-based position of the type-1 quantile p among S sorted values. */
function quantileIndex(S: number, p: number): number {
  return Math.max(1, Math.ceil(p * S - 1e-9)) - 1;
}

/** The positions t = ⌈p·S⌉ (1-based) of the type-1 quantiles p05, median, p95 among S ranks. */
function quantileTargets(S: number, t: Float64Array): void {
  t[0] = Math.max(1, Math.ceil(0.05 * S - 1e-9));
  t[1] = Math.max(1, Math.ceil(0.5 * S - 1e-9));
  t[2] = Math.max(1, Math.ceil(0.95 * S - 1e-9));
}

/**
 * Type-1 quantiles p05, median, p95 read from one row's histogram (`hist[off .. off+bins)`) of S
 * samples: the bin holding the t-th rank, then an even spread inside the bin,
 * lo + ⌊(t − before − 1)·width / count⌋ where `before` is the count of the bins below. From the
 * left the scan stops at the bin of the 95% quantile; `fromRight` scans down from the last bin to
 * that of the 5% quantile, with before = S − (count of this bin and those above): the same
 * integers, so the same values, read from the end nearer the row's ranks.
 */
function binnedQuantiles(hist: ArrayLike<number>, off: number, edges: Int32Array, t: Float64Array, S: number, fromRight: boolean, out: Float64Array): void {
  const bins = edges.length - 1;
  if (!fromRight) {
    let before = 0;
    let q = 0;
    for (let b = 0; b < bins && q < 3; b++) {
      const c = hist[off + b];
      if (c === 0) continue;
      const next = before + c;
      while (q < 3 && t[q] <= next) {
        const lo = edges[b];
        out[q] = lo + Math.floor(((t[q] - before - 1) * (edges[b + 1] - lo)) / c);
        q++;
      }
      before = next;
    }
    return;
  }
  let above = 0;
  let q = 2;
  for (let b = bins - 1; b >= 0 && q >= 0; b--) {
    const c = hist[off + b];
    if (c === 0) continue;
    const before = S - above - c;
    while (q >= 0 && t[q] > before) {
      const lo = edges[b];
      out[q] = lo + Math.floor(((t[q] - before - 1) * (edges[b + 1] - lo)) / c);
      q--;
    }
    above += c;
  }
}

/** Σ of every count in the histograms (16-bit ones read two at a time through a 32-bit view, each half taken apart). */
function histTotal(hist: Uint16Array | Uint32Array): number {
  let total = 0;
  if (hist instanceof Uint16Array && hist.byteOffset % 4 === 0) {
    const pairs = new Uint32Array(hist.buffer, hist.byteOffset, hist.length >> 1);
    for (let i = 0; i < pairs.length; i++) {
      const w = pairs[i];
      total += (w & 0xffff) + (w >>> 16);
    }
    if (hist.length & 1) total += hist[hist.length - 1];
    return total;
  }
  for (let i = 0; i < hist.length; i++) total += hist[i];
  return total;
}

/** The first bin whose upper edge lies above rank x. */
function binOf(edges: Int32Array, x: number): number {
  let lo = 0;
  let hi = edges.length - 2;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (edges[mid + 1] > x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

export function summarize(P: PartialStats): McSummary {
  const { n, edges, hist } = P;
  const bins = edges.length - 1;
  const median = new Float64Array(n).fill(NaN);
  const p05 = new Float64Array(n).fill(NaN);
  const p95 = new Float64Array(n).fill(NaN);
  const mean = new Float64Array(n).fill(NaN);
  const sd = new Float64Array(n).fill(NaN);
  const exact = new Uint8Array(n);
  // Resolution of the bins: the largest (width − 1) / lower edge.
  let resolution = 0;
  for (let b = 0; b < bins; b++) resolution = Math.max(resolution, (edges[b + 1] - 1 - edges[b]) / edges[b]);
  const qs = new Float64Array(3);
  const targets = new Float64Array(3);
  // Ranks are ≥ 1, so a row with rankSum 0 has none. A row with ranks normally has one in every
  // sample (its stage and segment do not change between samples): then its histogram holds `done`
  // counts and need not be counted row by row. That holds for every row exactly when the
  // histograms' total is `done` times the rows with ranks (no row holds more than `done`).
  let ranked = 0;
  for (let r = 0; r < n; r++) ranked += +(P.rankSum[r] !== 0);
  const uniform = histTotal(hist) === ranked * P.done;
  quantileTargets(P.done, targets);
  const half = bins >> 1;
  for (let r = 0, off = 0; r < n; r++, off += bins) {
    if (P.rankSum[r] === 0) continue;
    let S = P.done;
    if (!uniform) {
      S = 0;
      for (let b = 0; b < bins; b++) S += hist[off + b];
      if (S === 0) continue;
      quantileTargets(S, targets);
    }
    binnedQuantiles(hist, off, edges, targets, S, binOf(edges, P.rankSum[r] / S) > half, qs);
    mean[r] = P.rankSum[r] / S;
    sd[r] = S > 1 ? Math.sqrt(Math.max(0, (P.rankSqSum[r] - (P.rankSum[r] * P.rankSum[r]) / S) / (S - 1))) : 0;
    p05[r] = qs[0];
    median[r] = qs[1];
    p95[r] = qs[2];
  }
  const buf = new Float64Array(P.samples);
  const { exactRows, exact: exactRanks, samples } = P;
  for (let m = 0; m < exactRows.length; m++) {
    const r = exactRows[m];
    let S = 0;
    for (let i = 0, at = m * samples; i < samples; i++, at++) {
      const v = exactRanks[at];
      if (v > 0) buf[S++] = v;
    }
    if (S === 0) continue;
    const i50 = quantileIndex(S, 0.5);
    const i05 = quantileIndex(S, 0.05);
    const i95 = quantileIndex(S, 0.95);
    selectKth(buf, i50, 0, S - 1);
    selectKth(buf, i05, 0, i50); // the 5% quantile is among the values ≤ the median, etc.
    selectKth(buf, i95, i50, S - 1);
    median[r] = buf[i50];
    p05[r] = buf[i05];
    p95[r] = buf[i95];
    exact[r] = 1;
  }
  const S = P.done;
  const prob = (counts: Uint32Array, off: number) => {
    const out = new Float64Array(n);
    for (let r = 0; r < n; r++) out[r] = S > 0 ? counts[off + r] / S : NaN;
    return out;
  };
  return {
    n,
    samples: S,
    median,
    p05,
    p95,
    mean,
    sd,
    top: P.topN.map((t, j) => ({ n: t, p: prob(P.topCount, j * n) })),
    onList: P.listCount ? prob(P.listCount, 0) : null,
    bands: P.bandCount ? Array.from({ length: P.bands }, (_, b) => prob(P.bandCount!, b * n)) : [],
    exact,
    resolution,
  };
}

export interface RankInterval {
  row: number;
  median: number;
  p05: number;
  p95: number;
  mean: number;
  /** P(rank ≤ N) for each topN threshold, in config order. */
  pTop: number[];
  pList: number | null;
  exact: boolean;
}

/** The uncertainty of one row (for the enterprise profile). */
export function rowInterval(s: McSummary, row: number): RankInterval {
  return {
    row,
    median: s.median[row],
    p05: s.p05[row],
    p95: s.p95[row],
    mean: s.mean[row],
    pTop: s.top.map((t) => t.p[row]),
    pList: s.onList ? s.onList[row] : null,
    exact: s.exact[row] === 1,
  };
}

/**
 * Rows for the rank-interval chart: the `m` rows of best scenario rank (`rank0`, e.g. the
 * scenario's result.rank), ties by row index, each with its interval.
 */
export function topIntervals(s: McSummary, rank0: ArrayLike<number>, m: number): (RankInterval & { rank0: number })[] {
  const rows: number[] = [];
  for (let r = 0; r < s.n; r++) if (rank0[r] >= 1 && rank0[r] <= m) rows.push(r);
  rows.sort((a, b) => rank0[a] - rank0[b] || a - b);
  return rows.slice(0, m).map((r) => ({ ...rowInterval(s, r), rank0: rank0[r] }));
}
