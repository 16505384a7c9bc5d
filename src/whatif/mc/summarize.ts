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

/** Type-1 quantile of the sorted values `v[0..S)`. */
function exactQuantile(v: Int32Array, S: number, p: number): number {
  const t = Math.max(1, Math.ceil(p * S - 1e-9));
  return v[t - 1];
}

/**
 * Type-1 quantiles p05, median, p95 read from one row's histogram (`hist[off .. off+bins)`) in one
 * pass: the bin holding the t-th rank, t = ⌈p·S⌉, then an even spread inside the bin.
 */
function binnedQuantiles(hist: ArrayLike<number>, off: number, edges: Int32Array, S: number, out: Float64Array): void {
  const t0 = Math.max(1, Math.ceil(0.05 * S - 1e-9));
  const t1 = Math.max(1, Math.ceil(0.5 * S - 1e-9));
  const t2 = Math.max(1, Math.ceil(0.95 * S - 1e-9));
  let cum = 0;
  let q = 0;
  const bins = edges.length - 1;
  for (let b = 0; b < bins && q < 3; b++) {
    const c = hist[off + b];
    if (c === 0) continue;
    const next = cum + c;
    while (q < 3) {
      const t = q === 0 ? t0 : q === 1 ? t1 : t2;
      if (next < t) break;
      const lo = edges[b];
      out[q++] = lo + Math.floor(((t - cum - 1) * (edges[b + 1] - lo)) / c);
    }
    cum = next;
  }
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
  for (let r = 0, off = 0; r < n; r++, off += bins) {
    let S = 0;
    for (let b = 0; b < bins; b++) S += hist[off + b];
    if (S === 0) continue;
    mean[r] = P.rankSum[r] / S;
    sd[r] = S > 1 ? Math.sqrt(Math.max(0, (P.rankSqSum[r] - (P.rankSum[r] * P.rankSum[r]) / S) / (S - 1))) : 0;
    binnedQuantiles(hist, off, edges, S, qs);
    p05[r] = qs[0];
    median[r] = qs[1];
    p95[r] = qs[2];
  }
  const buf = new Int32Array(P.samples);
  P.exactRows.forEach((r, m) => {
    let S = 0;
    for (let i = 0; i < P.samples; i++) {
      const v = P.exact[m * P.samples + i];
      if (v > 0) buf[S++] = v;
    }
    if (S === 0) return;
    const v = buf.subarray(0, S).sort();
    median[r] = exactQuantile(v, S, 0.5);
    p05[r] = exactQuantile(v, S, 0.05);
    p95[r] = exactQuantile(v, S, 0.95);
    exact[r] = 1;
  });
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
