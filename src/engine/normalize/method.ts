import type { Direction, IndicatorReport, NormalizationMethod, NormalizationSpec } from '../types.ts';
import type { ColumnScan } from './column-stats.ts';

/** Everything a normalisation method sees for one indicator over the population. */
export interface NormalizeContext {
  raw: Float64Array;
  /** Output s values, one per row, in [0, 1]. */
  out: Float64Array;
  /** Scratch holding the finite values of `raw` in its first `scan.finite` slots (reorderable). */
  finite: Float64Array;
  /** A second scratch array of the population's length, free for the method's use. */
  scratch: Float64Array;
  scan: ColumnScan;
  direction: Direction;
  spec: NormalizationSpec;
  report: IndicatorReport;
}

export type NormalizeFn = (ctx: NormalizeContext) => void;

/**
 * Methods whose result depends on the winsorisation percentiles (they clip at type-7 quantiles;
 * see the files of this folder). For the others the percentiles are irrelevant, so two specs that
 * differ only in percentiles give the same s-matrix. tests/whatif/agreement.test.ts checks this
 * list against the methods themselves.
 */
export const QUANTILE_METHODS: ReadonlySet<NormalizationMethod> = new Set<NormalizationMethod>(['winsorized-minmax', 'log-minmax', 'efficacy']);

export function usesQuantiles(method: NormalizationMethod): boolean {
  return QUANTILE_METHODS.has(method);
}

/** The spec that decides the s-matrix: percentiles dropped (0 / 1) where the method ignores them. */
export function canonicalSpec(method: NormalizationMethod, lower: number, upper: number): NormalizationSpec {
  return usesQuantiles(method) ? { method, lowerQuantile: lower, upperQuantile: upper } : { method, lowerQuantile: 0, upperQuantile: 1 };
}

/** A cache key for the s-matrix a spec gives. */
export function specKey(spec: NormalizationSpec): string {
  const c = canonicalSpec(spec.method, spec.lowerQuantile, spec.upperQuantile);
  return `${c.method}|${c.lowerQuantile}|${c.upperQuantile}`;
}
