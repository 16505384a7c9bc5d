import type { Histogram, Summary } from '../src/analysis/index.ts';
import type { Run } from '../src/engine/index.ts';
import type { ScoreStats } from '../src/protocol/scoring.ts';

export const HISTOGRAM_BINS = 40;
const QUANTILES = [0.1, 0.5, 0.9] as const;

/** Upper end of the histogram domain: the top score rounded up to a multiple of 10 (≥ 10). */
function niceMax(top: number): number {
  return Math.max(10, Math.ceil(top / 10) * 10);
}

/**
 * Summaries and histograms of G groups (group 0 = the population, 1 + s = stage s) filled in ONE
 * sequential pass over the rows, with no sort: a fresh sort, or even a walk through the engine's
 * `order` (random access), costs 100+ ms per re-score at 1M rows; this pass ~10 ms. Exact type-7
 * quantiles come from the engine's competition ranks: a row of rank k covers the descending
 * positions k−1 … k−2+ties, so the value at descending position d is the score of the row with
 * the largest k − 1 ≤ d. State lives in flat typed arrays (6 order statistics per group).
 */
class Groups {
  readonly target: Float64Array;
  readonly best: Float64Array;
  readonly value: Float64Array;
  readonly sum: Float64Array;
  readonly min: Float64Array;
  readonly max: Float64Array;
  readonly counts: Float64Array;

  constructor(
    readonly sizes: number[],
    readonly vetoed: number[],
    readonly bins: number,
  ) {
    const g = sizes.length;
    this.target = new Float64Array(6 * g);
    this.best = new Float64Array(6 * g).fill(-1);
    this.value = new Float64Array(6 * g).fill(NaN);
    this.sum = new Float64Array(g);
    this.min = new Float64Array(g).fill(Infinity);
    this.max = new Float64Array(g).fill(-Infinity);
    this.counts = new Float64Array(g * bins);
    sizes.forEach((m, i) => {
      QUANTILES.forEach((p, q) => {
        const h = (m - 1) * p;
        const lo = Math.floor(h);
        // ascending index j ↔ descending position m − 1 − j
        this.target[6 * i + 2 * q] = m - 1 - lo;
        this.target[6 * i + 2 * q + 1] = m - 1 - Math.min(lo + 1, m - 1);
      });
    });
  }

  add(g: number, v: number, rankMinus1: number, bin: number): void {
    this.sum[g] += v;
    if (v < this.min[g]) this.min[g] = v;
    if (v > this.max[g]) this.max[g] = v;
    this.counts[g * this.bins + bin]++;
    const { target, best, value } = this;
    for (let t = 6 * g, end = t + 6; t < end; t++) {
      if (rankMinus1 <= target[t] && rankMinus1 > best[t]) {
        best[t] = rankMinus1;
        value[t] = v;
      }
    }
  }

  summary(g: number): Summary {
    const n = this.sizes[g];
    const q = (i: number) => {
      if (n === 0) return NaN;
      const h = (n - 1) * QUANTILES[i];
      const a = this.value[6 * g + 2 * i];
      return a + (h - Math.floor(h)) * (this.value[6 * g + 2 * i + 1] - a);
    };
    return { count: n, missing: 0, vetoed: this.vetoed[g], mean: n ? this.sum[g] / n : NaN, median: q(1), p10: q(0), p90: q(2), min: n ? this.min[g] : NaN, max: n ? this.max[g] : NaN };
  }

  histogram(g: number, max: number, step: number): Histogram {
    return { min: 0, max, step, counts: Array.from(this.counts.subarray(g * this.bins, (g + 1) * this.bins)), total: this.sizes[g], missing: 0, outside: 0 };
  }
}

export function scoreStats(run: Run, scoreMs: number): Omit<ScoreStats, 'top'> {
  const { score, vetoed, order, rank, stageRank } = run.result;
  const stage = run.prepared.stage;
  const stages = run.system.stages.length;
  const n = score.length;
  const counts = new Array<number>(stages).fill(0);
  const vetoedByStage = new Array<number>(stages).fill(0);
  let noStage = 0;
  let vetoedAll = 0;
  for (let r = 0; r < n; r++) {
    const st = stage[r];
    const v = vetoed[r];
    vetoedAll += v;
    if (st >= stages) noStage++;
    else {
      counts[st]++;
      vetoedByStage[st] += v;
    }
  }
  // Scores are never NaN and never negative (a vetoed row scores 0).
  const max = niceMax(n ? score[order[0]] : 0);
  const step = max / HISTOGRAM_BINS;
  const groups = new Groups([n, ...counts], [vetoedAll, ...vetoedByStage], HISTOGRAM_BINS);
  for (let r = 0; r < n; r++) {
    const v = score[r];
    const b = Math.min(HISTOGRAM_BINS - 1, Math.max(0, Math.floor(v / step)));
    groups.add(0, v, rank[r] - 1, b);
    const st = stage[r];
    if (st < stages) groups.add(1 + st, v, stageRank[r] - 1, b);
  }
  return {
    systemId: run.system.id,
    stageCounts: counts,
    noStage,
    vetoed: vetoedAll,
    overall: groups.summary(0),
    stageSummaries: counts.map((_, s) => groups.summary(1 + s)),
    histogram: groups.histogram(0, max, step),
    stageHistograms: counts.map((_, s) => groups.histogram(1 + s, max, step)),
    reports: run.prepared.report,
    scoreMs,
  };
}
