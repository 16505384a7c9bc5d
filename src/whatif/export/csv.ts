import { safeText } from './cell-safety.ts';
import { cellNumber, cellText, type ExportTable } from './table.ts';

/** RFC 4180 quoting: a field with a comma, quote, CR or LF is quoted, quotes doubled. */
function quote(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * CSV text (CRLF lines) that Excel opens with Chinese intact: starts with a UTF-8 BOM (U+FEFF).
 * Layout: the notes as `label,value` lines, one empty line, the header, the rows. The workbench's
 * importer skips such a preamble (it looks for the header row). Text cells are protected against
 * formula injection; numbers are written with full precision (shortest round-trip form).
 */
export function toCsv(table: ExportTable): string {
  const lines: string[] = [];
  for (const [label, value] of table.notes) lines.push([label, value].map((s) => quote(safeText(s))).join(','));
  if (table.notes.length) lines.push('');
  lines.push(table.columns.map((c) => quote(safeText(c.header))).join(','));
  for (const row of table.rows) {
    lines.push(
      table.columns
        .map((c, j) => {
          if (c.kind === 'number') {
            const v = cellNumber(row[j]);
            return v === null ? '' : String(v);
          }
          return quote(safeText(cellText(row[j])));
        })
        .join(','),
    );
  }
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

/** The CSV as UTF-8 bytes (BOM included). */
export function toCsvBytes(table: ExportTable): Uint8Array {
  return new TextEncoder().encode(toCsv(table));
}
