/**
 * Turns a spreadsheet cell value into the text every reader hands on (a raw table holds text
 * only, so the CSV, XLSX and Parquet paths parse cells the same way). Dates become `YYYY-MM-DD`
 * from their UTC parts (XLSX readers build dates in UTC); numbers keep their shortest exact form.
 */
export function cellText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value === 0 ? 0 : value) : null;
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return null;
    const p = (v: number, w: number) => String(v).padStart(w, '0');
    return `${p(value.getUTCFullYear(), 4)}-${p(value.getUTCMonth() + 1, 2)}-${p(value.getUTCDate(), 2)}`;
  }
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if ('result' in v) return cellText(v.result); // formula: its cached result
    if ('formula' in v || 'sharedFormula' in v) return null; // a formula never calculated: no value
    if (Array.isArray(v.richText)) return v.richText.map((r: { text?: unknown }) => String(r.text ?? '')).join('');
    if ('text' in v) return cellText(v.text); // hyperlink
    if ('error' in v) return null; // #N/A, #DIV/0! …: treated as an empty cell
  }
  return String(value);
}
