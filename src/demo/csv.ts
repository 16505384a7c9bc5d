/**
 * RFC 4180 CSV cells. Numbers take a fast path: the demo's values are integers or have at most
 * two decimals, and formatting those from integer parts is ~5× faster than the shortest-round-trip
 * `String(double)` (which dominated generating the demo).
 */
export function csvCell(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return formatNumber(v);
  return /[",\r\n]|^\s|\s$/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** Integers as is; otherwise rounded to 2 decimals, trailing zeros dropped (725.40 → 725.4). */
export function formatNumber(v: number): string {
  if (!Number.isFinite(v)) return '';
  if (Number.isInteger(v)) return String(v);
  const cents = Math.round(Math.abs(v) * 100);
  const sign = v < 0 && cents !== 0 ? '-' : '';
  const int = Math.floor(cents / 100);
  const frac = cents % 100;
  if (frac === 0) return sign + int;
  return frac % 10 === 0 ? `${sign}${int}.${frac / 10}` : `${sign}${int}.${frac < 10 ? '0' : ''}${frac}`;
}

/** One record, without the line break. */
export function csvRecord(cells: readonly (string | number | null | undefined)[]): string {
  const out = new Array<string>(cells.length);
  for (let i = 0; i < cells.length; i++) out[i] = csvCell(cells[i]);
  return out.join(',');
}
