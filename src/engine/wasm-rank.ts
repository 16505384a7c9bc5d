import { RANK_WASM_BASE64 } from './wasm/rank-wasm.ts';

/** Rows the packed word `stage << 24 | row` can carry (the kernel's limit). */
const MAX_ROWS = 1 << 24;
const PAGE = 65536;

let compiled: WebAssembly.Module | null | undefined;

/** The rank kernel compiled once per realm; null where WebAssembly (or a feature it uses) is missing. */
function rankModule(): WebAssembly.Module | null {
  if (compiled !== undefined) return compiled;
  try {
    const bin = atob(RANK_WASM_BASE64);
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    compiled = new WebAssembly.Module(bytes); // ~1 KB: synchronous compilation is allowed everywhere
  } catch {
    compiled = null;
  }
  return compiled;
}

type RankFn = (...args: number[]) => number;

/**
 * Competition ranks of score arrays by the WebAssembly kernel (wasm/rank.wat: the same algorithm
 * as argsortDescending + competitionRanks, twice as fast). The score arrays, the stages and the
 * outputs live in the kernel's own memory, sized once: write scores into `scores[slot]`, call
 * `rank(slot, min, max)`, read `order`, `rank` and `stageRank`.
 */
export class WasmRanker {
  readonly scores: Float64Array[];
  readonly stage: Uint8Array;
  readonly order: Uint32Array;
  readonly rankOut: Int32Array;
  readonly stageRank: Int32Array;
  private readonly fn: RankFn;
  private readonly at: Record<
    'key' | 'packedB' | 'scoreB' | 'packed' | 'sorted' | 'countLow' | 'countHigh' | 'order' | 'rank' | 'stageRank' | 'seen' | 'lastScore' | 'lastRank' | 'stage',
    number
  >;
  private readonly slotAt: number[];

  /** A ranker for `n` rows and `stages` stages with `slots` score arrays, or null without WebAssembly. */
  static create(n: number, stages: number, slots: number): WasmRanker | null {
    if (n < 1 || n >= MAX_ROWS || stages > 255) return null;
    const mod = rankModule();
    if (!mod) return null;
    try {
      return new WasmRanker(mod, n, stages, slots);
    } catch {
      return null; // e.g. the memory could not be allocated: the JavaScript path needs less
    }
  }

  private constructor(
    mod: WebAssembly.Module,
    readonly n: number,
    readonly stages: number,
    slots: number,
  ) {
    // Layout: 8 bytes of padding first (the rank pass reads sorted[p − 1] at p = 0 and discards it),
    // then 8-byte arrays, then 4-byte arrays, then bytes.
    let off = 8;
    const take = (bytes: number) => {
      const at = off;
      off += Math.ceil(bytes / 8) * 8;
      return at;
    };
    this.slotAt = Array.from({ length: slots }, () => take(8 * n));
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
    this.at = { key, packedB, scoreB, packed, sorted, countLow, countHigh, order, rank, stageRank, seen, lastScore, lastRank, stage };
    const memory = new WebAssembly.Memory({ initial: Math.ceil(off / PAGE) });
    const instance = new WebAssembly.Instance(mod, { env: { memory } });
    this.fn = instance.exports.rank as RankFn;
    const buf = memory.buffer; // never grown, so these views stay valid
    this.scores = this.slotAt.map((at) => new Float64Array(buf, at, n));
    this.stage = new Uint8Array(buf, stage, n);
    this.order = new Uint32Array(buf, order, n);
    this.rankOut = new Int32Array(buf, rank, n);
    this.stageRank = new Int32Array(buf, stageRank, n);
  }

  /**
   * Ranks `scores[slot]` (min and max of its values, max > min) into `order`, `rankOut` and
   * `stageRank`. Returns false, with the outputs unspecified, when the scores are too clustered for
   * the kernel's quantised keys: rank them with the JavaScript path then.
   */
  rank(slot: number, min: number, max: number): boolean {
    if (!(max > min)) return false;
    const a = this.at;
    const ok = this.fn(
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
