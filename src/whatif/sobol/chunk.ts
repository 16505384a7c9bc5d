import { BLOCK, BlockRescore, rescore, type Prepared, type RankedScores, type Toggles } from '../../engine/index.ts';
import { WasmSobolAccumulator } from '../../engine/wasm-kernels.ts';
import { ListEvaluator, type ListGroups } from '../lists/list-evaluator.ts';
import { toSeed } from '../prng.ts';
import { checkSobolConfig, sobolKey, type SobolConfig } from './config.ts';
import { designRows, factorWeights, inertFactors, mixedRow } from './design.ts';
import { emptySobolPartial, type SobolPartial } from './partial.ts';

/** The scenario a Sobol run perturbs: its prepared matrix, weights `w[stage·k + i]` and toggles. */
export interface SobolSource {
  prepared: Prepared;
  weights: Float64Array;
  toggles: Toggles;
  groups?: ListGroups;
}

/** Largest per-enterprise sums (first + total) kept in WebAssembly memory as well as in the partial. */
const ACC_BUDGET_BYTES = 64 << 20;

/**
 * Base samples [from, to) of a Sobol run, processed incrementally by `step` (one base sample = the
 * d + 2 re-scorings A_j, B_j, A_B^(i)_j) so a worker can yield between steps to hear "cancel".
 * Outputs at each design point: (a) the mean absolute rank shift against the scenario's ranking,
 * (b) with a list rule, the number of rows entering or leaving the list (a row whose band changes
 * but stays on the list counts for neither), (c) each enterprise's rank, accumulated online.
 * The design points of a base sample are scored BLOCK at a time (BlockRescore), in the order
 * A, B, A_B^(1)… so that A's and B's ranks are known before the mixed points use them. The hot
 * path allocates nothing.
 */
export class SobolChunk {
  readonly total: number;
  done = 0;
  readonly d: number;
  private readonly stats: SobolPartial;
  private readonly seed: number;
  private readonly spread: number;
  private readonly stages: number;
  private readonly inert: Uint8Array;
  private readonly fixed: Int32Array;
  private readonly x: Float64Array;
  private readonly block: BlockRescore;
  /** The design points of the base sample in hand: −1 = A, −2 = B, i ≥ 0 = A_B^(i). */
  private readonly points: Int32Array;
  private readonly rank0: Int32Array;
  /** Rows that have the rank the outputs use (all rows overall; rows with a stage for stage ranks). */
  private readonly ranked: number;
  private readonly yA: Int32Array;
  private readonly yB: Int32Array;
  /** The per-enterprise sums in WebAssembly, where it runs and they are small enough to hold twice. */
  private readonly acc: WasmSobolAccumulator | null;
  private readonly list: ListEvaluator | null;
  private readonly mask0: Uint8Array;
  private readonly mask: Uint8Array;

  constructor(
    private readonly source: SobolSource,
    private readonly config: SobolConfig,
    seed: number,
    readonly from: number,
    readonly to: number,
  ) {
    const p = source.prepared;
    const { n, k } = p;
    this.stages = p.system.stages.length;
    checkSobolConfig(config, n, k);
    if (!(Number.isInteger(from) && Number.isInteger(to) && 0 <= from && from <= to && to <= config.samples)) {
      throw new Error(`Sobol: chunk [${from}, ${to}) is outside 0..${config.samples}`);
    }
    if (source.weights.length !== this.stages * k) throw new Error(`Sobol: expected ${this.stages}×${k} weights, got ${source.weights.length}`);
    this.seed = toSeed(seed);
    this.d = k;
    this.total = to - from;
    this.spread = config.weights.mode === 'perturb' ? config.weights.spread : 0;
    this.fixed = Int32Array.from(new Set(config.fixed ?? []));
    this.inert = inertFactors(source.weights, this.stages, k, this.spread, [...this.fixed]);
    this.x = new Float64Array(k);
    this.points = new Int32Array(k + 2);
    const res0 = rescore(p, source.weights, source.toggles);
    // The kernel's sums are copied into the partial at the end, so they are used only while both
    // copies fit comfortably (100,000 rows × 18 factors: 29 MB each); larger runs take the JS loop.
    this.acc = n * k * 16 <= ACC_BUDGET_BYTES ? WasmSobolAccumulator.create(n, k) : null;
    this.rank0 = this.acc ? this.acc.rank0 : new Int32Array(n);
    this.rank0.set(config.rank === 'stage' ? res0.stageRank : res0.rank);
    let ranked = 0;
    for (let r = 0; r < n; r++) if (this.rank0[r] > 0) ranked++;
    this.ranked = ranked;
    this.list = config.list ? new ListEvaluator(config.list, n, p.stage, source.groups) : null;
    this.mask0 = new Uint8Array(this.list ? n : 0);
    this.mask = new Uint8Array(this.list ? n : 0);
    this.list?.evaluate(res0, this.mask0);
    this.block = new BlockRescore(p, source.toggles);
    this.yA = this.acc ? this.acc.yA : new Int32Array(n);
    this.yB = this.acc ? this.acc.yB : new Int32Array(n);
    this.stats = emptySobolPartial({ key: sobolKey(config, this.seed, n, k), n, d: k, samples: config.samples, outputs: this.list ? 2 : 1 });
  }

  get partial(): SobolPartial {
    if (this.acc) {
      // The kernel's sums are this chunk's: copied, so reading `partial` twice is harmless.
      this.stats.first.set(this.acc.first);
      this.stats.total.set(this.acc.total);
    }
    return this.stats;
  }

  get finished(): boolean {
    return this.done >= this.total;
  }

  /** Processes up to `count` more base samples; returns how many it processed. */
  step(count: number): number {
    const end = Math.min(this.total, this.done + count);
    const start = this.done;
    for (let t = start; t < end; t++) this.baseSample(this.from + t);
    this.done = end;
    return end - start;
  }

  /** The rank array the outputs use. */
  private ranksOf(res: RankedScores): Int32Array {
    return this.config.rank === 'stage' ? res.stageRank : res.rank;
  }

  /** Output (b): rows on the list here but not in the scenario, or the other way round. */
  private churn(res: RankedScores): number {
    const { mask, mask0 } = this;
    this.list!.evaluate(res, mask);
    let c = 0;
    for (let r = 0; r < mask.length; r++) c += +((mask[r] === 0) !== (mask0[r] === 0)); // branch-free: changes are rare but unpredictable
    return c;
  }

  /** Ranks of a base point into y = rank − rank0; returns Σ|y| (output (a) before division). */
  private shifts(rank: Int32Array, y: Int32Array): number {
    const rank0 = this.rank0;
    let abs = 0;
    for (let r = 0; r < y.length; r++) {
      const v = rank[r] - rank0[r];
      y[r] = v;
      abs += v < 0 ? -v : v;
    }
    return abs;
  }

  private baseSample(j: number): void {
    const P = this.stats;
    const { d } = P;
    const off = j * d;
    designRows(this.seed, j, d, P.uA, P.uB, off);
    // Held factors are drawn (so the streams of the others do not move) and then set to ½.
    for (const i of this.fixed) P.uA[off + i] = P.uB[off + i] = 0.5;

    const points = this.points;
    let count = 0;
    points[count++] = -1;
    points[count++] = -2;
    for (let i = 0; i < d; i++) {
      if (!this.inert[i]) points[count++] = i;
    }
    const { block, stages, x } = this;
    const k = this.source.prepared.k;
    for (let t0 = 0; t0 < count; t0 += BLOCK) {
      const m = Math.min(BLOCK, count - t0);
      for (let b = 0; b < m; b++) {
        const pt = points[t0 + b];
        if (pt === -1) factorWeights(this.source.weights, stages, k, this.spread, P.uA, off, block.weights(b));
        else if (pt === -2) factorWeights(this.source.weights, stages, k, this.spread, P.uB, off, block.weights(b));
        else {
          mixedRow(P.uA, P.uB, off, d, pt, x);
          factorWeights(this.source.weights, stages, k, this.spread, x, 0, block.weights(b));
        }
      }
      block.score(m);
      for (let b = 0; b < m; b++) this.evaluatePoint(j, points[t0 + b], block.ranked(b));
    }
    for (let i = 0; i < d; i++) {
      if (!this.inert[i]) continue;
      // Same weights as A bit for bit, so the same outputs; the per-enterprise terms are 0.
      P.fAB[j * d + i] = P.fA[j];
      if (this.list) P.fAB[(P.samples + j) * d + i] = P.fA[P.samples + j];
    }
    P.counted[j] = 1;
    P.done++;
  }

  /** The outputs at one design point of base sample j (A and B before any A_B^(i)). */
  private evaluatePoint(j: number, pt: number, res: RankedScores): void {
    const P = this.stats;
    const { n, d, samples: N } = P;
    const { yA, yB, rank0 } = this;
    const denom = this.ranked > 0 ? this.ranked : 1;
    const rank = this.ranksOf(res);
    if (pt === -1) {
      P.fA[j] = this.shifts(rank, yA) / denom;
      if (this.list) P.fA[N + j] = this.churn(res);
      return;
    }
    if (pt === -2) {
      P.fB[j] = this.shifts(rank, yB) / denom;
      if (this.list) P.fB[N + j] = this.churn(res);
      const { sumY, sumY2 } = P;
      for (let r = 0; r < n; r++) {
        const a = yA[r];
        const b = yB[r];
        sumY[r] += a + b;
        sumY2[r] += a * a + b * b;
      }
      return;
    }
    const i = pt;
    let abs = 0;
    if (this.acc) {
      this.acc.rank.set(rank);
      abs = this.acc.mixed(i);
    } else {
      const first = P.first;
      const total = P.total;
      for (let r = 0, q = i * n; r < n; r++, q++) {
        const y = rank[r] - rank0[r];
        abs += y < 0 ? -y : y;
        const diff = y - yA[r];
        first[q] += yB[r] * diff;
        total[q] += diff * diff;
      }
    }
    P.fAB[j * d + i] = abs / denom;
    if (this.list) P.fAB[(N + j) * d + i] = this.churn(res);
  }
}

export interface SobolChunkOptions {
  onProgress?: (done: number, total: number) => void;
  signal?: { readonly aborted: boolean };
}

/** Runs base samples [from, to) and returns their partial sums (stops early when `signal.aborted`). */
export function runSobolChunk(source: SobolSource, config: SobolConfig, seed: number, from: number, to: number, opts: SobolChunkOptions = {}): SobolPartial {
  const chunk = new SobolChunk(source, config, seed, from, to);
  while (!chunk.finished && !opts.signal?.aborted) {
    chunk.step(1);
    opts.onProgress?.(chunk.done, chunk.total);
  }
  return chunk.partial;
}
