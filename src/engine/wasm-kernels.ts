import { KERNELS_WASM_BASE64 } from './wasm/kernels-wasm.ts';

/** Rows the packed word `stage << 24 | row` can carry (the kernel's limit). */
const MAX_ROWS = 1 << 24;
const PAGE = 65536;

let compiled: WebAssembly.Module | null | undefined;
let enabled = true;

/**
 * Turns the kernels off (and on again) for this realm: every consumer then takes its JavaScript
 * path, as where WebAssembly is missing. For tests, which check both paths, and benchmarks.
 */
export function setWasmKernels(on: boolean): void {
  enabled = on;
}

/** The kernels compiled once per realm; null where WebAssembly (or a feature it uses, SIMD) is missing. */
function kernelModule(): WebAssembly.Module | null {
  if (!enabled) return null;
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

/**
 * Byte regions laid out one after another (8-byte aligned, after 8 bytes of padding: the rank pass
 * reads sorted[p − 1] at p = 0 and discards it), then a memory of that size with an instance of the
 * kernels on it. The memory never grows, so views on it stay valid.
 */
class Layout {
  private off = 8;
  take(bytes: number): number {
    const at = this.off;
    this.off += Math.ceil(bytes / 8) * 8;
    return at;
  }
  instantiate(mod: WebAssembly.Module): { buffer: ArrayBuffer; exports: WebAssembly.Exports } {
    const memory = new WebAssembly.Memory({ initial: Math.ceil(this.off / PAGE) });
    const instance = new WebAssembly.Instance(mod, { env: { memory } });
    return { buffer: memory.buffer, exports: instance.exports };
  }
}

/** `make(module)`, or null without WebAssembly or when the memory cannot be had (the JavaScript path needs less). */
function withKernels<T>(make: (mod: WebAssembly.Module) => T): T | null {
  const mod = kernelModule();
  if (!mod) return null;
  try {
    return make(mod);
  } catch {
    return null;
  }
}
/** The arrays laid out in the kernels' memory (byte offsets in `at`). */
type Region =
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
  private readonly sortFn: KernelFn;
  /** After `sort` or `rank`: the rows' words `stage << 24 | row` and their scores, in descending order. */
  readonly packed: Uint32Array;
  readonly sorted: Float64Array;
  private readonly scoreFn: KernelFn;
  private readonly at: Record<Region, number>;
  /** How often `rank` or `sort` succeeded, and how often it declined clustered scores (for tests and benchmarks). */
  ranked = 0;
  declined = 0;
  private readonly slotAt: number[];

  /**
   * Kernels for `n` rows, `stages` stages and `k` indicators with `slots` score arrays, or null
   * without WebAssembly. `score4` needs k > 0 and four slots; ranking alone needs neither.
   */
  static create(n: number, stages: number, k: number, slots = LANES, mc?: McAccumulatorSpec): WasmKernels | null {
    if (n < 1 || n >= MAX_ROWS || stages > 255) return null;
    return withKernels((mod) => new WasmKernels(mod, n, stages, k, slots, mc));
  }

  /**
   * With `mc` given to `create`: Monte Carlo's accumulator in this same memory, so `rankMc` can
   * write a sample's words straight into its pending slot.
   */
  readonly mc: WasmMcAccumulator | null;
  private readonly rankMcFn: KernelFn;

  private constructor(
    mod: WebAssembly.Module,
    readonly n: number,
    readonly stages: number,
    readonly k: number,
    slots: number,
    mc?: McAccumulatorSpec,
  ) {
    const layout = new Layout();
    const take = (bytes: number) => layout.take(bytes);
    this.slotAt = Array.from({ length: slots }, () => take(8 * n));
    const sAt = take(8 * n * k);
    const W = take(8 * 256 * k * LANES);
    const bonus = take(k > 0 ? 8 * n : 0); // bonus, vetoed, W and minmax serve score4 only
    const minmax = take(8 * 2 * LANES);
    const sorted = take(8 * n);
    const scoreB = take(8 * n);
    const lastScore = take(8 * Math.max(1, stages));
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
    const vetoed = take(k > 0 ? n : 0);
    this.at = { packedB, scoreB, packed, sorted, countLow, countHigh, order, rank, stageRank, seen, lastScore, lastRank, stage, s: sAt, W, bonus, vetoed, minmax };
    const mcAt = mc ? mcRegions(layout, n, mc) : null;
    const { buffer: buf, exports } = layout.instantiate(mod);
    this.mc = mc && mcAt ? new WasmMcAccumulator(buf, exports, mcAt, n, mc) : null;
    this.rankMcFn = exports.rankMc as KernelFn;
    this.rankFn = exports.rank as KernelFn;
    this.sortFn = exports.sort as KernelFn;
    this.packed = new Uint32Array(buf, packed, n);
    this.sorted = new Float64Array(buf, sorted, n);
    this.scoreFn = exports.score4 as KernelFn;
    this.scores = this.slotAt.map((at) => new Float64Array(buf, at, n));
    this.stage = new Uint8Array(buf, stage, n);
    this.order = new Uint32Array(buf, order, n);
    this.rankOut = new Int32Array(buf, rank, n);
    this.stageRank = new Int32Array(buf, stageRank, n);
    this.s = new Float64Array(buf, sAt, n * k);
    this.W = new Float64Array(buf, W, 256 * k * LANES);
    this.bonus = new Float64Array(buf, bonus, k > 0 ? n : 0);
    this.vetoed = new Uint8Array(buf, vetoed, k > 0 ? n : 0);
    this.minmax = new Float64Array(buf, minmax, 2 * LANES);
  }

  /** Scores all four slots from `W` (unused lanes may hold any weights) and fills `minmax`. */
  score4(): void {
    if (this.slotAt.length < LANES || this.k === 0) throw new Error('score4: these kernels were made for ranking only');
    const a = this.at;
    const [o0, o1, o2, o3] = this.slotAt;
    this.scoreFn(this.n, this.k, a.s, a.stage, a.W, a.bonus, a.vetoed, o0, o1, o2, o3, a.minmax);
  }

  /**
   * Sorts `scores[slot]` (min and max of its values, max > min) with `stage` carried along, into
   * `packed` and `sorted`. False, with the outputs unspecified, when the scores are too clustered.
   */
  sort(slot: number, min: number, max: number): boolean {
    if (!(max > min)) return false;
    return this.counted(this.sortFn(this.n, ...this.sortArgs(slot, min, max)));
  }

  /** The arguments of `sort` after n, which `rank` and `rankMc` pass on to it. */
  private sortArgs(slot: number, min: number, max: number): number[] {
    const a = this.at;
    return [min, max, this.slotAt[slot], a.stage, a.packedB, a.scoreB, a.packed, a.sorted, a.countLow, a.countHigh];
  }

  private counted(ok: number): boolean {
    if (ok === 1) this.ranked++;
    else this.declined++;
    return ok === 1;
  }

  /**
   * Ranks `scores[slot]` (min and max of its values, max > min) into `order`, `rankOut` and
   * `stageRank`. Returns false, with the outputs unspecified, when the scores are too clustered for
   * the kernel's quantised keys: rank them with the JavaScript path then. `stages`: rows of a
   * stage ≥ it get stage rank 0 (at most the kernels' own).
   */
  rank(slot: number, min: number, max: number, stages = this.stages): boolean {
    if (!(max > min)) return false;
    if (stages > this.stages) throw new Error(`rank: ${stages} stages, the kernels were made for ${this.stages}`);
    const a = this.at;
    return this.counted(this.rankFn(this.n, stages, ...this.sortArgs(slot, min, max), a.order, a.rank, a.stageRank, a.seen, a.lastScore, a.lastRank));
  }

  /**
   * Monte Carlo's rank of `scores[slot]` straight into pending slot `t` of `mc`: one word per row,
   * the rank (within the stage with `byStage`) | LIST_BIT when on the list, the list being the
   * rule that `mc.setList` described. False, with the slot unspecified, when the scores are too
   * clustered (as `rank`); `order`, `rankOut` and `stageRank` are not written.
   */
  rankMc(slot: number, t: number, min: number, max: number, byStage: boolean): boolean {
    const mc = this.mc;
    if (!mc) throw new Error('rankMc: these kernels were made without a Monte Carlo accumulator');
    if (!(t >= 0 && t < mc.slots)) throw new Error(`rankMc: slot ${t} of ${mc.slots}`);
    if (!(max > min)) return false;
    const a = this.at;
    return this.counted(
      this.rankMcFn(
        this.n,
        this.stages,
        ...this.sortArgs(slot, min, max),
        a.seen,
        a.lastScore,
        a.lastRank,
        a.vetoed,
        mc.slotOffset(t),
        byStage ? 1 : 0,
        mc.listMode,
        mc.cutOffset,
        mc.minScore,
      ),
    );
  }
}

/** Rows rounded up to a multiple of 4: the stride of Monte Carlo's pending slots and row sums (mcFlush takes four rows at a time). */
export function mcStride(n: number): number {
  return (n + 3) & ~3;
}

/** What Monte Carlo's accumulator holds: `slots` pending samples, the rank → bin table `lut` (n + 1 entries), 16-bit histograms of `bins` bins per row (0: none). */
export interface McAccumulatorSpec {
  slots: number;
  lut: Uint16Array;
  bins: number;
}

/**
 * The single-band list rules rankMc can apply while it ranks (ListEvaluator.fusedRule): mode 1 a
 * rank cut-off per stage of the overall rank, 2 of the stage rank, 3 a minimum score; cut-offs
 * above 2^31 − 1 are clamped (no rank reaches them).
 */
export interface FusedListRule {
  mode: 1 | 2 | 3;
  /** Cut-off by stage value (256 entries; modes 1 and 2). */
  cut: ArrayLike<number>;
  minScore: number;
}

type McAt = { lut: number; pending: number; rankSum: number; rankSqSum: number; top: number; list: number; hist: number; cut: number };

function mcRegions(l: Layout, n: number, spec: McAccumulatorSpec): McAt {
  const n4 = mcStride(n);
  return {
    rankSum: l.take(8 * n4),
    rankSqSum: l.take(8 * n4),
    top: l.take(8 * n4),
    list: l.take(4 * n4),
    cut: l.take(4 * 256),
    lut: l.take(2 * spec.lut.length),
    pending: l.take(4 * n4 * spec.slots),
    hist: l.take(2 * n * spec.bins),
  };
}

/**
 * Monte Carlo's per-row sums in the kernels' memory (McChunk): each sample's words go into a
 * pending slot (`pending[t·n4 + r]`, n4 = mcStride(n): the rank in bits 0–29, 0 for a row without
 * one, and bit 30 set when the row was on the list), and `flush` adds the slots to `rankSum`,
 * `rankSqSum`, the first two top-N counts, the list counts and, when the run has them, the 16-bit
 * histograms `hist`; as McChunk's JavaScript loops do. The row arrays hold n4 entries (the padding
 * rows stay 0).
 */
export class WasmMcAccumulator {
  readonly pending: Int32Array;
  readonly rankSum: Float64Array;
  readonly rankSqSum: Float64Array;
  /** Counts of rank ≤ t0 (`top[r]`) and ≤ t1 (`top[n4 + r]`). */
  readonly top: Uint32Array;
  /** Times each row was on the list. */
  readonly list: Uint32Array;
  /** `hist[r·bins + b]`, or null when the run keeps 32-bit histograms (more than 65,535 samples). */
  readonly hist: Uint16Array | null;
  readonly stride: number;
  readonly slots: number;
  readonly bins: number;
  /** The list rule rankMc applies (setList): 0 none. */
  listMode = 0;
  minScore = 0;
  private readonly cut: Int32Array;
  private readonly flushFn: KernelFn;

  /** An accumulator in a memory of its own (the kernels' `mc` shares theirs). */
  static create(n: number, spec: McAccumulatorSpec): WasmMcAccumulator | null {
    if (n < 1 || n >= MAX_ROWS) return null;
    return withKernels((mod) => {
      const l = new Layout();
      const at = mcRegions(l, n, spec);
      const { buffer, exports } = l.instantiate(mod);
      return new WasmMcAccumulator(buffer, exports, at, n, spec);
    });
  }

  constructor(
    buffer: ArrayBuffer,
    exports: WebAssembly.Exports,
    private readonly at: McAt,
    readonly n: number,
    spec: McAccumulatorSpec,
  ) {
    const n4 = (this.stride = mcStride(n));
    this.slots = spec.slots;
    this.bins = spec.bins;
    this.flushFn = exports.mcFlush as KernelFn;
    this.hist = spec.bins > 0 ? new Uint16Array(buffer, at.hist, n * spec.bins) : null;
    new Uint16Array(buffer, at.lut, spec.lut.length).set(spec.lut);
    this.pending = new Int32Array(buffer, at.pending, n4 * spec.slots);
    this.rankSum = new Float64Array(buffer, at.rankSum, n4);
    this.rankSqSum = new Float64Array(buffer, at.rankSqSum, n4);
    this.top = new Uint32Array(buffer, at.top, 2 * n4);
    this.list = new Uint32Array(buffer, at.list, n4);
    this.cut = new Int32Array(buffer, at.cut, 256);
  }

  /** The list rule rankMc applies to every sample (null: no list). */
  setList(rule: FusedListRule | null): void {
    this.listMode = rule?.mode ?? 0;
    this.minScore = rule?.minScore ?? 0;
    for (let g = 0; g < 256; g++) this.cut[g] = rule && rule.mode !== 3 ? Math.min(0x7fffffff, rule.cut[g]) : 0;
  }

  /** Byte offset of pending slot t (for rankMc). */
  slotOffset(t: number): number {
    return this.at.pending + 4 * this.stride * t;
  }

  get cutOffset(): number {
    return this.at.cut;
  }

  /** Adds pending slots [0, T) (T ≤ 64; top-N thresholds t0, t1, 0 for none). */
  flush(T: number, t0: number, t1: number): void {
    if (!(T >= 1 && T <= this.slots)) throw new Error(`mcFlush: ${T} slots (1..${this.slots})`);
    // The kernel's integer lanes and their conversion to doubles are exact within these bounds.
    if (!(T * this.stride < 2 ** 30 && T * this.stride * this.stride < 2 ** 53)) throw new Error(`mcFlush: ${T} slots of ${this.stride} rows exceed exact sums`);
    const a = this.at;
    this.flushFn(this.stride, T, a.pending, a.lut, a.rankSum, a.rankSqSum, a.top, t0, t1, a.list, a.hist, this.bins);
  }
}

/**
 * Sobol's per-enterprise sums in the kernels' memory (SobolChunk): with the scenario's ranks in
 * `rank0`, base points' shifts in `yA`, `yB` and a mixed point's ranks in `rank`, `mixed(i)` adds
 * that point's terms to row block i of `first` and `total` and returns Σ|rank − rank0|.
 */
export class WasmSobolAccumulator {
  readonly rank: Int32Array;
  readonly rank0: Int32Array;
  readonly yA: Int32Array;
  readonly yB: Int32Array;
  /** `first[i·n + r]`, `total[i·n + r]`, as in SobolPartial. */
  readonly first: Float64Array;
  readonly total: Float64Array;
  private readonly fn: KernelFn;
  private readonly at: { rank: number; rank0: number; yA: number; yB: number; first: number; total: number };

  /** For `n` rows and `d` factors. */
  static create(n: number, d: number): WasmSobolAccumulator | null {
    if (n < 1 || n >= MAX_ROWS) return null;
    return withKernels((mod) => new WasmSobolAccumulator(mod, n, d));
  }

  private constructor(
    mod: WebAssembly.Module,
    readonly n: number,
    d: number,
  ) {
    const l = new Layout();
    this.at = { first: l.take(8 * n * d), total: l.take(8 * n * d), rank: l.take(4 * n), rank0: l.take(4 * n), yA: l.take(4 * n), yB: l.take(4 * n) };
    const { buffer, exports } = l.instantiate(mod);
    this.fn = exports.sobolMixed as KernelFn;
    this.rank = new Int32Array(buffer, this.at.rank, n);
    this.rank0 = new Int32Array(buffer, this.at.rank0, n);
    this.yA = new Int32Array(buffer, this.at.yA, n);
    this.yB = new Int32Array(buffer, this.at.yB, n);
    this.first = new Float64Array(buffer, this.at.first, n * d);
    this.total = new Float64Array(buffer, this.at.total, n * d);
  }

  /** Adds mixed point A_B^(i) (its ranks in `rank`); returns Σ|rank − rank0|. */
  mixed(i: number): number {
    const a = this.at;
    const off = 8 * i * this.n;
    return this.fn(this.n, a.rank, a.rank0, a.yA, a.yB, a.first + off, a.total + off);
  }
}

let warmedUp = false;

/**
 * Runs every kernel a few times on a small made-up population, once per realm. V8 starts each
 * WebAssembly function in its baseline compiler and optimises it only after it has run a while, so
 * without this the first Monte Carlo run of a worker spends its first calls in slow code (its first
 * flush at 100,000 rows took 156 ms against ~40 ms later). About 10 ms; the workers call it when
 * they receive a population, before any run is timed by a user.
 */
export function warmUpKernels(): void {
  if (warmedUp) return;
  warmedUp = true;
  const n = 8192;
  const k = 4;
  const stages = 3;
  const lut = new Uint16Array(n + 1).map((_, x) => Math.min(7, x >> 10));
  const kernels = WasmKernels.create(n, stages, k, LANES, { slots: LANES, lut, bins: 8 });
  const sobol = WasmSobolAccumulator.create(n, 1);
  if (!kernels?.mc || !sobol) return;
  let x = 12345;
  const next = () => (x = (Math.imul(x, 1103515245) + 12345) >>> 0) / 2 ** 32;
  kernels.s.forEach((_, i) => (kernels.s[i] = next()));
  kernels.stage.forEach((_, r) => (kernels.stage[r] = r % stages));
  kernels.W.forEach((_, i) => (kernels.W[i] = next()));
  kernels.mc.setList({ mode: 2, cut: new Array<number>(256).fill(n / 10), minScore: 0 });
  for (let rep = 0; rep < 4; rep++) {
    kernels.score4();
    const mm = kernels.minmax;
    for (let b = 0; b < LANES; b++) {
      kernels.rankMc(b, b, mm[b], mm[LANES + b], rep % 2 === 1);
      kernels.rank(b, mm[b], mm[LANES + b]);
      kernels.sort(b, mm[b], mm[LANES + b]);
    }
    kernels.mc.flush(LANES, 10, 100);
    sobol.mixed(0);
  }
}
