import { BLOCK, BlockRescore } from '../../engine/rescore-block.ts';
import { WasmMcAccumulator } from '../../engine/wasm-kernels.ts';
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
 * Samples whose bins are buffered before they go into the histograms. Writing each sample's bin
 * straight into `hist[r·bins + b]` touches a new cache line (and often a new page) for every row —
 * ~13 ms per sample at 100,000 rows, as much as the re-score itself. Instead each sample writes its
 * bins sequentially (`pending[t·n + r]`, 200 KB), and every PENDING samples the histograms are
 * updated block by block: FLUSH_BLOCK rows' histograms (≤ 1024 × 167 × 2 B ≈ 340 KB) stay in L2
 * while all buffered samples are added to them.
 */
const PENDING = 32;
const FLUSH_BLOCK = 1024;

export class McChunk {
  private readonly stats: PartialStats;
  private readonly pending: Uint16Array;
  /** The per-row sums in WebAssembly, where it runs (else the JavaScript loop of `accumulate`). */
  private readonly acc: WasmMcAccumulator | null;
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
    this.acc = WasmMcAccumulator.create(n, PENDING, this.bins.lut, wasmHist ? this.bins.edges.length - 1 : 0);
    this.pending = this.acc ? this.acc.pending : new Uint16Array(n * PENDING);

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
      P.rankSum.set(acc.rankSum);
      P.rankSqSum.set(acc.rankSqSum);
      P.topCount.set(acc.top.subarray(0, Math.min(2, P.topN.length) * P.n));
      if (acc.hist) P.hist.set(acc.hist);
    }
    return this.stats;
  }

  /** Moves the buffered bins into the per-row histograms (pending value = bin + 1, 0 = none). */
  private flush(): void {
    const T = this.pendingCount;
    if (T === 0) return;
    if (this.acc?.hist) {
      this.acc.flush(T, FLUSH_BLOCK);
      this.pendingCount = 0;
      return;
    }
    const { n, hist } = this.stats;
    const bins = this.bins.edges.length - 1;
    const pending = this.pending;
    for (let r0 = 0; r0 < n; r0 += FLUSH_BLOCK) {
      const r1 = Math.min(n, r0 + FLUSH_BLOCK);
      for (let t = 0; t < T; t++) {
        const q = t * n;
        for (let r = r0, h = r0 * bins - 1; r < r1; r++, h += bins) {
          const b = pending[q + r];
          if (b !== 0) hist[h + b]++;
        }
      }
    }
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
    if (this.block?.prepared !== p) this.block = new BlockRescore(p, this.source.toggles);
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
    for (let b = 0; b < m; b++) this.accumulate(block.ranked(b), this.plan[j + b]);
  }

  /** One pass over the rows: histogram bin, rank sums, top-N counts; then list and exact ranks. */
  private accumulate(res: RankedScores, i: number): void {
    const P = this.stats;
    const { n, rankSum, rankSqSum, topCount, topN } = P;
    const rank = this.ranksOf(res);
    const lut = this.bins.lut;
    const pending = this.pending;
    if (this.pendingCount === PENDING) this.flush();
    const t = this.pendingCount++;
    const t0 = topN.length > 0 ? topN[0] : 0;
    const t1 = topN.length > 1 ? topN[1] : 0;
    if (this.acc) {
      this.acc.rank.set(rank);
      this.acc.accumulate(t, t0, t1);
    } else {
      for (let r = 0, q = t * n; r < n; r++, q++) {
        const x = rank[r];
        if (x === 0) {
          pending[q] = 0; // no stage (no stage rank), or outside the segment
          continue;
        }
        pending[q] = lut[x] + 1;
        rankSum[r] += x;
        rankSqSum[r] += x * x;
        // fast path for the usual one or two thresholds; the rest below
        if (x <= t0) topCount[r]++;
        if (x <= t1) topCount[n + r]++;
      }
    }
    for (let t = 2; t < topN.length; t++) {
      const thr = topN[t];
      const off = t * n;
      for (let r = 0; r < n; r++) if (rank[r] !== 0 && rank[r] <= thr) topCount[off + r]++;
    }
    if (this.list) {
      const mask = this.mask;
      this.list.evaluate(res, mask);
      const lc = P.listCount!;
      const bc = P.bandCount;
      if (!bc) {
        for (let r = 0; r < n; r++) lc[r] += mask[r]; // one band: mask is 0 or 1
      } else {
        for (let r = 0; r < n; r++) {
          const b = mask[r];
          if (b === 0) continue;
          lc[r]++;
          bc[(b - 1) * n + r]++;
        }
      }
    }
    const S = P.samples;
    const rows = P.exactRows;
    for (let m = 0; m < rows.length; m++) P.exact[m * S + i] = rank[rows[m]];
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
