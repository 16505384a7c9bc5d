import type { Label } from '../engine/types.ts';
import type { EngineDataset } from './build-dataset.ts';
import { qualityChecks } from './quality-checks.ts';
import { qualityMessage } from './quality-messages.ts';

/**
 * The validation report (数据核验) of one import: counts, and one entry per problem in the order
 * of the user's rows (column-level findings first). Errors exclude the row; flags are invalid
 * codes the user chose to keep; warnings keep the row. Built from buildDataset's result, so the
 * browser reports exactly what the CLI would exclude and warn about.
 */
export type EntryKind = 'error' | 'flag' | 'warning';

export interface ReportEntry {
  kind: EntryKind;
  /** The user's row number; absent for a finding about a whole column. */
  row?: number;
  column: string;
  value: string;
  /** An ExclusionReason, a WarningCode or a QualityCode. */
  code: string;
  message: Label;
}

export interface ReportCount {
  kind: EntryKind;
  code: string;
  column: string;
  count: number;
}

export interface ValidationReport {
  totalRows: number;
  scoredRows: number;
  excludedRows: number;
  flaggedRows: number;
  /** Every problem counted per (kind, code, column); entries keep only the first of many. */
  counts: ReportCount[];
  entries: ReportEntry[];
  /** Problems counted but not listed in `entries`. */
  unlisted: number;
}

/** Exclusions listed at most (all are counted). */
export const MAX_LISTED_EXCLUSIONS = 20_000;

/** `quality`: qualityChecks' result when already computed (row-flags.ts computeRowFlags runs them). */
export function validationReport(ds: EngineDataset, headerOf: (field: string) => string | undefined, quality = qualityChecks(ds, headerOf)): ValidationReport {
  const entries: ReportEntry[] = [];
  const counts = new Map<string, ReportCount>();
  const count = (kind: EntryKind, code: string, column: string, by = 1) => {
    const key = `${kind}\u0000${code}\u0000${column}`;
    const c = counts.get(key) ?? { kind, code, column, count: 0 };
    c.count += by;
    counts.set(key, c);
  };
  const usccColumn = headerOf('uscc') ?? '';
  const regColumn = headerOf('registration_date') ?? '';
  ds.excluded.forEach((e, i) => {
    const column = e.reason.startsWith('registration') ? regColumn : usccColumn;
    count('error', e.reason, column);
    if (i < MAX_LISTED_EXCLUSIONS)
      entries.push({ kind: 'error', row: e.row, column, value: e.reason.startsWith('registration') ? '' : e.uscc, code: e.reason, message: e.message });
  });
  for (const f of ds.flagged ?? []) {
    count('flag', f.reason, usccColumn);
    entries.push({
      kind: 'flag',
      row: f.row,
      column: usccColumn,
      value: f.uscc,
      code: f.reason,
      message: qualityMessage('uscc-kept', { row: f.row, column: usccColumn, value: f.uscc, why: f.message }),
    });
  }
  for (const w of ds.warnings) entries.push({ kind: 'warning', row: w.row, column: w.column, value: w.value, code: w.code, message: w.message });
  for (const c of ds.warningCounts) count('warning', c.code, c.column, c.count);
  for (const f of quality.findings)
    entries.push({ kind: 'warning', ...(f.row === undefined ? {} : { row: f.row }), column: f.column, value: f.value, code: f.code, message: f.message });
  for (const c of quality.counts) count('warning', c.code, c.column, c.count);
  // Errors first (they change who is scored), then flags, then warnings; each in row order.
  const rank = { error: 0, flag: 1, warning: 2 };
  entries.sort((a, b) => rank[a.kind] - rank[b.kind] || (a.row ?? 0) - (b.row ?? 0));
  const all = [...counts.values()];
  const total = all.reduce((s, c) => s + c.count, 0);
  return {
    totalRows: ds.totalRows,
    scoredRows: ds.n,
    excludedRows: ds.excluded.length,
    flaggedRows: ds.flagged?.length ?? 0,
    counts: all,
    entries,
    unlisted: total - entries.length,
  };
}
