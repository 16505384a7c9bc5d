import type { Dataset } from './dataset.ts';
import { RankingFilter } from './ranking-filter.ts';
import { DEFAULT_DIR, RankingOrders } from './ranking-order.ts';
import type { Run } from '../src/engine/index.ts';
import type { RankingPage, RankingQuery, RankingRow } from '../src/protocol/scoring.ts';

/** The visible page of the ranking: filter mask, sort order, then O(offset + limit) rows. */
export class RankingPager {
  private readonly filter: RankingFilter;
  private readonly orders: RankingOrders;

  constructor(private readonly ds: Dataset) {
    this.filter = new RankingFilter(ds);
    this.orders = new RankingOrders(ds);
  }

  page(q: RankingQuery, run: Run, baseline: Run, generation: number): RankingPage {
    const { mask, total } = this.filter.mask(q, run.prepared.stage);
    const order = this.orders.order(q.sort, run, baseline, generation);
    const forward = q.dir === DEFAULT_DIR[q.sort];
    const offset = Math.max(0, Math.min(q.offset, Math.max(0, total - 1)));
    const limit = Math.max(0, Math.min(q.limit, 1000));
    const rows: RankingRow[] = [];
    let skipped = 0;
    const n = order.length;
    for (let p = 0; p < n && rows.length < limit; p++) {
      const r = order[forward ? p : n - 1 - p];
      if (mask && !mask[r]) continue;
      if (skipped < offset) skipped++;
      else rows.push(this.row(r, run, baseline));
    }
    return { total, offset, rows };
  }

  row(r: number, run: Run, baseline: Run): RankingRow {
    const res = run.result;
    const b = baseline.result.rank[r];
    return {
      row: r,
      rank: res.rank[r],
      stageRank: res.stageRank[r],
      delta: res.rank[r] > 0 && b > 0 ? b - res.rank[r] : 0,
      name: this.ds.names[r],
      uscc: this.ds.usccs[r],
      stage: run.prepared.stage[r],
      score: res.score[r],
      base: res.base[r],
      bonus: res.bonus[r],
      vetoed: res.vetoed[r] === 1,
    };
  }
}
