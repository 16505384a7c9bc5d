import { argsortDescending, RankWorkspace } from '../engine/index.ts';
import type { SortKey } from '../protocol/scoring.ts';
import { deltaRank } from './delta-rank.ts';
import type { RankingColumns } from './ranking-filter.ts';
import type { ScoredRows } from './scored-rows.ts';

/**
 * Row orders for the ranking's sort keys, each in its DEFAULT_DIR (best-ranked first for numeric
 * keys, stage 0 first, A→Z for text); the page reads them backwards for the other direction.
 *
 * - 'rank' and 'score': the engine's `order` as is.
 * - 'base', 'delta': the values arg-sorted descending (ties in row order).
 * - 'bonus', 'stage', 'veto': the engine's `order` re-sorted stably by the key, so rows with equal
 *   keys stay by score descending. Sorting the order itself keeps this exact (a composite key such
 *   as `bonus·1e5 + score` loses the score's low digits). Bonus points compare in whole millionths
 *   (`bonusKey`), so summing 0.2-point items (0.2·3 = 0.6000000000000001) cannot split rows that
 *   all show a bonus of 0.6.
 * - 'name' (zh-CN collator up to 200k rows, code points above), 'uscc' (code points): sorted once
 *   per dataset, ties in row order.
 *
 * Numeric orders use the engine's radix argsort (tens of ms at 1M rows) and are cached until the
 * next re-score.
 */
/** A bonus as the 'bonus' sort compares it: whole millionths of a point. */
export function bonusKey(bonus: number): number {
  return Math.round(bonus * 1e6);
}

export class RankingOrders {
  private cache = new Map<SortKey, Uint32Array>();
  private scoreRef: Float64Array | null = null;
  private generation = -1;
  private textCache = new Map<SortKey, Uint32Array>();
  private ws: RankWorkspace | null = null;
  private delta: Int32Array | undefined;

  constructor(private readonly cols: RankingColumns) {}

  /** `generation` changes on every re-score (the result buffers are reused, so cached orders are then stale). */
  order(key: SortKey, run: ScoredRows, baselineRank: Int32Array, generation: number): Uint32Array {
    if (key === 'rank' || key === 'score') return run.order;
    if (key === 'name' || key === 'uscc') return this.textOrder(key);
    if (generation !== this.generation || run.score !== this.scoreRef) {
      this.cache.clear();
      this.generation = generation;
      this.scoreRef = run.score;
    }
    let o = this.cache.get(key);
    if (!o) {
      o = this.numericOrder(key, run, baselineRank);
      this.cache.set(key, o);
    }
    return o;
  }

  private numericOrder(key: SortKey, run: ScoredRows, baselineRank: Int32Array): Uint32Array {
    const n = run.score.length;
    const keys = new Float64Array(n);
    const out = new Uint32Array(n);
    if (!this.ws || this.ws.n !== n) this.ws = new RankWorkspace(n);
    if (key === 'base' || key === 'delta') {
      if (key === 'base') keys.set(run.base);
      else {
        this.delta = deltaRank(run.rank, baselineRank, this.delta);
        keys.set(this.delta);
      }
      argsortDescending(keys, out, this.ws);
      return out;
    }
    // keys by position in the engine's order, so the stable argsort keeps score order within a key
    const { order, stage, nStages } = run;
    for (let p = 0; p < n; p++) {
      const r = order[p];
      keys[p] = key === 'bonus' ? bonusKey(run.bonus[r]) : key === 'veto' ? run.vetoed[r] : nStages - Math.min(stage[r], nStages);
    }
    const pos = new Uint32Array(n);
    argsortDescending(keys, pos, this.ws);
    for (let i = 0; i < n; i++) out[i] = order[pos[i]];
    return out;
  }

  private textOrder(key: 'name' | 'uscc'): Uint32Array {
    let o = this.textCache.get(key);
    if (o) return o;
    const values = key === 'name' ? this.cols.names : this.cols.usccs;
    const idx = Array.from({ length: this.cols.n }, (_, i) => i);
    if (key === 'name' && values.length <= 200_000) {
      const collator = new Intl.Collator('zh-CN');
      idx.sort((a, b) => collator.compare(values[a], values[b]));
    } else idx.sort((a, b) => (values[a] < values[b] ? -1 : values[a] > values[b] ? 1 : 0));
    o = Uint32Array.from(idx);
    this.textCache.set(key, o);
    return o;
  }
}
