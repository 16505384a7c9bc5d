import type { Prepared } from './prepare.ts';
import { argsortDescending, competitionRanks, RankWorkspace } from './rank.ts';
import type { WasmKernels } from './wasm-kernels.ts';

/** Which bonus items and veto rules are on, in system order. */
export interface Toggles {
  bonus: readonly boolean[];
  veto: readonly boolean[];
}

/** What ranking-based consumers (lists, Monte Carlo, Sobol) read of a re-score. */
export interface RankedScores {
  score: Float64Array;
  vetoed: Uint8Array;
  /** Competition rank over the population by score descending (1 = best). */
  rank: Int32Array;
  /** Competition rank within the row's stage. */
  stageRank: Int32Array;
  /** Row indices by score descending (ties in no particular order). */
  order: Uint32Array;
}

export interface ScoreResult extends RankedScores {
  base: Float64Array;
  bonus: Float64Array;
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
  /** The toggles that `bonus` and `vetoed` were computed for (they do not depend on weights). */
  togglesKey = '';
  /** The prepared data the cached bonus and veto columns belong to. */
  source: Prepared | null = null;
  constructor(n: number, stages: number, k: number) {
    this.rank = new RankWorkspace(n);
    this.scaled = new Float64Array(256 * k); // 256 stage slots: NO_STAGE rows read zeros
    this.seen = new Int32Array(stages);
    this.lastScore = new Float64Array(stages);
    this.lastRank = new Int32Array(stages);
  }

  /** The WebAssembly rank kernel for this population (the sort's, rank.ts), or null (too few rows, or no WebAssembly). */
  rankKernel(): WasmKernels | null {
    return this.rank.kernel();
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

/** `bonus = Σ` active items' points (in system order), `vetoed = OR` of active veto rules. */
export function bonusAndVeto(p: Prepared, toggles: Toggles, bonus: Float64Array, vetoed: Uint8Array): void {
  const n = p.n;
  bonus.fill(0);
  p.bonusPoints.forEach((col, j) => {
    if (toggles.bonus[j]) for (let r = 0; r < n; r++) bonus[r] += col[r];
  });
  vetoed.fill(0);
  p.veto.forEach((col, j) => {
    if (toggles.veto[j]) for (let r = 0; r < n; r++) vetoed[r] |= col[r];
  });
}

/**
 * `base[r] = Σ_i scaled[stage[r]·k + i] · s[r·k + i]`, accumulated from 0 in indicator order (as
 * `explain` does, so explanations add up bit for bit), then `score = vetoed ? 0 : base + bonus`.
 * Two rows are interleaved: their sums are independent dependency chains that the CPU overlaps
 * (~25% faster than one row at a time); each row's own order of additions is unchanged.
 * Returns [min, max] of the scores for the ranking's counting sort.
 */
function weightedScores(p: Prepared, scaled: Float64Array, res: ScoreResult): [number, number] {
  const { s, stage, k, n } = p;
  const { base, bonus, vetoed, score } = res;
  let min = Infinity;
  let max = -Infinity;
  let r = 0;
  for (; r + 1 < n; r += 2) {
    const o0 = r * k;
    const o1 = o0 + k;
    const w0 = stage[r] * k;
    const w1 = stage[r + 1] * k;
    let a0 = 0;
    let a1 = 0;
    for (let i = 0; i < k; i++) {
      a0 += scaled[w0 + i] * s[o0 + i];
      a1 += scaled[w1 + i] * s[o1 + i];
    }
    base[r] = a0;
    base[r + 1] = a1;
    const v0 = vetoed[r] ? 0 : a0 + bonus[r];
    const v1 = vetoed[r + 1] ? 0 : a1 + bonus[r + 1];
    score[r] = v0;
    score[r + 1] = v1;
    if (v0 < min) min = v0;
    if (v0 > max) max = v0;
    if (v1 < min) min = v1;
    if (v1 > max) max = v1;
  }
  for (; r < n; r++) {
    const o = r * k;
    const w = stage[r] * k;
    let a = 0;
    for (let i = 0; i < k; i++) a += scaled[w + i] * s[o + i];
    base[r] = a;
    const v = vetoed[r] ? 0 : a + bonus[r];
    score[r] = v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return [min, max];
}

/**
 * Re-weighting (scoring.md §5–6): `base = Σ_i (baseScale·w[stage][i])·s_i`,
 * `bonus = Σ_j min(cap_j, points_j × count_j)` over active items, `score = 0` if an active veto
 * holds else `base + bonus`, then ranks. Pass the previous result as `out` to reuse every buffer;
 * bonus and veto are recomputed only when the toggles change (a weight change leaves them as they are).
 */
export function rescore(p: Prepared, weights: Float64Array, toggles: Toggles, out?: ScoreResult): ScoreResult {
  const { n, k } = p;
  const stages = p.system.stages.length;
  if (weights.length !== stages * k) throw new Error(`expected ${stages}×${k} weights, got ${weights.length}`);
  const res = out && out.base.length === n && out.workspace.scaled.length === 256 * k ? out : allocate(p);
  const ws = res.workspace;
  const scale = p.system.baseScale;
  for (let j = 0; j < stages * k; j++) ws.scaled[j] = scale * weights[j];

  const key = `${toggles.bonus.map(Number).join('')}|${toggles.veto.map(Number).join('')}`;
  if (res !== out || ws.togglesKey !== key || ws.source !== p) {
    bonusAndVeto(p, toggles, res.bonus, res.vetoed);
    ws.togglesKey = key;
    ws.source = p;
  }
  const [min, max] = weightedScores(p, ws.scaled, res);
  rankScores(res, ws, p.stage, min, max);
  return res;
}

/**
 * Fills `order`, `rank` and `stageRank` of `res` from its scores (`min`/`max`: of the scores): by
 * the WebAssembly kernel (wasm/kernels.wat, ~2× faster at 1M rows even with the copies in and out)
 * where it runs, else, or when it declines clustered scores, by the JavaScript below. Same ranks.
 */
export function rankScores(res: RankedScores, ws: RescoreWorkspace, stage: Uint8Array, min: number, max: number): void {
  const kernel = res.score.length === ws.rank.n ? ws.rankKernel() : null;
  if (kernel && max > min) {
    kernel.scores[0].set(res.score);
    kernel.stage.set(stage);
    if (kernel.rank(0, min, max, ws.seen.length)) {
      res.order.set(kernel.order);
      res.rank.set(kernel.rankOut);
      res.stageRank.set(kernel.stageRank);
      return;
    }
  }
  argsortDescending(res.score, res.order, ws.rank, min, max, stage, false);
  competitionRanks(ws.rank, res.order, res.rank, res.stageRank, ws.seen, ws.lastScore, ws.lastRank);
}
