import type { Prepared } from './prepare.ts';
import { argsortDescending, competitionRanks, RankWorkspace } from './rank.ts';

/** Which bonus items and veto rules are on, in system order. */
export interface Toggles {
  bonus: readonly boolean[];
  veto: readonly boolean[];
}

export interface ScoreResult {
  base: Float64Array;
  bonus: Float64Array;
  score: Float64Array;
  vetoed: Uint8Array;
  /** Competition rank over the population by score descending (1 = best). */
  rank: Int32Array;
  /** Competition rank within the row's stage. */
  stageRank: Int32Array;
  /** Row indices by score descending (ties in no particular order). */
  order: Uint32Array;
  /** Reusable scratch for the next rescore of the same population. */
  workspace: RescoreWorkspace;
}

export class RescoreWorkspace {
  readonly rank: RankWorkspace;
  /** Weights scaled by the base scale, `baseScale · w[stage · k + i]`. */
  readonly scaled: Float64Array;
  readonly seen: Int32Array;
  readonly lastScore: Float64Array;
  readonly lastRank: Int32Array;
  constructor(n: number, stages: number, k: number) {
    this.rank = new RankWorkspace(n);
    this.scaled = new Float64Array(256 * k); // 256 stage slots: NO_STAGE rows read zeros
    this.seen = new Int32Array(stages);
    this.lastScore = new Float64Array(stages);
    this.lastRank = new Int32Array(stages);
  }
}

function allocate(p: Prepared): ScoreResult {
  const n = p.n;
  return {
    base: new Float64Array(n),
    bonus: new Float64Array(n),
    score: new Float64Array(n),
    vetoed: new Uint8Array(n),
    rank: new Int32Array(n),
    stageRank: new Int32Array(n),
    order: new Uint32Array(n),
    workspace: new RescoreWorkspace(n, p.system.stages.length, p.k),
  };
}

/** Rows per block of the weighted sum: the block of `base` stays in L1 while the k columns stream. */
const BLOCK = 2048;

/**
 * Re-weighting (scoring.md §5–6): `base = Σ_i (baseScale·w[stage][i])·s_i` summed in indicator
 * order (the same order `explain` uses, so an explanation adds up to `base` bit for bit),
 * `bonus = Σ_j min(cap_j, points_j × count_j)` over active items, `score = 0` if an active veto
 * holds else `base + bonus`, then ranks. Pass the previous result as `out` to reuse every buffer.
 */
export function rescore(p: Prepared, weights: Float64Array, toggles: Toggles, out?: ScoreResult): ScoreResult {
  const { n, k, s, stage } = p;
  const stages = p.system.stages.length;
  if (weights.length !== stages * k) throw new Error(`expected ${stages}×${k} weights, got ${weights.length}`);
  const res = out && out.base.length === n && out.workspace.scaled.length === 256 * k ? out : allocate(p);
  const { base, bonus, score, vetoed } = res;
  const scaled = res.workspace.scaled;
  const scale = p.system.baseScale;
  for (let j = 0; j < stages * k; j++) scaled[j] = scale * weights[j];

  for (let start = 0; start < n; start += BLOCK) {
    const end = Math.min(n, start + BLOCK);
    base.fill(0, start, end);
    for (let i = 0; i < k; i++) {
      const off = i * n;
      for (let r = start; r < end; r++) base[r] += scaled[stage[r] * k + i] * s[off + r];
    }
  }

  bonus.fill(0);
  for (let j = 0; j < p.bonusPoints.length; j++) {
    if (!toggles.bonus[j]) continue;
    const pts = p.bonusPoints[j];
    for (let r = 0; r < n; r++) bonus[r] += pts[r];
  }
  vetoed.fill(0);
  for (let j = 0; j < p.veto.length; j++) {
    if (!toggles.veto[j]) continue;
    const hit = p.veto[j];
    for (let r = 0; r < n; r++) vetoed[r] |= hit[r];
  }
  for (let r = 0; r < n; r++) score[r] = vetoed[r] ? 0 : base[r] + bonus[r];

  const ws = res.workspace;
  argsortDescending(score, res.order, ws.rank);
  competitionRanks(score, res.order, stage, res.rank, res.stageRank, ws.seen, ws.lastScore, ws.lastRank);
  return res;
}
