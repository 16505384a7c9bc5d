import type { ReportCount, ReportEntry, ValidationReport } from '../../data/validation-report.ts';

/** Paging of the validation report's per-row table (pure, so it is tested without a DOM). */
export const REPORT_PAGE_SIZE = 50;

export function pageCount(entries: number, size = REPORT_PAGE_SIZE): number {
  return Math.max(1, Math.ceil(entries / size));
}

export function reportPage(entries: readonly ReportEntry[], page: number, size = REPORT_PAGE_SIZE): ReportEntry[] {
  const p = Math.min(Math.max(0, page), pageCount(entries.length, size) - 1);
  return entries.slice(p * size, p * size + size);
}

/** Counts sorted for display: errors, then flags, then warnings; larger counts first. */
export function sortedCounts(report: ValidationReport): ReportCount[] {
  const order = { error: 0, flag: 1, warning: 2 };
  return [...report.counts].sort((a, b) => order[a.kind] - order[b.kind] || b.count - a.count);
}

export function warningTotal(report: ValidationReport): number {
  return report.counts.filter((c) => c.kind === 'warning').reduce((s, c) => s + c.count, 0);
}
