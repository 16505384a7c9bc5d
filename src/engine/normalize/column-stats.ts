import type { IndicatorReport } from '../types.ts';

/**
 * One pass over a raw column: copies its finite values into `scratch` (for quantiles) and counts
 * missing and infinite values for the data-quality report.
 */
export interface ColumnScan {
  finite: number;
  missing: number;
  posInf: number;
  negInf: number;
}

export function scanColumn(raw: Float64Array, scratch: Float64Array): ColumnScan {
  let finite = 0;
  let missing = 0;
  let posInf = 0;
  let negInf = 0;
  for (let r = 0; r < raw.length; r++) {
    const v = raw[r];
    if (v === Infinity) posInf++;
    else if (v === -Infinity) negInf++;
    else if (v === v) scratch[finite++] = v;
    else missing++;
  }
  return { finite, missing, posInf, negInf };
}

export function emptyReport(id: string, scan: ColumnScan): IndicatorReport {
  return { id, ...scan, lo: NaN, hi: NaN, bounds: 'none', clippedLow: 0, clippedHigh: 0 };
}
