import type { Prepared } from './prepare.ts';
import { argsortDescending, competitionRanks } from './rank.ts';
import { bonusAndVeto, RescoreWorkspace, type RankedScores, type Toggles } from './rescore.ts';
import { LANES, WasmKernels } from './wasm-kernels.ts';

/** Weight vectors scored together in one pass over the matrix (the kernels' lanes). */
export const BLOCK = LANES;

/**
 * Re-scoring of several weight vectors of one population at once, for Monte Carlo and Sobol, which
 * re-score the same matrix thousands of times. `rescore` reads the whole matrix (`n·k` doubles,
 * 14 MB at 100,000 rows) for every weight vector; here each row is read once for BLOCK vectors, so
 * the weighted sums cost about half as much per vector. Each vector's score is computed exactly as
 * `rescore` computes it (from 0, in indicator order, one multiplication and one addition per
 * indicator), so the scores, and hence the ranks, are the same bit for bit (tested). Only `score` is
 * written (not `base`): the consumers rank and list, they do not explain. Sums and ranks come from
 * the WebAssembly kernels (wasm-kernels.ts) where they run, else from the JavaScript below and
 * `rankScores`; both are exact.
 *
 * Use: `weights(b)` to fill slot b's `w[stage·k + i]`, `score(count)` for slots [0, count), then
 * `ranked(b)` for each slot (a view whose ranks are valid until the next `ranked` call).
 */
export class BlockRescore {
  private readonly slotWeights: Float64Array[];
  /** Scaled weights interleaved by slot: `W[(stage·k + i)·BLOCK + b]` (256 stage slots). */
  private readonly scaled: Float64Array;
  private readonly scores: Float64Array[];
  private readonly min = new Float64Array(BLOCK);
  private readonly max = new Float64Array(BLOCK);
  private readonly bonus: Float64Array;
  private readonly vetoed: Uint8Array;
  private readonly kernels: WasmKernels | null;
  private ws: RescoreWorkspace | null = null;
  private readonly rank: Int32Array;
  private readonly stageRank: Int32Array;
  private readonly order: Uint32Array;
  private scored = 0;

  /**
   * `kernels`: WebAssembly kernels to score in (made for this n, stage count and k; their matrix is
   * overwritten), e.g. Monte Carlo's, which hold its accumulator too and serve every normalisation
   * of a run; without them, new ones where WebAssembly runs.
   */
  constructor(
    readonly prepared: Prepared,
    toggles: Toggles,
    kernels?: WasmKernels | null,
  ) {
    const { n, k } = prepared;
    const stages = prepared.system.stages.length;
    this.slotWeights = Array.from({ length: BLOCK }, () => new Float64Array(stages * k));
    if (kernels && (kernels.n !== n || kernels.k !== k || kernels.stages !== stages)) throw new Error('BlockRescore: the kernels were made for another shape');
    kernels = this.kernels = k > 0 ? (kernels ?? WasmKernels.create(n, stages, k)) : null;
    if (kernels) {
      kernels.s.set(prepared.s);
      kernels.stage.set(prepared.stage);
      this.scaled = kernels.W;
      this.bonus = kernels.bonus;
      this.vetoed = kernels.vetoed;
      this.scores = kernels.scores;
      this.rank = kernels.rankOut;
      this.stageRank = kernels.stageRank;
      this.order = kernels.order;
    } else {
      this.scaled = new Float64Array(256 * k * BLOCK); // NO_STAGE rows read zeros
      this.bonus = new Float64Array(n);
      this.vetoed = new Uint8Array(n);
      this.scores = Array.from({ length: BLOCK }, () => new Float64Array(n));
      this.rank = new Int32Array(n);
      this.stageRank = new Int32Array(n);
      this.order = new Uint32Array(n);
    }
    bonusAndVeto(prepared, toggles, this.bonus, this.vetoed);
  }

  /** Whether sums and ranks come from the WebAssembly kernels (for benchmarks and tests). */
  get wasm(): boolean {
    return this.kernels !== null;
  }

  /** Slots the kernel ranked and slots it declined (clustered scores), for tests. */
  get kernelRanks(): { ranked: number; declined: number } {
    return { ranked: this.kernels?.ranked ?? 0, declined: this.kernels?.declined ?? 0 };
  }

  /** Slot b's weights `w[stage·k + i]`, to be filled before `score`. */
  weights(b: number): Float64Array {
    return this.slotWeights[b];
  }

  /** Scores slots [0, count) in one pass over the matrix. */
  score(count: number): void {
    if (!(count >= 1 && count <= BLOCK)) throw new Error(`BlockRescore: ${count} slots (1..${BLOCK})`);
    const scale = this.prepared.system.baseScale;
    const W = this.scaled;
    for (let b = 0; b < BLOCK; b++) {
      // Unused slots repeat slot 0: the kernel always fills BLOCK lanes, and these are ignored.
      const w = this.slotWeights[b < count ? b : 0];
      for (let j = 0; j < w.length; j++) W[j * BLOCK + b] = scale * w[j];
    }
    if (this.kernels) {
      this.kernels.score4();
      const mm = this.kernels.minmax;
      for (let b = 0; b < BLOCK; b++) {
        this.min[b] = mm[b];
        this.max[b] = mm[BLOCK + b];
      }
    } else blockKernel(this.prepared, W, this.bonus, this.vetoed, this.scores, this.min, this.max);
    this.scored = count;
  }

  /**
   * Monte Carlo's rank of slot b straight into pending slot t of the kernels' accumulator
   * (WasmKernels.rankMc); false when the kernels cannot (none, or clustered scores): use
   * `ranked(b, false)` then.
   */
  rankMc(b: number, t: number, byStage: boolean): boolean {
    if (!(b >= 0 && b < this.scored)) throw new Error(`BlockRescore: slot ${b} was not scored`);
    return this.kernels?.mc ? this.kernels.rankMc(b, t, this.min[b], this.max[b], byStage) : false;
  }

  /** Slot b's scores, ranked (`kernel` false: not by the kernel, which just declined them). */
  ranked(b: number, kernel = true): RankedScores {
    if (!(b >= 0 && b < this.scored)) throw new Error(`BlockRescore: slot ${b} was not scored`);
    const res: RankedScores = { score: this.scores[b], vetoed: this.vetoed, rank: this.rank, stageRank: this.stageRank, order: this.order };
    if (kernel && this.kernels?.rank(b, this.min[b], this.max[b])) return res;
    // The JavaScript ranking itself (not rankScores, which would try a kernel again).
    const p = this.prepared;
    const ws = (this.ws ??= new RescoreWorkspace(p.n, p.system.stages.length, p.k));
    argsortDescending(res.score, res.order, ws.rank, this.min[b], this.max[b], p.stage, false);
    competitionRanks(ws.rank, res.order, res.rank, res.stageRank, ws.seen, ws.lastScore, ws.lastRank);
    return res;
  }
}

/**
 * `score_b[r] = vetoed[r] ? 0 : Σ_i W[(stage[r]·k + i)·4 + b] · s[r·k + i] + bonus[r]` for the four
 * lanes b, with min and max per lane. Each lane's sum is its own chain of additions in indicator
 * order, as in `rescore`; the four chains overlap in the CPU.
 */
function blockKernel(p: Prepared, W: Float64Array, bonus: Float64Array, vetoed: Uint8Array, out: Float64Array[], min: Float64Array, max: Float64Array): void {
  const { s, stage, k, n } = p;
  const [s0, s1, s2, s3] = out;
  let lo0 = Infinity;
  let lo1 = Infinity;
  let lo2 = Infinity;
  let lo3 = Infinity;
  let hi0 = -Infinity;
  let hi1 = -Infinity;
  let hi2 = -Infinity;
  let hi3 = -Infinity;
  for (let r = 0; r < n; r++) {
    const o = r * k;
    let w = stage[r] * k * 4;
    let a0 = 0;
    let a1 = 0;
    let a2 = 0;
    let a3 = 0;
    for (let i = 0; i < k; i++, w += 4) {
      const x = s[o + i];
      a0 += W[w] * x;
      a1 += W[w + 1] * x;
      a2 += W[w + 2] * x;
      a3 += W[w + 3] * x;
    }
    const veto = vetoed[r];
    const bo = bonus[r];
    const v0 = veto ? 0 : a0 + bo;
    const v1 = veto ? 0 : a1 + bo;
    const v2 = veto ? 0 : a2 + bo;
    const v3 = veto ? 0 : a3 + bo;
    s0[r] = v0;
    s1[r] = v1;
    s2[r] = v2;
    s3[r] = v3;
    if (v0 < lo0) lo0 = v0;
    if (v0 > hi0) hi0 = v0;
    if (v1 < lo1) lo1 = v1;
    if (v1 > hi1) hi1 = v1;
    if (v2 < lo2) lo2 = v2;
    if (v2 > hi2) hi2 = v2;
    if (v3 < lo3) lo3 = v3;
    if (v3 > hi3) hi3 = v3;
  }
  min[0] = lo0;
  min[1] = lo1;
  min[2] = lo2;
  min[3] = lo3;
  max[0] = hi0;
  max[1] = hi1;
  max[2] = hi2;
  max[3] = hi3;
}
