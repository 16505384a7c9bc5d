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
    // #DIV/0!, #REF!, #VALUE! … (a cell's value or a formula's cached result): its error text, so a
    // number, date or yes/no column reports the cell instead of reading it as empty (issue 9,
    // class 2). '#N/A' is a missing token (parse-number.ts) and stays missing.
    if ('error' in v) return typeof v.error === 'string' ? v.error : String(v.error);
  }
  return String(value);
}
