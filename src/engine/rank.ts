/**
 * Ranking on the re-score path, without a comparator sort (a comparator argsort of a million rows
 * costs ~300 ms). The fast path quantises each score linearly onto 2²² levels over [min, max] and
 * sorts the 22-bit keys with two 11-bit LSD radix passes (2,048 buckets: the count array stays in
 * L1 and the scatter writes 2,048 sequential streams), then one insertion pass orders rows whose
 * keys collide by their exact scores. Scores too clustered for that (the insertion pass would move
 * more than 16n rows) fall back to an LSD radix sort on the full IEEE-754 bits. Both are exact:
 * distinct doubles never merge. Measured on 1M rows: ~45 ms, against ~80 ms for a counting sort
 * into n/4 buckets and ~165 ms for the 64-bit radix sort alone. wasm/kernels.wat holds this fast path
 * and competitionRanks in WebAssembly (about twice as fast): argsortDescending takes it from
 * WASM_SORT_MIN_ROWS rows, and Monte Carlo and Sobol (BlockRescore) rank with it. Change both together.
 */
import { WasmKernels } from './wasm-kernels.ts';

const DIGIT_BITS = 16;
const RADIX_BUCKETS = 1 << DIGIT_BITS;
/** Bits of the quantised key and of each of its two radix digits. */
const KEY_BITS = 22;
const LEVELS = 1 << KEY_BITS;
const LOW_BITS = 11;
const LOW_MASK = (1 << LOW_BITS) - 1;
/** Insertion moves allowed per row before falling back to the 64-bit radix sort. */
const MOVES_PER_ROW = 16;
/**
 * The passes carry a row as one 32-bit word, `stage << 24 | row`: two write streams per scatter
 * (word and score) instead of four (key, row, score, stage) halved the sort's time at 100,000
 * rows. Larger populations (beyond 16.7M rows) take the 64-bit radix sort.
 */
const ROW_BITS = 24;
const ROW_MASK = (1 << ROW_BITS) - 1;
const MAX_PACKED_ROWS = 1 << ROW_BITS;
/**
 * Rows from which a sort copies into the WebAssembly kernel and back: below, the copies and the
 * call cost about what they save.
 */
export const WASM_SORT_MIN_ROWS = 20_000;

export class RankWorkspace {
  /** After the first pass: `stage << 24 | row`, by the low digit. */
  readonly packedB: Uint32Array;
  readonly scoreB: Float64Array;
  /** After the second pass and the insertion pass: `stage << 24 | row`, in descending order. */
  readonly packed: Uint32Array;
  readonly countLow = new Uint32Array(1 << LOW_BITS);
  readonly countHigh = new Uint32Array(1 << (KEY_BITS - LOW_BITS));
  /** Scores in descending order: `sorted[p] = score[order[p]]`. */
  readonly sorted: Float64Array;
  /** Stages in the same order: `sortedStage[p] = stage[order[p]]`. */
  readonly sortedStage: Uint8Array;
  private radix?: RadixWorkspace;
  private kernels: WasmKernels | null | undefined;
  constructor(readonly n: number) {
    this.packedB = new Uint32Array(n);
    this.scoreB = new Float64Array(n);
    this.packed = new Uint32Array(n);
    this.sorted = new Float64Array(n);
    this.sortedStage = new Uint8Array(n);
  }
  /** The radix fallback's buffers, allocated the first time clustered scores need them. */
  radixWorkspace(): RadixWorkspace {
    return (this.radix ??= new RadixWorkspace(this.n));
  }
  /**
   * The WebAssembly kernel for this many rows (created on first use, ranking up to 255 stages), or
   * null below WASM_SORT_MIN_ROWS rows or where WebAssembly is missing.
   */
  kernel(): WasmKernels | null {
    if (this.n < WASM_SORT_MIN_ROWS) return null;
    if (this.kernels === undefined) this.kernels = WasmKernels.create(this.n, 255, 0, 1);
    return this.kernels;
  }
}

class RadixWorkspace {
  readonly idxA: Uint32Array;
  readonly idxB: Uint32Array;
  readonly loA: Uint32Array;
  readonly loB: Uint32Array;
  readonly hiA: Uint32Array;
  readonly hiB: Uint32Array;
  readonly counts = new Uint32Array(RADIX_BUCKETS);
  constructor(n: number) {
    this.idxA = new Uint32Array(n);
    this.idxB = new Uint32Array(n);
    this.loA = new Uint32Array(n);
    this.loB = new Uint32Array(n);
    this.hiA = new Uint32Array(n);
    this.hiB = new Uint32Array(n);
  }
}

/** The 64-bit radix sort, then `sorted` and `sortedStage` gathered in its order. */
function radixFallback(score: Float64Array, order: Uint32Array, ws: RankWorkspace, stage?: Uint8Array): void {
  radixArgsortDescending(score, order, ws.radixWorkspace());
  const { sorted, sortedStage } = ws;
  for (let i = 0; i < order.length; i++) {
    sorted[i] = score[order[i]];
    if (stage) sortedStage[i] = stage[order[i]];
  }
}

/**
 * Fills `order` with row indices by `score` descending (ties in no particular order; ranks do not
 * depend on it), and `ws.sorted` / `ws.sortedStage` in that order. Scores must be finite;
 * `min`/`max` may be passed when the caller already knows them. `kernel: false` skips the
 * WebAssembly kernel (a caller whose kernel just declined these scores as too clustered).
 */
export function argsortDescending(score: Float64Array, order: Uint32Array, ws: RankWorkspace, min?: number, max?: number, stage?: Uint8Array, kernel = true): void {
  const n = score.length;
  if (n === 0) return;
  if (min === undefined || max === undefined) {
    min = Infinity;
    max = -Infinity;
    for (let r = 0; r < n; r++) {
      const v = score[r];
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  const { sorted, sortedStage } = ws;
  if (!(max > min)) {
    for (let r = 0; r < n; r++) order[r] = r; // all equal (or n = 1)
    sorted.set(score);
    if (stage) sortedStage.set(stage);
    return;
  }
  if (n > MAX_PACKED_ROWS) return radixFallback(score, order, ws, stage);
  const k = kernel && n === ws.n ? ws.kernel() : null;
  if (k && kernelSort(k, score, order, ws, min, max, stage)) return;
  sortPacked(score, order, ws, min, max, stage);
}

/** sortPacked's steps in the kernel, the outputs copied back; false when it declined (clustered scores). */
function kernelSort(k: WasmKernels, score: Float64Array, order: Uint32Array, ws: RankWorkspace, min: number, max: number, stage: Uint8Array | undefined): boolean {
  const n = score.length;
  k.scores[0].set(score);
  if (stage) k.stage.set(stage);
  else k.stage.fill(0);
  if (!k.sort(0, min, max)) return false;
  unpack(k.packed, n, order, ws.sortedStage, !!stage);
  ws.sorted.set(k.sorted);
  return true;
}

function sortPacked(score: Float64Array, order: Uint32Array, ws: RankWorkspace, min: number, max: number, stage: Uint8Array | undefined): void {
  const n = score.length;
  const { packedB, scoreB, packed, countLow, countHigh, sorted, sortedStage } = ws;
  // 1. Quantised keys, ascending = descending score (monotone: rows with different keys are
  //    already in order), and the histograms of both digits in the same pass.
  const scale = (LEVELS - 1) / (max - min);
  countLow.fill(0);
  countHigh.fill(0);
  for (let r = 0; r < n; r++) {
    let k = ((max - score[r]) * scale) >>> 0;
    if (k >= LEVELS) k = LEVELS - 1;
    countLow[k & LOW_MASK]++;
    countHigh[k >>> LOW_BITS]++;
  }
  prefixSums(countLow);
  prefixSums(countHigh);
  // 2. Two stable LSD passes: low digit (rows in row order), then high digit. Scores travel with
  //    the rows, so no pass reads memory at random (a gather afterwards cost ~50 ms at 1M), and
  //    both passes recompute each key from its score (the same expression, the same key) rather
  //    than storing it and reading it back.
  for (let r = 0; r < n; r++) {
    const v = score[r];
    let k = ((max - v) * scale) >>> 0;
    if (k >= LEVELS) k = LEVELS - 1;
    const p = countLow[k & LOW_MASK]++;
    packedB[p] = stage ? ((stage[r] << ROW_BITS) | r) >>> 0 : r;
    scoreB[p] = v;
  }
  for (let i = 0; i < n; i++) {
    const v = scoreB[i];
    let k = ((max - v) * scale) >>> 0;
    if (k >= LEVELS) k = LEVELS - 1;
    const p = countHigh[k >>> LOW_BITS]++;
    packed[p] = packedB[i];
    sorted[p] = v;
  }
  // 3. Insertion pass: only rows with colliding keys can be out of order.
  const budget = MOVES_PER_ROW * n;
  let moves = 0;
  for (let p = 1; p < n; p++) {
    const v = sorted[p];
    if (v <= sorted[p - 1]) continue;
    const x = packed[p];
    let q = p - 1;
    while (q >= 0 && sorted[q] < v) {
      sorted[q + 1] = sorted[q];
      packed[q + 1] = packed[q];
      q--;
    }
    moves += p - 1 - q;
    sorted[q + 1] = v;
    packed[q + 1] = x;
    if (moves > budget) return radixFallback(score, order, ws, stage);
  }
  unpack(packed, n, order, sortedStage, !!stage);
}

/** The sorted words `stage << 24 | row` into `order` and, when a stage was carried, `sortedStage`. */
function unpack(packed: Uint32Array, n: number, order: Uint32Array, sortedStage: Uint8Array, staged: boolean): void {
  if (!staged) {
    order.set(packed.subarray(0, n));
    return;
  }
  for (let p = 0; p < n; p++) {
    const x = packed[p];
    order[p] = x & ROW_MASK;
    sortedStage[p] = x >>> ROW_BITS;
  }
}

/** In place: each count becomes the number of items before its bucket. */
function prefixSums(counts: Uint32Array): void {
  let sum = 0;
  for (let b = 0; b < counts.length; b++) {
    const c = counts[b];
    counts[b] = sum;
    sum += c;
  }
}

/**
 * LSD radix argsort on the 64-bit keys of the scores, descending: four 16-bit digits, skipping a
 * digit that every row shares. O(n) whatever the distribution.
 */
export function radixArgsortDescending(score: Float64Array, order: Uint32Array, ws: RadixWorkspace): void {
  const n = score.length;
  const bits = new Uint32Array(score.buffer, score.byteOffset, n * 2);
  let { idxA: idx, idxB: idx2, loA: lo, loB: lo2, hiA: hi, hiB: hi2 } = ws;
  // Order-preserving transform (flip all bits of negatives, the sign bit of positives), then
  // complemented so that ascending keys mean descending scores.
  for (let r = 0; r < n; r++) {
    const l = bits[2 * r];
    const h = bits[2 * r + 1];
    if (h & 0x80000000) {
      hi[r] = h;
      lo[r] = l;
    } else {
      hi[r] = ~(h | 0x80000000) >>> 0;
      lo[r] = ~l >>> 0;
    }
    idx[r] = r;
  }
  const counts = ws.counts;
  for (let pass = 0; pass < 4; pass++) {
    const keys = pass >= 2 ? hi : lo;
    const shift = (pass & 1) * DIGIT_BITS;
    counts.fill(0);
    for (let r = 0; r < n; r++) counts[(keys[r] >>> shift) & 0xffff]++;
    if (counts[(keys[0] >>> shift) & 0xffff] === n) continue;
    let sum = 0;
    for (let b = 0; b < RADIX_BUCKETS; b++) {
      const c = counts[b];
      counts[b] = sum;
      sum += c;
    }
    for (let r = 0; r < n; r++) {
      const p = counts[(keys[r] >>> shift) & 0xffff]++;
      idx2[p] = idx[r];
      lo2[p] = lo[r];
      hi2[p] = hi[r];
    }
    [idx, idx2] = [idx2, idx];
    [lo, lo2] = [lo2, lo];
    [hi, hi2] = [hi2, hi];
  }
  order.set(idx);
}

/**
 * Competition ranks ("1224") from the workspace's descending order, overall and within each
 * row's stage (argsortDescending must have been given the stages). Rows whose stage index is
 * ≥ `seen.length` get stageRank 0.
 */
export function competitionRanks(
  ws: RankWorkspace,
  order: Uint32Array,
  rank: Int32Array,
  stageRank: Int32Array,
  seen: Int32Array,
  lastScore: Float64Array,
  lastRank: Int32Array,
): void {
  const { sorted, sortedStage } = ws;
  seen.fill(0);
  let prevRank = 0;
  for (let p = 0; p < order.length; p++) {
    const r = order[p];
    const v = sorted[p];
    prevRank = p > 0 && v === sorted[p - 1] ? prevRank : p + 1;
    rank[r] = prevRank;
    const st = sortedStage[p];
    if (st >= seen.length) {
      stageRank[r] = 0;
      continue;
    }
    const c = ++seen[st];
    if (c === 1 || v !== lastScore[st]) lastRank[st] = c;
    lastScore[st] = v;
    stageRank[r] = lastRank[st];
  }
}
