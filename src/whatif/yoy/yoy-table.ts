import type { YoyFilter, YoySort } from '../../protocol/yoy.ts';
import type { YearLink } from './year-on-year.ts';

/**
 * The year on year table's filters and orders over a link's enterprises (index e of YearLink):
 * typed arrays built once per comparison, pages read from them.
 */

export interface YoyColumns {
  link: YearLink;
  /** Stage and competition rank by row in each year. */
  stage: Uint8Array;
  stagePrev: Uint8Array;
  rank: Int32Array;
  rankPrev: Int32Array;
}

/** Enterprises the filter keeps (1) and their count. */
export function yoyMask(c: YoyColumns, filter: YoyFilter, search?: (e: number) => boolean): { mask: Uint8Array; total: number } {
  const { link } = c;
  const mask = new Uint8Array(link.count);
  let total = 0;
  for (let e = 0; e < link.count; e++) {
    const cur = link.cur[e];
    const prev = link.prev[e];
    const st = link.status[e]; // 0 stayed, 1 entered, 2 left, 3 neither
    const keep =
      filter === 'all' ||
      (filter === 'stayed' && st === 0) ||
      (filter === 'entered' && st === 1) ||
      (filter === 'left' && st === 2) ||
      (filter === 'new' && prev < 0) ||
      (filter === 'gone' && cur < 0) ||
      (filter === 'stage-changed' && cur >= 0 && prev >= 0 && c.stage[cur] !== c.stagePrev[prev]);
    if (keep && (!search || search(e))) {
      mask[e] = 1;
      total++;
    }
  }
  return { mask, total };
}

/**
 * The enterprises in table order. 'rise' / 'fall': largest score rise / fall first, enterprises in
 * one year only last; 'rank' / 'rank-prev': this year's / last year's rank, enterprises without
 * one last (by the other year's rank). Ties: this year's rank, then last year's, then e.
 */
export function yoyOrder(c: YoyColumns, sort: YoySort): Uint32Array {
  const { link } = c;
  const big = Number.MAX_SAFE_INTEGER;
  const rankOf = (e: number) => (link.cur[e] >= 0 ? c.rank[link.cur[e]] : big);
  const prevRankOf = (e: number) => (link.prev[e] >= 0 ? c.rankPrev[link.prev[e]] : big);
  const key = new Float64Array(link.count);
  for (let e = 0; e < link.count; e++) {
    const d = link.dScore[e];
    key[e] = sort === 'rise' ? (Number.isNaN(d) ? Infinity : -d) : sort === 'fall' ? (Number.isNaN(d) ? Infinity : d) : sort === 'rank' ? rankOf(e) : prevRankOf(e);
  }
  const order = Uint32Array.from({ length: link.count }, (_, e) => e);
  order.sort((a, b) => key[a] - key[b] || rankOf(a) - rankOf(b) || prevRankOf(a) - prevRankOf(b) || a - b);
  return order;
}
