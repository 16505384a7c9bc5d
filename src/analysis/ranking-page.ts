import { DEFAULT_DIR, type RankingPage, type RankingQuery, type RankingRow } from '../protocol/scoring.ts';
import { deltaRankAt } from './delta-rank.ts';
import { RankingFilter, type RankingColumns } from './ranking-filter.ts';
import { RankingOrders } from './ranking-order.ts';
import type { ScoredRows } from './scored-rows.ts';

/** Rows one page of the ranking returns at most. */
export const PAGE_LIMIT = 1000;

/**
 * The first `count` rows of a precomputed `order` (read from the end when `reverse`) that pass
 * `mask`, skipping `offset` of them first: a page of a filtered ranking in O(offset + count) for
 * dense filters. Ties keep `order`'s order.
 */
export function pageOfOrder(order: Uint32Array, offset: number, count: number, mask?: Uint8Array, reverse = false): number[] {
  const out: number[] = [];
  let skipped = 0;
  const n = order.length;
  for (let p = 0; p < n && out.length < count; p++) {
    const r = order[reverse ? n - 1 - p : p];
    if (mask && !mask[r]) continue;
    if (skipped < offset) skipped++;
    else out.push(r);
  }
  return out;
}

/**
 * Competition ranks (1224) among the rows of `mask`, by the run's order (0 outside the mask):
 * rows tied in the population's rank stay tied. One pass over the order.
 */
export function maskedRanks(run: Pick<ScoredRows, 'order' | 'rank'>, mask: Uint8Array): Int32Array {
  const out = new Int32Array(mask.length);
  let seen = 0;
  let lastRank = -1;
  let lastOut = 0;
  for (const r of run.order) {
    if (!mask[r]) continue;
    seen++;
    lastOut = run.rank[r] === lastRank ? lastOut : seen;
    lastRank = run.rank[r];
    out[r] = lastOut;
  }
  return out;
}

/** One row of the table: the run's columns at row r, Δrank against the baseline's ranks. */
export function rankingRow(cols: RankingColumns, run: ScoredRows, baselineRank: Int32Array, r: number, segmentRank?: Int32Array): RankingRow {
  const flags = cols.flagged?.[r] ? cols.flagsOf?.(r) : undefined;
  return {
    row: r,
    rank: run.rank[r],
    stageRank: run.stageRank[r],
    ...(segmentRank ? { segmentRank: segmentRank[r] } : {}),
    delta: deltaRankAt(run.rank, baselineRank, r),
    name: cols.names[r],
    uscc: cols.usccs[r],
    stage: run.stage[r],
    score: run.score[r],
    base: run.base[r],
    bonus: run.bonus[r],
    vetoed: run.vetoed[r] === 1,
    ...(flags?.length ? { flags } : {}),
  };
}

/**
 * The visible page of the ranking: filter mask, sort order, then O(offset + limit) rows. An offset
 * past the end is pulled back to the last row, so a page shrunk by a new filter is never blank.
 */
export class RankingPager {
  private readonly filter: RankingFilter;
  private readonly orders: RankingOrders;
  /** Segment ranks of the last (generation, segment) asked for. */
  private segmentRanks: { key: string; ranks: Int32Array } | null = null;

  constructor(private readonly cols: RankingColumns) {
    this.filter = new RankingFilter(cols);
    this.orders = new RankingOrders(cols);
  }

  /** `generation` changes on every re-score (see RankingOrders.order). */
  page(q: RankingQuery, run: ScoredRows, baselineRank: Int32Array, generation: number): RankingPage {
    const { mask, total } = this.filter.mask(q, run.stage);
    const order = this.orders.order(q.sort, run, baselineRank, generation);
    const offset = Math.max(0, Math.min(q.offset, Math.max(0, total - 1)));
    const limit = Math.max(0, Math.min(q.limit, PAGE_LIMIT));
    const rows = pageOfOrder(order, offset, limit, mask, q.dir !== DEFAULT_DIR[q.sort]);
    const segment = this.filter.segmentOf(q);
    let seg: Int32Array | undefined;
    if (segment) {
      const key = `${generation}/${segment.id}`;
      if (this.segmentRanks?.key !== key) this.segmentRanks = { key, ranks: maskedRanks(run, segment.mask) };
      seg = this.segmentRanks.ranks;
    }
    return { total, offset, rows: rows.map((r) => rankingRow(this.cols, run, baselineRank, r, seg)) };
  }

  row(r: number, run: ScoredRows, baselineRank: Int32Array): RankingRow {
    return rankingRow(this.cols, run, baselineRank, r);
  }
}
