import { argsortDescending, RankWorkspace } from '../engine/index.ts';
import type { ScoredMatrix } from './scored-matrix.ts';

export interface StageComparison {
  /** Rows compared. */
  rows: number;
  /** Size of the "top" cut: `⌈topShare · rows⌉` (rows tied at the cut all count as top). */
  topCount: number;
  topShare: number;
  /**
   * `topChanged[a][b]`: share of the rows in the top under stage a's weights that are NOT in the
   * top under stage b's weights. Diagonal 0; NaN when there are no rows.
   */
  topChanged: number[][];
  /** `spearman[a][b]`: Spearman rank correlation of the two base scores (ties get mid-ranks). */
  spearman: number[][];
  /**
   * The actual base (each row under its own stage's weights) against each stage's weights:
   * `own.topChanged[b]` = share of the actual top that leaves the top under stage b's weights.
   */
  own: { topChanged: number[]; spearman: number[] };
}

export interface StageComparisonOptions {
  /** Share of rows that makes the top, default 0.1. */
  topShare?: number;
  mask?: Uint8Array;
}

/**
 * Scores every row under EACH stage's weight vector (base only: `Σ_i w[b·k+i]·s_i`; the base scale
 * cancels in ranks) and compares the rankings pairwise.
 *
 * - Top set: rows whose competition rank is `≤ t = ⌈topShare · m⌉`, so rows tied at the cut are
 *   all in (the set never depends on an arbitrary tie order); `topChanged[a][b] = |top_a \ top_b| / |top_a|`.
 * - Spearman ρ: Pearson correlation of mid-ranks (average rank for ties), NaN when either
 *   ranking is constant or there are fewer than 2 rows.
 *
 * Cost: (stages + 1) weighted sums and argsorts (radix path of the engine) plus one pass per pair;
 * about 0.3 s at 1M rows, so run it on demand, not per slider tick.
 */
export function stageComparison(p: ScoredMatrix, weights: Float64Array, options: StageComparisonOptions = {}): StageComparison {
  const { n, k, s, stage } = p;
  const topShare = options.topShare ?? 0.1;
  if (!(topShare > 0 && topShare <= 1)) throw new Error(`topShare must be in (0, 1], got ${topShare}`);
  if (k === 0 || weights.length % k !== 0) throw new Error(`weights (${weights.length}) are not a multiple of k = ${k}`);
  const S = weights.length / k;
  const mask = options.mask;

  // Rows taking part, compacted once so that every later array has the population's length.
  let m = 0;
  for (let r = 0; r < n; r++) if (!mask || mask[r]) m++;
  const rows = new Uint32Array(m);
  for (let r = 0, j = 0; r < n; r++) if (!mask || mask[r]) rows[j++] = r;

  // The 1e-9 absorbs products like 0.1 × 30 = 3.0000000000000004, which must give 3, not 4.
  const t = m ? Math.max(1, Math.ceil(topShare * m - 1e-9)) : 0;
  const score = new Float64Array(m);
  const order = new Uint32Array(m);
  const ws = new RankWorkspace(m);
  // Scoring S is "own stage"; 0..S-1 are the stage weight vectors.
  const ranks: Float64Array[] = [];
  const top: Uint8Array[] = [];
  for (let v = 0; v <= S; v++) {
    for (let j = 0; j < m; j++) {
      const r = rows[j];
      const st = v < S ? v : stage[r];
      let acc = 0;
      if (st < S) {
        const w = st * k;
        const o = r * k;
        for (let i = 0; i < k; i++) acc += weights[w + i] * s[o + i];
      }
      score[j] = acc;
    }
    const rank = new Float64Array(m);
    const inTop = new Uint8Array(m);
    if (m) argsortDescending(score, order, ws);
    const sorted = ws.sorted;
    // Walk tie groups [p0, p1): mid-rank (p0 + 1 + p1) / 2, competition rank p0 + 1.
    for (let p0 = 0; p0 < m;) {
      let p1 = p0 + 1;
      while (p1 < m && sorted[p1] === sorted[p0]) p1++;
      const mid = (p0 + 1 + p1) / 2;
      const isTop = p0 + 1 <= t ? 1 : 0;
      for (let q = p0; q < p1; q++) {
        rank[order[q]] = mid;
        inTop[order[q]] = isTop;
      }
      p0 = p1;
    }
    ranks.push(rank);
    top.push(inTop);
  }

  const pair = (a: number, b: number) => ({ changed: topChange(top[a], top[b]), rho: spearmanRanks(ranks[a], ranks[b]) });
  const topChanged: number[][] = [];
  const spearman: number[][] = [];
  for (let a = 0; a < S; a++) {
    topChanged.push([]);
    spearman.push([]);
    for (let b = 0; b < S; b++) {
      const c = pair(a, b);
      topChanged[a].push(c.changed);
      spearman[a].push(c.rho);
    }
  }
  const own = { topChanged: [] as number[], spearman: [] as number[] };
  for (let b = 0; b < S; b++) {
    const c = pair(S, b);
    own.topChanged.push(c.changed);
    own.spearman.push(c.rho);
  }
  return { rows: m, topCount: t, topShare, topChanged, spearman, own };
}

/** `|A \ B| / |A|` for two byte sets (NaN when A is empty). */
export function topChange(a: Uint8Array, b: Uint8Array): number {
  let inA = 0;
  let left = 0;
  for (let r = 0; r < a.length; r++) {
    if (!a[r]) continue;
    inA++;
    if (!b[r]) left++;
  }
  return inA ? left / inA : NaN;
}

/**
 * Pearson correlation of two rank vectors (Spearman ρ when they are mid-ranks). Mid-ranks of m rows
 * always average (m + 1)/2, so the centring needs no extra pass.
 */
export function spearmanRanks(a: Float64Array, b: Float64Array): number {
  const m = a.length;
  if (m < 2) return NaN;
  const mu = (m + 1) / 2;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let j = 0; j < m; j++) {
    const da = a[j] - mu;
    const db = b[j] - mu;
    sab += da * db;
    saa += da * da;
    sbb += db * db;
  }
  return saa > 0 && sbb > 0 ? sab / Math.sqrt(saa * sbb) : NaN;
}
