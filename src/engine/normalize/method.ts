import type { Direction, IndicatorReport, NormalizationSpec } from '../types.ts';
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
