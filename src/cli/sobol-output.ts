/**
 * Sobol results as files (for `analyze --sobol`). The tables are built in
 * src/whatif/sobol/export.ts (shared with the browser) and written by toCsv.
 */
import { toCsv } from '../whatif/export/csv.ts';
import { sobolDrawsTable, sobolEnterpriseTable, sobolIndicesTable } from '../whatif/sobol/export.ts';
import type { SobolResult } from '../whatif/sobol/summarize.ts';

/** The CLI's files: the browser's tables (src/whatif/sobol/export.ts) with id headers, as CSV. */
export function sobolIndicesCsv(res: SobolResult, indicatorIds: readonly string[]): string {
  return toCsv(sobolIndicesTable(res, indicatorIds));
}

export function sobolEnterpriseCsv(res: SobolResult, uscc: readonly string[], indicatorIds: readonly string[]): string {
  return toCsv(sobolEnterpriseTable(res, uscc, indicatorIds));
}

export function sobolDrawsCsv(res: SobolResult, baseWeights: ArrayLike<number>, spread: number, stageIds: readonly string[], indicatorIds: readonly string[]): string {
  return toCsv(sobolDrawsTable(res, baseWeights, spread, stageIds, indicatorIds));
}
