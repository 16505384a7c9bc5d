import { KERNELS_WASM_BASE64 } from './wasm/kernels-wasm.ts';

/** Rows the packed word `stage << 24 | row` can carry (the kernel's limit). */
const MAX_ROWS = 1 << 24;
const PAGE = 65536;

let compiled: WebAssembly.Module | null | undefined;

/** The kernels compiled once per realm; null where WebAssembly (or a feature it uses, SIMD) is missing. */
function kernelModule(): WebAssembly.Module | null {
  if (compiled !== undefined) return compiled;
  try {
    const bin = atob(KERNELS_WASM_BASE64);
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    compiled = new WebAssembly.Module(bytes); // ~1.5 KB: synchronous compilation is allowed everywhere
  } catch {
    compiled = null;
  }
  return compiled;
}

type KernelFn = (...args: number[]) => number;
/** The arrays laid out in the kernels' memory (byte offsets in `at`). */
type Region =
  | 'key'
  | 'packedB'
  | 'scoreB'
  | 'packed'
  | 'sorted'
  | 'countLow'
  | 'countHigh'
  | 'order'
  | 'rank'
  | 'stageRank'
  | 'seen'
  | 'lastScore'
  | 'lastRank'
  | 'stage'
  | 's'
  | 'W'
  | 'bonus'
  | 'vetoed'
  | 'minmax';

/** Lanes of `score4`: the score slots of a block. */
export const LANES = 4;

/**
 * The WebAssembly kernels (wasm/kernels.wat) over one population: `score4`, the weighted sums of
 * four weight vectors in one pass (as rescore computes each), and `rank`, competition ranks (the
 * algorithm of argsortDescending + competitionRanks). The matrix, the weights, the score slots and
 * the outputs live in the kernels' own memory, sized once, as typed-array views: fill `s`, `stage`,
 * `bonus`, `vetoed` once and `W` per block, call `score4()`, then `rank(slot, min, max)` per slot and
 * read `order`, `rankOut` and `stageRank`.
 */
export class WasmKernels {
  readonly scores: Float64Array[];
  readonly stage: Uint8Array;
  readonly order: Uint32Array;
  readonly rankOut: Int32Array;
  readonly stageRank: Int32Array;
  /** The normalised matrix `s[r·k + i]`. */
  readonly s: Float64Array;
  /** Scaled weights interleaved by lane, `W[(stage·k + i)·4 + b]` (256 stage slots). */
  readonly W: Float64Array;
  readonly bonus: Float64Array;
  readonly vetoed: Uint8Array;
  /** After `score4`: min of lanes 0..3, then max of lanes 0..3. */
  readonly minmax: Float64Array;
  private readonly rankFn: KernelFn;
  private readonly scoreFn: KernelFn;
  private readonly at: Record<Region, number>;
  private readonly slotAt: number[];

  /** Kernels for `n` rows, `stages` stages and `k` indicators, or null without WebAssembly. */
  static create(n: number, stages: number, k: number): WasmKernels | null {
    if (n < 1 || n >= MAX_ROWS || stages > 255) return null;
    const mod = kernelModule();
    if (!mod) return null;
    try {
      return new WasmKernels(mod, n, stages, k);
    } catch {
      return null; // e.g. the memory could not be allocated: the JavaScript path needs less
    }
  }

  private constructor(
    mod: WebAssembly.Module,
    readonly n: number,
    readonly stages: number,
    readonly k: number,
  ) {
    // Layout: 8 bytes of padding first (the rank pass reads sorted[p − 1] at p = 0 and discards it),
    // then 8-byte arrays, then 4-byte arrays, then bytes.
    let off = 8;
    const take = (bytes: number) => {
      const at = off;
      off += Math.ceil(bytes / 8) * 8;
      return at;
    };
    this.slotAt = Array.from({ length: LANES }, () => take(8 * n));
    const sAt = take(8 * n * k);
    const W = take(8 * 256 * k * LANES);
    const bonus = take(8 * n);
    const minmax = take(8 * 2 * LANES);
    const sorted = take(8 * n);
    const scoreB = take(8 * n);
    const lastScore = take(8 * Math.max(1, stages));
    const key = take(4 * n);
    const packedB = take(4 * n);
    const packed = take(4 * n);
    const order = take(4 * n);
    const rank = take(4 * n);
    const stageRank = take(4 * n);
    const countLow = take(8192);
    const countHigh = take(8192);
    const seen = take(4 * Math.max(1, stages));
    const lastRank = take(4 * Math.max(1, stages));
    const stage = take(n);
    const vetoed = take(n);
    this.at = { key, packedB, scoreB, packed, sorted, countLow, countHigh, order, rank, stageRank, seen, lastScore, lastRank, stage, s: sAt, W, bonus, vetoed, minmax };
    const memory = new WebAssembly.Memory({ initial: Math.ceil(off / PAGE) });
    const instance = new WebAssembly.Instance(mod, { env: { memory } });
    this.rankFn = instance.exports.rank as KernelFn;
    this.scoreFn = instance.exports.score4 as KernelFn;
    const buf = memory.buffer; // never grown, so these views stay valid
    this.scores = this.slotAt.map((at) => new Float64Array(buf, at, n));
    this.stage = new Uint8Array(buf, stage, n);
    this.order = new Uint32Array(buf, order, n);
    this.rankOut = new Int32Array(buf, rank, n);
    this.stageRank = new Int32Array(buf, stageRank, n);
    this.s = new Float64Array(buf, sAt, n * k);
    this.W = new Float64Array(buf, W, 256 * k * LANES);
    this.bonus = new Float64Array(buf, bonus, n);
    this.vetoed = new Uint8Array(buf, vetoed, n);
    this.minmax = new Float64Array(buf, minmax, 2 * LANES);
  }

  /** Scores all four slots from `W` (unused lanes may hold any weights) and fills `minmax`. */
  score4(): void {
    const a = this.at;
    const [o0, o1, o2, o3] = this.slotAt;
    this.scoreFn(this.n, this.k, a.s, a.stage, a.W, a.bonus, a.vetoed, o0, o1, o2, o3, a.minmax);
  }

  /**
   * Ranks `scores[slot]` (min and max of its values, max > min) into `order`, `rankOut` and
   * `stageRank`. Returns false, with the outputs unspecified, when the scores are too clustered for
   * the kernel's quantised keys: rank them with the JavaScript path then.
   */
  rank(slot: number, min: number, max: number): boolean {
    if (!(max > min)) return false;
    const a = this.at;
    const ok = this.rankFn(
      this.n,
      this.stages,
      min,
      max,
      this.slotAt[slot],
      a.stage,
      a.key,
      a.packedB,
      a.scoreB,
      a.packed,
      a.sorted,
      a.countLow,
      a.countHigh,
      a.order,
      a.rank,
      a.stageRank,
      a.seen,
      a.lastScore,
      a.lastRank,
    );
    return ok === 1;
  }
}
