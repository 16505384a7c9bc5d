/**
 * A table to export (CSV or XLSX): typed columns, then rows. A `number` column writes finite
 * numbers as numbers (NaN/±∞/null → empty cell); a `text` column writes text, protected against
 * formula injection (cell-safety.ts). `notes` state what produced the file (provenance.ts).
 */
export type Cell = string | number | boolean | null | undefined;

export interface ExportColumn {
  header: string;
  kind: 'text' | 'number';
}

export interface ExportTable {
  /** Sheet name in an XLSX (≤ 31 characters, no []:*?/\ — cleaned on write). */
  name: string;
  columns: ExportColumn[];
  rows: Cell[][];
  /** Label/value lines describing the scenario, data set and date. */
  notes: [string, string][];
}

/** The text a text cell holds (before injection protection). */
export function cellText(v: Cell): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  return String(v);
}

/** The number a number cell holds, or null for an empty cell. */
export function cellNumber(v: Cell): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return null;
}
