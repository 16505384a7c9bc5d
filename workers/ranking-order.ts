import { argsortDescending, RankWorkspace } from '../src/engine/index.ts';
import type { Dataset } from './dataset.ts';
import type { Run } from '../src/engine/index.ts';
import type { SortKey } from '../src/protocol/scoring.ts';
export { DEFAULT_DIR } from '../src/protocol/scoring.ts';

/**
 * Row orders for the ranking's sort keys, each in its DEFAULT_DIR (best-ranked first for numeric
 * keys, stage 0 first, A→Z for text). 'rank' and 'score' reuse the engine's `order` as is. Numeric keys are arg-sorted by
 * the engine's radix path (tens of ms at 1M rows) and cached until the next re-score; the text
 * keys do not depend on scores and are sorted once per dataset.
 */
export class RankingOrders {
  private cache = new Map<SortKey, Uint32Array>();
  private resultRef: Float64Array | null = null;
  private generation = -1;
  private textCache = new Map<SortKey, Uint32Array>();
  private ws: RankWorkspace | null = null;

  constructor(private readonly ds: Dataset) {}

  /** `generation` changes on every re-score (cached numeric orders are then stale). */
  order(key: SortKey, run: Run, baseline: Run, generation: number): Uint32Array {
    if (key === 'rank' || key === 'score') return run.result.order;
    if (key === 'name' || key === 'uscc') return this.textOrder(key);
    if (generation !== this.generation || run.result.score !== this.resultRef) {
      this.cache.clear();
      this.generation = generation;
      this.resultRef = run.result.score;
    }
    let o = this.cache.get(key);
    if (!o) {
      o = this.numericOrder(key, run, baseline);
      this.cache.set(key, o);
    }
    return o;
  }

  private numericOrder(key: SortKey, run: Run, baseline: Run): Uint32Array {
    const { n } = this.ds;
    const r = run.result;
    const keys = new Float64Array(n);
    const stages = run.system.stages.length;
    // Secondary order by score: a composite key, score < 1e4 always (base ≤ 100 plus capped bonus).
    for (let i = 0; i < n; i++) {
      switch (key) {
        case 'delta':
          keys[i] = r.rank[i] > 0 && baseline.result.rank[i] > 0 ? baseline.result.rank[i] - r.rank[i] : 0;
          break;
        case 'base':
          keys[i] = r.base[i];
          break;
        case 'bonus':
          keys[i] = r.bonus[i] * 1e5 + r.score[i];
          break;
        case 'stage':
          keys[i] = (stages - Math.min(run.prepared.stage[i], stages)) * 1e5 + r.score[i];
          break;
        case 'veto':
          keys[i] = r.vetoed[i] * 1e5 + r.score[i];
          break;
        default:
          keys[i] = r.score[i];
      }
    }
    if (!this.ws || this.ws.n !== n) this.ws = new RankWorkspace(n);
    const order = new Uint32Array(n);
    argsortDescending(keys, order, this.ws);
    return order;
  }

  /** Names sorted with the Chinese collator (pinyin) up to 200k rows, by code point above that. */
  private textOrder(key: 'name' | 'uscc' | SortKey): Uint32Array {
    let o = this.textCache.get(key);
    if (o) return o;
    const values = key === 'name' ? this.ds.names : this.ds.usccs;
    const idx = Array.from({ length: this.ds.n }, (_, i) => i);
    if (key === 'name' && values.length <= 200_000) {
      const collator = new Intl.Collator('zh-CN');
      idx.sort((a, b) => collator.compare(values[a], values[b]));
    } else idx.sort((a, b) => (values[a] < values[b] ? -1 : values[a] > values[b] ? 1 : 0));
    o = Uint32Array.from(idx);
    this.textCache.set(key, o);
    return o;
  }
}
