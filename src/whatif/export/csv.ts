import { safeText } from './cell-safety.ts';
import { cellNumber, cellText, type Cell, type ExportColumn, type ExportTable } from './table.ts';

/** RFC 4180 quoting: a field with a comma, quote, CR or LF is quoted, quotes doubled. */
function quote(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function field(c: ExportColumn, v: Cell): string {
  if (c.kind === 'number') {
    const x = cellNumber(v);
    // A number with decimals is written as shown ("85.10"); others in shortest round-trip form.
    return x === null ? '' : c.decimals ? x.toFixed(c.decimals) : String(x);
  }
  return quote(safeText(cellText(v)));
}

function block(columns: ExportColumn[], rows: Cell[][]): string[] {
  return [columns.map((c) => quote(safeText(c.header))).join(','), ...rows.map((row) => columns.map((c, j) => field(c, row[j])).join(','))];
}

const csvText = (lines: string[]) => '\uFEFF' + lines.join('\r\n') + '\r\n';

/**
 * CSV text (CRLF lines) that Excel opens with Chinese intact: a UTF-8 BOM (U+FEFF), then the
 * header row as the first line, then the rows — nothing before the header, so any tool reads it
 * as a table. What produced the file is in `toNotesCsv` (a separate file) or the XLSX's 方案说明
 * sheet. Text cells are protected against formula injection; numbers are numbers.
 */
export function toCsv(table: ExportTable): string {
  return csvText(block(table.columns, table.rows));
}

/**
 * The 方案说明 of a table as its own CSV: the label/value lines, then each note table (a title
 * line, its header, its rows), separated by empty lines.
 */
export function toNotesCsv(table: ExportTable): string {
  const lines = table.notes.map(([label, value]) => [label, value].map((s) => quote(safeText(s))).join(','));
  for (const t of table.noteTables ?? []) {
    lines.push('', quote(safeText(t.title)), ...block(t.columns, t.rows));
  }
  return csvText(lines);
}

/** The CSV as UTF-8 bytes (BOM included). */
export function toCsvBytes(table: ExportTable): Uint8Array {
  return new TextEncoder().encode(toCsv(table));
}

export function toNotesCsvBytes(table: ExportTable): Uint8Array {
  return new TextEncoder().encode(toNotesCsv(table));
}
