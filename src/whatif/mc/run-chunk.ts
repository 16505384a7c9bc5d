import { BLOCK, BlockRescore } from '../../engine/rescore-block.ts';
import { mcStride, WasmKernels, WasmMcAccumulator } from '../../engine/wasm-kernels.ts';
import {
  canonicalSpec,
  PreparedCache,
  rescore,
  specKey,
  type Columns,
  type NormalizationMethod,
  type NormalizationSpec,
  type Prepared,
  type RankedScores,
  type Toggles,
} from '../../engine/index.ts';
import { ListEvaluator, type ListGroups } from '../lists/list-evaluator.ts';
import { mulberry32, sampleSeed, toSeed } from '../prng.ts';
import { checkConfig, DEFAULT_EXACT_TOP, DEFAULT_TOP_N, HISTOGRAM_BUDGET_BYTES, MAX_EXACT_CELLS, runKey, type McConfig } from './config.ts';
import { emptyPartial, type PartialStats } from './partial-stats.ts';
import { SegmentRanks } from './segment-ranks.ts';
import { binsForBudget, rankBins, type RankBins } from './rank-bins.ts';
import { defaultSimplexBounds, perturbStage, simplexStage } from './sample-weights.ts';

/** The data a Monte Carlo run scores: the scenario's prepared matrix, weights and toggles. */
export interface McSource {
  prepared: Prepared;
  /** The scenario's weights `w[stage·k + i]` (effectiveWeights). */
  weights: Float64Array;
  toggles: Toggles;
  /** Raw columns: needed only when the config samples the normalisation method or percentiles. */
  columns?: Columns;
  /**
   * Group dictionaries for list rules scoped by tech field or city, and the segment (`within`):
   * with one, ranks are within the segment and the list is drawn from it (segment-ranks.ts).
   */
  groups?: ListGroups;
}

export interface ChunkOptions {
  /** Called after every `progressEvery` samples (default: every 1% of the chunk) with (done, total). */
  onProgress?: (done: number, total: number) => void;
  progressEvery?: number;
  /** Checked at every progress report (an AbortSignal fits): the chunk stops and returns what it has. */
  signal?: { readonly aborted: boolean };
  /** Reuse prepared matrices across chunks (a worker keeps one). */
  cache?: PreparedCache;
}

/**
 * One chunk [from, to) of a run, processed incrementally by `step` (so a worker can yield between
 * steps to hear "cancel"). Sample i: u-stream = mulberry32(sampleSeed(seed, i)); draw 1 picks the
 * method, draw 2 the percentile pair (always consumed, so turning normalisation sampling on or off
 * keeps the same weight draws), then the weights stage by stage. Samples are processed grouped by
 * normalisation spec (one prepared matrix alive at a time); the order does not affect the result.
 */
/**
 * Samples whose ranks are buffered before they are added to the per-row statistics. Adding each
 * sample's ranks straight into the sums, counts and `hist[r·bins + b]` reads and writes every
 * row's accumulators (~3 MB at 100,000 rows, the histograms on a new cache line per row) for every
 * sample. Instead each sample's words go into a pending slot (`pending[t·n4 + r]`, n4 = mcStride(n)),
 * and every few samples `flush` takes the rows four at a time: their buffered words are added while
 * their sums and histograms (≤ 334 bytes a row) stay in cache. Up to 64 slots, within 32 MB: the
 * histograms are read and written once per flush, so fewer flushes matter.
 *
 * A word is the sample's rank of the row (0 for none) in bits 0–29, and LIST_BIT when the row was
 * on the sample's list, so the list counts are taken at the flush too.
 */
const MAX_PENDING = 64;
const PENDING_BYTES = 32 << 20;

const LIST_BIT = 1 << 30;
const RANK_BITS = LIST_BIT - 1;

function pendingSlots(n: number): number {
  return Math.max(1, Math.min(MAX_PENDING, Math.floor(PENDING_BYTES / (4 * mcStride(Math.max(1, n))))));
}

/**
 * The JavaScript twin of the kernel's mcFlush (wasm/kernels.wat), first half: pending slots [0, T)
 * (stride n4) into the sums, the first two top-N counts (thresholds t0, t1; 0 for none) and the
 * list counts.
 */
function flushSums(pending: Int32Array, T: number, n4: number, P: PartialStats, t0: number, t1: number): void {
  const { n, rankSum, rankSqSum, topCount, listCount } = P;
  const tops = Math.min(2, P.topN.length);
  for (let r = 0; r < n; r++) {
    let s = 0;
    let s2 = 0;
    let c0 = 0;
    let c1 = 0;
    let cl = 0;
    for (let t = 0, q = r; t < T; t++, q += n4) {
      const w = pending[q];
      cl += w >>> 30;
      const x = w & RANK_BITS;
      if (x === 0) continue; // no stage (no stage rank), or outside the segment
      s += x;
      s2 += x * x;
      c0 += +(x <= t0);
      c1 += +(x <= t1);
    }
    rankSum[r] += s;
    rankSqSum[r] += s2;
    if (tops > 0) topCount[r] += c0;
    if (tops > 1) topCount[n + r] += c1;
    if (listCount) listCount[r] += cl;
  }
}

/** Its second half: the histograms (also the kernel path's, when they are 32-bit). */
function flushHistograms(pending: Int32Array, T: number, n: number, n4: number, lut: Uint16Array, hist: Uint16Array | Uint32Array, bins: number): void {
  for (let r = 0, h = 0; r < n; r++, h += bins) {
    for (let t = 0, q = r; t < T; t++, q += n4) {
      const x = pending[q] & RANK_BITS;
      if (x > 0) hist[h + lut[x]]++;
    }
  }
}

export class McChunk {
  private readonly stats: PartialStats;
  private readonly pending: Int32Array;
  /** Stride of the pending slots: mcStride(n). */
  private readonly stride: number;
  private readonly slots: number;
  /** The per-row sums in WebAssembly, where it runs (else flushSums and flushHistograms). */
  private readonly acc: WasmMcAccumulator | null;
  /**
   * The kernels every block of this chunk scores and ranks in, holding `acc` (null where
   * WebAssembly does not run, or without indicators).
   */
  private readonly kernels: WasmKernels | null;
  /**
   * Whether a sample's ranks and list go straight from the rank kernel into its pending slot
   * (rankMc): no segment, and a list rule the kernel applies (or none). Else, and for a sample the
   * kernel declines, `accumulate` writes the slot from the ranked result and the list evaluator.
   */
  private readonly fused: boolean;
  /** Samples that took each path (for tests). */
  readonly paths = { fused: 0, evaluated: 0 };
  private pendingCount = 0;
  readonly bins: RankBins;
  readonly total: number;
  done = 0;
  private readonly plan: Uint32Array;
  private readonly planSpec: string[];
  private readonly specs = new Map<string, ReturnType<typeof canonicalSpec>>();
  private readonly cache: PreparedCache;
  private readonly scratch: Float64Array<ArrayBuffer>;
  private readonly lower: ArrayLike<number>;
  private readonly upper: ArrayLike<number>;
  private readonly list: ListEvaluator | null;
  private readonly segment: SegmentRanks | null;
  private readonly mask: Uint8Array;
  private readonly methods: NormalizationMethod[];
  private readonly quantiles: [number, number][];
  private block: BlockRescore | null = null;
  /** Samples a driver should ask `step` for at a time: one block. */
  readonly stepSize = BLOCK;

  constructor(
    private readonly source: McSource,
    private readonly config: McConfig,
    seed: number,
    readonly from: number,
    readonly to: number,
    cache?: PreparedCache,
  ) {
    const p = source.prepared;
    const { n, k } = p;
    const stages = p.system.stages.length;
    checkConfig(config, stages, k);
    if (!(Number.isInteger(from) && Number.isInteger(to) && 0 <= from && from <= to && to <= config.samples)) {
      throw new Error(`Monte Carlo: chunk [${from}, ${to}) is outside 0..${config.samples}`);
    }
    if (source.weights.length !== stages * k) throw new Error(`Monte Carlo: expected ${stages}×${k} weights, got ${source.weights.length}`);
    const s = toSeed(seed);
    this.total = to - from;
    this.cache = cache ?? new PreparedCache();
    this.scratch = new Float64Array(3 * k);
    const bounds = config.weights.mode === 'simplex' ? config.weights : null;
    const defaults = defaultSimplexBounds(source.weights);
    this.lower = bounds?.lower ?? defaults.lower;
    this.upper = bounds?.upper ?? defaults.upper;
    this.methods = config.methods ?? [p.normalization.method];
    this.quantiles = config.quantiles ?? [[p.normalization.lowerQuantile, p.normalization.upperQuantile]];

    // The scenario's own ranking decides which rows keep exact ranks (identical in every chunk).
    const res0 = rescore(p, source.weights, source.toggles);
    const within = source.groups?.within;
    this.segment = within ? new SegmentRanks(within, n, p.stage, config.rank === 'stage' ? 'stage' : 'overall') : null;
    const rank0 = this.ranksOf(res0);
    const exactTop = config.exactTop ?? DEFAULT_EXACT_TOP;
    const cap = Math.floor(MAX_EXACT_CELLS / config.samples);
    const exact: number[] = [];
    for (let r = 0; r < n; r++) if (rank0[r] >= 1 && rank0[r] <= exactTop) exact.push(r);
    exact.sort((a, b) => rank0[a] - rank0[b] || a - b);
    const exactRows = Int32Array.from(exact.slice(0, cap)).sort();

    const topN = config.topN ?? DEFAULT_TOP_N;
    const bytes = config.samples <= 0xffff ? 2 : 4;
    this.bins = rankBins(n, config.maxBins ?? binsForBudget(n, bytes, HISTOGRAM_BUDGET_BYTES));
    this.list = config.list ? new ListEvaluator(config.list, n, p.stage, source.groups) : null;
    this.mask = new Uint8Array(this.list ? n : 0);
    this.stats = emptyPartial({
      key: runKey(config, s, n),
      n,
      samples: config.samples,
      edges: this.bins.edges,
      topN,
      list: !!this.list,
      bands: this.list?.bandCount ?? 0,
      exactRows,
    });

    // The histograms go into WebAssembly too when they are 16-bit (they are copied out at the end).
    const wasmHist = this.stats.hist instanceof Uint16Array;
    this.slots = pendingSlots(n);
    this.stride = mcStride(n);
    const accSpec = { slots: this.slots, lut: this.bins.lut, bins: wasmHist ? this.bins.edges.length - 1 : 0 };
    this.kernels = k > 0 ? WasmKernels.create(n, stages, k, undefined, accSpec) : null;
    this.acc = this.kernels?.mc ?? WasmMcAccumulator.create(n, accSpec);
    this.pending = this.acc ? this.acc.pending : new Int32Array(this.stride * this.slots);
    const fusedList = this.list ? this.list.fusedRule() : null;
    this.fused = !!this.kernels?.mc && !this.segment && (!this.list || fusedList !== null);
    if (this.fused) this.kernels!.mc!.setList(fusedList);

    // Plan: the normalisation spec of every sample, then the samples grouped by spec.
    const keyOf: string[] = [];
    for (let i = from; i < to; i++) keyOf.push(this.drawSpec(mulberry32(sampleSeed(s, i))));
    const order = [...keyOf.keys()].sort((a, b) => (keyOf[a] < keyOf[b] ? -1 : keyOf[a] > keyOf[b] ? 1 : a - b));
    this.plan = Uint32Array.from(order, (j) => from + j);
    this.planSpec = order.map((j) => keyOf[j]);
    this.seed = s;
  }
  private readonly seed: number;

  /** The ranks a sample contributes: within the segment when there is one, else overall or by stage. */
  private ranksOf(res: RankedScores): Int32Array {
    if (this.segment) return this.segment.of(res);
    return this.config.rank === 'stage' ? res.stageRank : res.rank;
  }

  private drawSpec(rand: () => number): string {
    const m = this.methods[Math.min(this.methods.length - 1, Math.floor(rand() * this.methods.length))];
    const q = this.quantiles[Math.min(this.quantiles.length - 1, Math.floor(rand() * this.quantiles.length))];
    const spec = canonicalSpec(m, q[0], q[1]);
    const key = specKey(spec);
    if (!this.specs.has(key)) this.specs.set(key, spec);
    return key;
  }

  /** The statistics so far (complete once `finished`). */
  get partial(): PartialStats {
    this.flush();
    const acc = this.acc;
    if (acc) {
      // The kernel's sums are this chunk's: copied, so reading `partial` twice is harmless.
      const P = this.stats;
      const { n } = P;
      const n4 = acc.stride;
      P.rankSum.set(acc.rankSum.subarray(0, n));
      P.rankSqSum.set(acc.rankSqSum.subarray(0, n));
      for (let t = 0; t < Math.min(2, P.topN.length); t++) P.topCount.set(acc.top.subarray(t * n4, t * n4 + n), t * n);
      P.listCount?.set(acc.list.subarray(0, n));
      if (acc.hist) P.hist.set(acc.hist);
    }
    return this.stats;
  }

  /** Adds the buffered ranks to the per-row statistics. */
  private flush(): void {
    const T = this.pendingCount;
    if (T === 0) return;
    const P = this.stats;
    const { n, topN } = P;
    const t0 = topN.length > 0 ? topN[0] : 0;
    const t1 = topN.length > 1 ? topN[1] : 0;
    if (this.acc) this.acc.flush(T, t0, t1);
    else flushSums(this.pending, T, this.stride, P, t0, t1);
    if (!this.acc?.hist) flushHistograms(this.pending, T, n, this.stride, this.bins.lut, P.hist, this.bins.edges.length - 1);
    this.pendingCount = 0;
  }

  /** The scenario's own matrix, or one prepared (and cached) for a sampled normalisation. */
  private preparedFor(spec: NormalizationSpec): Prepared {
    const base = this.source.prepared;
    if (specKey(spec) === specKey(base.normalization)) return base;
    const columns = this.source.columns;
    if (!columns) throw new Error('Monte Carlo: sampling the normalisation needs the raw columns, which were not provided');
    return this.cache.prepare({ system: base.system, columns, n: base.n, normalization: spec, stageKey: 'monte-carlo', stage: () => base.stage });
  }

  get finished(): boolean {
    return this.done >= this.total;
  }

  /**
   * Processes up to `count` more samples; returns how many it processed. Consecutive samples of
   * the same normalisation are scored BLOCK at a time (BlockRescore), so ask for multiples of
   * `stepSize`.
   */
  step(count: number): number {
    const end = Math.min(this.total, this.done + count);
    const start = this.done;
    let j = start;
    while (j < end) {
      const key = this.planSpec[j];
      let m = 1;
      while (m < BLOCK && j + m < end && this.planSpec[j + m] === key) m++;
      this.scoreBlock(j, m, key);
      j += m;
    }
    this.done = end;
    return end - start;
  }

  /** Plan positions [j, j + m), all of normalisation `key`: weights drawn, scored together, accumulated in order. */
  private scoreBlock(j: number, m: number, key: string): void {
    const p = this.preparedFor(this.specs.get(key)!);
    if (this.block?.prepared !== p) this.block = new BlockRescore(p, this.source.toggles, this.kernels);
    const block = this.block;
    const { k } = p;
    const stages = p.system.stages.length;
    const wmode = this.config.weights;
    for (let b = 0; b < m; b++) {
      const rand = mulberry32(sampleSeed(this.seed, this.plan[j + b]));
      rand();
      rand(); // method and percentile draws (see drawSpec)
      const w = block.weights(b);
      for (let st = 0; st < stages; st++) {
        if (wmode.mode === 'perturb') perturbStage(this.source.weights, st * k, k, wmode.spread, rand, w);
        else simplexStage(this.lower, this.upper, st * k, k, rand, w, this.scratch);
      }
    }
    block.score(m);
    const byStage = this.config.rank === 'stage';
    for (let b = 0; b < m; b++) {
      if (this.pendingCount === this.slots) this.flush();
      if (this.fused && block.rankMc(b, this.pendingCount, byStage)) this.paths.fused++;
      else {
        this.accumulate(block.ranked(b, !this.fused));
        this.paths.evaluated++;
      }
      this.finishSample(this.plan[j + b]);
    }
  }

  /** The sample's words into the next pending slot, from its ranked result; and its band counts. */
  private accumulate(res: RankedScores): void {
    const P = this.stats;
    const { n } = P;
    const rank = this.ranksOf(res);
    const at = this.pendingCount * this.stride;
    const pending = this.pending;
    if (this.list) {
      const mask = this.mask;
      this.list.evaluate(res, mask);
      for (let r = 0; r < n; r++) pending[at + r] = rank[r] | (mask[r] !== 0 ? LIST_BIT : 0);
      const bc = P.bandCount;
      if (bc) {
        for (let r = 0; r < n; r++) {
          const b = mask[r];
          if (b !== 0) bc[(b - 1) * n + r]++;
        }
      }
    } else pending.set(rank, at);
  }

  /** Sample i, whose words are in the next pending slot: its top-N counts beyond two and exact ranks, from the slot. */
  private finishSample(i: number): void {
    const P = this.stats;
    const { n, topCount, topN } = P;
    const at = this.pendingCount++ * this.stride;
    const pending = this.pending;
    for (let t = 2; t < topN.length; t++) {
      const thr = topN[t];
      const off = t * n;
      for (let r = 0; r < n; r++) {
        const x = pending[at + r] & RANK_BITS;
        if (x !== 0 && x <= thr) topCount[off + r]++;
      }
    }
    const S = P.samples;
    const rows = P.exactRows;
    for (let m = 0; m < rows.length; m++) P.exact[m * S + i] = pending[at + rows[m]] & RANK_BITS;
    P.counted[i] = 1;
    P.done++;
  }
}

/**
 * Runs samples [from, to) of a run and returns their partial statistics. Chunks of one run merged
 * with `merge` equal a single chunk [0, samples) exactly. Stops early (returning what it has, with
 * `done` < to − from) when `signal.aborted` turns true.
 */
export function runChunk(source: McSource, config: McConfig, seed: number, from: number, to: number, opts: ChunkOptions = {}): PartialStats {
  const chunk = new McChunk(source, config, seed, from, to, opts.cache);
  const every = Math.max(1, opts.progressEvery ?? Math.ceil(chunk.total / 100));
  while (!chunk.finished && !opts.signal?.aborted) {
    chunk.step(every - (chunk.done % every)); // to the next report
    opts.onProgress?.(chunk.done, chunk.total);
  }
  return chunk.partial;
}
