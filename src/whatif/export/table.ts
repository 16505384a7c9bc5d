/**
 * A table to export (CSV or XLSX): typed columns, then rows. A `number` column writes finite
 * numbers as numbers (NaN/±∞/null → empty cell); a `text` column writes text, protected against
 * formula injection (cell-safety.ts). `notes` state what produced the file (provenance.ts).
 */
export type Cell = string | number | boolean | null | undefined;

export interface ExportColumn {
  header: string;
  kind: 'text' | 'number';
  /**
   * Decimals a number column is shown with (XLSX number format, CSV text). The value written is
   * the cell's value: round it with `roundForDisplay` so that the file holds what the screen shows.
   */
  decimals?: 2 | 4;
}

/** A titled block of the 方案说明 sheet below the notes (e.g. every weight per stage). */
export interface NoteTable {
  title: string;
  columns: ExportColumn[];
  rows: Cell[][];
}

/** One more data sheet of an XLSX (a CSV holds the main table only). */
export interface ExportSheet {
  name: string;
  columns: ExportColumn[];
  rows: Cell[][];
}

export interface ExportTable {
  /** Sheet name in an XLSX (≤ 31 characters, no []:*?/\ — cleaned on write). */
  name: string;
  columns: ExportColumn[];
  rows: Cell[][];
  /** Further data sheets of an XLSX, after the main one and before the notes (the audit's tables). */
  sheets?: ExportSheet[];
  /** Label/value lines describing the scenario, data set and date. */
  notes: [string, string][];
  /** Name of the notes sheet in an XLSX, in the reader's language (default 方案说明). */
  notesName?: string;
  /** Blocks of the 方案说明 sheet (and of the notes CSV) after the label/value lines. */
  noteTables?: NoteTable[];
}

const formats = new Map<number, Intl.NumberFormat>();

/**
 * x rounded to `decimals` places exactly as the screen shows it. The screen formats with
 * Intl.NumberFormat (locale.number), which rounds the shortest decimal form of the double half
 * away from zero (1.005 → 1.01), unlike toFixed (1.005 → "1.00", from the double's exact value);
 * the same Intl rounding here makes a rounded cell equal the number on screen. Non-finite values
 * pass through (they export as empty).
 */
export function roundForDisplay(x: number, decimals = 2): number {
  if (!Number.isFinite(x)) return x;
  let f = formats.get(decimals);
  if (!f) formats.set(decimals, (f = new Intl.NumberFormat('en-US', { maximumFractionDigits: decimals, useGrouping: false })));
  return Number(f.format(x));
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
