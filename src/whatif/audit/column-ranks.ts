/**
 * One sort per indicator column serves two statistics: the average ranks behind Spearman's ρ
 * (per stage and over `all`) and the equal-count bins behind the binned conditional means of the
 * effective weights. The sort is the engine's radix argsort (src/engine/rank.ts: a comparator
 * argsort of a million rows costs ~300 ms, this ~45 ms), descending, carrying each row's stage.
 *
 * Everything runs in stage-grouped positions (stage-order.ts), not rows: the column is gathered
 * in that order once, so the walk after the sort reads `y` and writes the ranks by position, and
 * the Spearman sums are contiguous per stage.
 *
 * Ranks are stored centred and doubled, `2·avgRank − (m + 1)` for a group of m rows, as Int32:
 * average ranks are whole or half numbers, so doubled they are exact integers, and centring makes
 * their sum 0 so the Spearman co-moments are plain sums of products. Tied values share one
 * average rank (scipy.stats.rankdata 'average'); descending instead of ascending ranks negate
 * every column alike, which leaves every ρ unchanged.
 */
import { argsortDescending, RankWorkspace } from '../../engine/rank.ts';
import type { Groups } from './groups.ts';
import type { StageOrder } from './stage-order.ts';

/** Upper limit of the bin count B = min(MAX_BINS, ⌊√m⌋) for m scored rows of a group. */
export const MAX_BINS = 100;

export function binCount(m: number): number {
  return Math.min(MAX_BINS, Math.floor(Math.sqrt(m)));
}

export class ColumnWorkspace {
  readonly order: Uint32Array;
  readonly rank: RankWorkspace;
  /** Per group: rows / scored rows in the current tie group, those already passed, bin of the tie group. */
  readonly tieRows: Float64Array;
  readonly tieScored: Float64Array;
  readonly doneRows: Float64Array;
  readonly doneScored: Float64Array;
  readonly tieBin: Int32Array;
  /** Bins of the current column, `[g * MAX_BINS + b]`: score sums and row counts. */
  readonly binSum: Float64Array;
  readonly binRows: Float64Array;
  readonly bins: Int32Array;
  /**
   * Bin of each scored position in its stage and in `all` (b < MAX_BINS ≤ 255). The walk writes
   * them in sort order and a sequential pass then adds the scores: a scattered byte write per row
   * instead of a scattered read of its score, which would stall on every cache miss.
   */
  readonly binStage: Uint8Array;
  readonly binAll: Uint8Array;
  constructor(
    readonly size: number,
    readonly groups: Groups,
  ) {
    const G = groups.count;
    this.order = new Uint32Array(size);
    this.rank = new RankWorkspace(size);
    this.tieRows = new Float64Array(G);
    this.tieScored = new Float64Array(G);
    this.doneRows = new Float64Array(G);
    this.doneScored = new Float64Array(G);
    this.tieBin = new Int32Array(G);
    this.binSum = new Float64Array(G * MAX_BINS);
    this.binRows = new Float64Array(G * MAX_BINS);
    this.bins = Int32Array.from({ length: G }, (_, g) => binCount(groups.scored[g]));
    this.binStage = new Uint8Array(size);
    this.binAll = new Uint8Array(size);
  }
}

export interface ColumnInput {
  k: number;
  order: StageOrder;
  /**
   * s in stage-grouped positions, column-major: `cols[i · size + p]`. One blocked transpose of the
   * row-major matrix costs about a fifth of gathering each column with a stride of k.
   */
  cols: Float64Array;
  /** Per column: its smallest and largest value (the radix sort's range). */
  min: Float64Array;
  max: Float64Array;
  /** Score by position, NaN for a vetoed row (not in the score statistics). */
  y: Float64Array;
  /**
   * Stage by position with VETOED_BIT set for a vetoed row: the sort carries it along, so the
   * walk counts scored rows from the sorted tags instead of a random read per row.
   */
  tag: Uint8Array;
}

export const VETOED_BIT = 128;
const STAGE_MASK = VETOED_BIT - 1;

/** The per-position inputs of rankAndBinColumn. */
export function columnInput(s: Float64Array, k: number, order: StageOrder, score: Float64Array, vetoed: Uint8Array): ColumnInput {
  if (order.start.length - 1 >= VETOED_BIT) throw new Error(`the audit handles up to ${VETOED_BIT - 1} stages`);
  const size = order.size;
  const y = new Float64Array(size);
  const tag = new Uint8Array(size);
  const cols = new Float64Array(k * size);
  const min = new Float64Array(k).fill(Infinity);
  const max = new Float64Array(k).fill(-Infinity);
  for (let p = 0; p < size; p++) {
    const r = order.rows[p];
    y[p] = vetoed[r] ? NaN : score[r];
    tag[p] = order.stage[p] | (vetoed[r] ? VETOED_BIT : 0);
    const o = r * k;
    for (let i = 0; i < k; i++) {
      const v = s[o + i];
      cols[i * size + p] = v;
      if (v < min[i]) min[i] = v;
      if (v > max[i]) max[i] = v;
    }
  }
  return { k, order, cols, min, max, y, tag };
}

/**
 * Column i: writes its centred doubled ranks into `ranks`, population rank at
 * `[2 (i · size + p)]` and stage rank at `[2 (i · size + p) + 1]` (p = position; side by side so
 * the scattered write touches one cache line) and fills the workspace's bins. Binning (ties kept in one bin): the scored rows
 * of a group sorted by s_i ascending, a tie group whose first row has ascending position a
 * (0-based) goes wholly into bin ⌊a·B/m⌋, so bins hold about m/B rows each and equal values are
 * never split.
 */
export function rankAndBinColumn(input: ColumnInput, i: number, ws: ColumnWorkspace, ranks: Int32Array): void {
  const { y } = input;
  const { size, groups, order, tieRows, tieScored, doneRows, doneScored, tieBin, binSum, binRows, bins, binStage, binAll: binOfAll } = ws;
  const all = groups.stages;
  const G = groups.count;
  argsortDescending(input.cols.subarray(i * size, (i + 1) * size), order, ws.rank, input.min[i], input.max[i], input.tag);
  const sorted = ws.rank.sorted;
  const sortedStage = ws.rank.sortedStage;
  for (let g = 0; g < G; g++) {
    doneRows[g] = 0;
    doneScored[g] = 0;
  }
  binSum.fill(0);
  binRows.fill(0);
  const base = i * size;
  const mAll = groups.rows[all];
  for (let p = 0; p < size;) {
    const v = sorted[p];
    if (p + 1 === size || sorted[p + 1] !== v) {
      // A value held by one row (most rows of a continuous indicator): the tie walk below
      // specialised to one row of one stage, without its loops over the groups.
      const tg = sortedStage[p];
      const st = tg & STAGE_MASK;
      const pos = order[p];
      const at = 2 * (base + pos);
      ranks[at] = 2 * doneRows[all] + 1 - mAll;
      ranks[at + 1] = 2 * doneRows[st] + 1 - groups.rows[st];
      doneRows[st]++;
      doneRows[all]++;
      if (tg === st) {
        const ms = groups.scored[st];
        const bs = Math.floor(((ms - doneScored[st] - 1) * bins[st]) / ms);
        const ma = groups.scored[all];
        const ba = Math.floor(((ma - doneScored[all] - 1) * bins[all]) / ma);
        binRows[st * MAX_BINS + bs]++;
        binRows[all * MAX_BINS + ba]++;
        binStage[pos] = bs;
        binOfAll[pos] = ba;
        doneScored[st]++;
        doneScored[all]++;
      }
      p++;
      continue;
    }
    for (let g = 0; g < all; g++) {
      tieRows[g] = 0;
      tieScored[g] = 0;
    }
    let q = p;
    for (; q < size && sorted[q] === v; q++) {
      const tg = sortedStage[q];
      const st = tg & STAGE_MASK;
      tieRows[st]++;
      if (tg === st) tieScored[st]++;
    }
    let tAll = 0;
    let eAll = 0;
    for (let g = 0; g < all; g++) {
      tAll += tieRows[g];
      eAll += tieScored[g];
    }
    tieRows[all] = tAll;
    tieScored[all] = eAll;
    // Bin of this tie group in each group, from its ascending start position m − done − e.
    for (let g = 0; g < G; g++) {
      const e = tieScored[g];
      if (e === 0) continue;
      const m = groups.scored[g];
      const b = Math.floor(((m - doneScored[g] - e) * bins[g]) / m);
      tieBin[g] = g * MAX_BINS + b;
      binRows[g * MAX_BINS + b] += e;
    }
    // Doubled centred average rank of this tie group in each group: 2·(done + (t+1)/2) − (m+1).
    const rAll = 2 * doneRows[all] + tAll - mAll;
    const binAll = tieBin[all];
    for (let j = p; j < q; j++) {
      const tg = sortedStage[j];
      const st = tg & STAGE_MASK;
      const pos = order[j];
      const at = 2 * (base + pos);
      ranks[at] = rAll;
      ranks[at + 1] = 2 * doneRows[st] + tieRows[st] - groups.rows[st];
      if (tg !== st) continue;
      binStage[pos] = tieBin[st] - st * MAX_BINS;
      binOfAll[pos] = binAll - all * MAX_BINS;
    }
    for (let g = 0; g < G; g++) {
      doneRows[g] += tieRows[g];
      doneScored[g] += tieScored[g];
    }
    p = q;
  }
  const tag = input.tag;
  const allBase = all * MAX_BINS;
  for (let p = 0; p < size; p++) {
    const tg = tag[p];
    if (tg & VETOED_BIT) continue;
    const yy = y[p];
    binSum[tg * MAX_BINS + binStage[p]] += yy;
    binSum[allBase + binOfAll[p]] += yy;
  }
}

/** Positions per block of rankCoMoments: 18 columns × 2 ranks × 4 bytes × 2048 = 288 KB, in L2. */
const RANK_BLOCK = 2048;

/**
 * Spearman co-moments from the centred ranks: `[g * k * k + i * k + j] = Σ a_i a_j` over the
 * group's positions (stage ranks for a stage, population ranks for `all`), symmetric. Blocked:
 * every pair of columns is multiplied over one block of positions while the block's ranks of all
 * columns stay in cache, instead of streaming two whole columns from memory per pair.
 */
export function rankCoMoments(ranks: Int32Array, k: number, order: StageOrder, groups: Groups): Float64Array {
  const size = order.size;
  const all = groups.stages;
  const G = groups.count;
  const kk = k * k;
  const c = new Float64Array(G * kk);
  for (let g = 0; g < all; g++) {
    const end = order.start[g + 1];
    for (let p0 = order.start[g]; p0 < end; p0 += RANK_BLOCK) {
      const len2 = 2 * Math.min(RANK_BLOCK, end - p0);
      for (let i = 0; i < k; i++) {
        const ai = 2 * (i * size + p0);
        let j = i;
        // Two pairs (i, j), (i, j+1) share each load of column i; each sum stays its own chain.
        for (; j + 1 < k; j += 2) {
          const a0 = 2 * (j * size + p0);
          const a1 = a0 + 2 * size;
          let pop0 = 0;
          let st0 = 0;
          let pop1 = 0;
          let st1 = 0;
          for (let t = 0; t < len2; t += 2) {
            const u = ranks[ai + t];
            const w = ranks[ai + t + 1];
            pop0 += u * ranks[a0 + t];
            st0 += w * ranks[a0 + t + 1];
            pop1 += u * ranks[a1 + t];
            st1 += w * ranks[a1 + t + 1];
          }
          c[g * kk + i * k + j] += st0;
          c[all * kk + i * k + j] += pop0;
          c[g * kk + i * k + j + 1] += st1;
          c[all * kk + i * k + j + 1] += pop1;
        }
        for (; j < k; j++) {
          const aj = 2 * (j * size + p0);
          let pop = 0;
          let st = 0;
          for (let t = 0; t < len2; t += 2) {
            pop += ranks[ai + t] * ranks[aj + t];
            st += ranks[ai + t + 1] * ranks[aj + t + 1];
          }
          c[g * kk + i * k + j] += st;
          c[all * kk + i * k + j] += pop;
        }
      }
    }
  }
  for (let g = 0; g < G; g++) for (let i = 0; i < k; i++) for (let j = 0; j < i; j++) c[g * kk + i * k + j] = c[g * kk + j * k + i];
  return c;
}
