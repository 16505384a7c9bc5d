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
  readonly column: Float64Array;
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
  constructor(
    readonly size: number,
    readonly groups: Groups,
  ) {
    const G = groups.count;
    this.column = new Float64Array(size);
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
  }
}

export interface ColumnInput {
  s: Float64Array;
  k: number;
  order: StageOrder;
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
  const y = new Float64Array(order.size);
  const tag = new Uint8Array(order.size);
  for (let p = 0; p < order.size; p++) {
    const r = order.rows[p];
    y[p] = vetoed[r] ? NaN : score[r];
    tag[p] = order.stage[p] | (vetoed[r] ? VETOED_BIT : 0);
  }
  return { s, k, order, y, tag };
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
  const { s, k, y } = input;
  const rows = input.order.rows;
  const { size, groups, column, order, tieRows, tieScored, doneRows, doneScored, tieBin, binSum, binRows, bins } = ws;
  const all = groups.stages;
  const G = groups.count;
  let min = Infinity;
  let max = -Infinity;
  for (let p = 0; p < size; p++) {
    const v = s[rows[p] * k + i];
    column[p] = v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  argsortDescending(column, order, ws.rank, min, max, input.tag);
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
      const yy = y[pos];
      binSum[tieBin[st]] += yy;
      binSum[binAll] += yy;
    }
    for (let g = 0; g < G; g++) {
      doneRows[g] += tieRows[g];
      doneScored[g] += tieScored[g];
    }
    p = q;
  }
}

/**
 * Spearman co-moments from the centred ranks: `[g * k * k + i * k + j] = Σ a_i a_j` over the
 * group's positions (stage ranks for a stage, population ranks for `all`), symmetric.
 */
export function rankCoMoments(ranks: Int32Array, k: number, order: StageOrder, groups: Groups): Float64Array {
  const size = order.size;
  const all = groups.stages;
  const G = groups.count;
  const kk = k * k;
  const c = new Float64Array(G * kk);
  for (let i = 0; i < k; i++) {
    for (let j = i; j < k; j++) {
      const ai = 2 * i * size;
      const aj = 2 * j * size;
      for (let g = 0; g < all; g++) {
        let acc = 0;
        for (let p = 2 * order.start[g] + 1; p < 2 * order.start[g + 1]; p += 2) acc += ranks[ai + p] * ranks[aj + p];
        c[g * kk + i * k + j] = c[g * kk + j * k + i] = acc;
      }
      let acc = 0;
      for (let p = 0; p < 2 * size; p += 2) acc += ranks[ai + p] * ranks[aj + p];
      c[all * kk + i * k + j] = c[all * kk + j * k + i] = acc;
    }
  }
  return c;
}
