import { prepare, type Columns, type NormalizationMethod, type NormalizationSpec, type Prepared } from '../../engine/index.ts';

/**
 * Methods whose result depends on the winsorisation percentiles (they clip at type-7 quantiles;
 * see src/engine/normalize/*.ts). For the others the percentiles are irrelevant, so samples that
 * differ only in percentiles share one prepared matrix. tests/whatif/prepared-cache.test.ts checks
 * this list against the engine.
 */
export const QUANTILE_METHODS: ReadonlySet<NormalizationMethod> = new Set(['winsorized-minmax', 'log-minmax', 'efficacy']);

/** The canonical spec a sample needs (percentiles dropped where the method ignores them). */
export function canonicalSpec(method: NormalizationMethod, lower: number, upper: number): NormalizationSpec {
  return QUANTILE_METHODS.has(method) ? { method, lowerQuantile: lower, upperQuantile: upper } : { method, lowerQuantile: 0, upperQuantile: 1 };
}

export function specKey(spec: NormalizationSpec): string {
  return `${spec.method}|${spec.lowerQuantile}|${spec.upperQuantile}`;
}

/**
 * Prepared matrices by normalisation spec. The base (the scenario's own spec) is kept; others are
 * prepared on demand from the raw columns and at most `capacity` of them are kept (least recently
 * used first out): each costs n·k·16 bytes (raw + s), ~29 MB at 100,000 × 18.
 */
export class PreparedCache {
  private readonly map = new Map<string, Prepared>();
  private readonly baseKey: string;
  constructor(
    readonly base: Prepared,
    private readonly columns?: Columns,
    private readonly capacity = 2,
  ) {
    const b = base.normalization;
    this.baseKey = specKey(canonicalSpec(b.method, b.lowerQuantile, b.upperQuantile));
  }

  get(spec: NormalizationSpec): Prepared {
    const canonical = canonicalSpec(spec.method, spec.lowerQuantile, spec.upperQuantile);
    const key = specKey(canonical);
    if (key === this.baseKey) return this.base;
    const hit = this.map.get(key);
    if (hit) {
      this.map.delete(key);
      this.map.set(key, hit);
      return hit;
    }
    if (!this.columns) throw new Error('Monte Carlo: sampling the normalisation needs the raw columns, which were not provided');
    const { system, n, stage } = this.base;
    const p = prepare({ system, columns: this.columns, n, stage, normalization: canonical });
    this.map.set(key, p);
    while (this.map.size > this.capacity) this.map.delete(this.map.keys().next().value!);
    return p;
  }
}
