/**
 * Number cells. Missing tokens (empty, `N/A`, `-`, `—`, `--`, `无`, …) give NaN with no complaint;
 * anything else that is not a plain decimal number gives NaN and `ok: false`, so the caller can
 * warn naming the row, column and value. Never silently 0 (data-model.md).
 */

export interface ParsedNumber {
  value: number;
  /** False when the cell held text that is not a number (the value is then NaN). */
  ok: boolean;
}

const MISSING = new Set(['', 'n/a', 'na', '#n/a', 'null', 'none', 'nan', '-', '--', '---', '—', '——', '–', '－', '/', '无', '空', '暂无', '不适用']);
/** Plain decimal, optional sign and exponent; thousands separators checked separately. */
const PLAIN = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/;
const GROUPED = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?$/;

/** NFKC (full-width digits, signs, commas and spaces → ASCII), trimmed, lower case. */
export function cleanCell(text: string): string {
  return text.normalize('NFKC').trim().toLowerCase();
}

export function isMissingToken(text: string | null | undefined): boolean {
  return text === null || text === undefined || MISSING.has(cleanCell(text));
}

/** Fast path: plain ASCII decimals (the common cell) skip NFKC normalisation. */
const FAST = /^[+-]?(?:\d+\.?\d*|\.\d+)$/;

export function parseNumber(text: string | null | undefined): ParsedNumber {
  if (text === null || text === undefined) return { value: NaN, ok: true };
  if (FAST.test(text)) {
    const v = Number(text);
    // A 400-digit integer is plain but overflows: like 1e309 it is not a number (never ±∞).
    if (!Number.isFinite(v)) return { value: NaN, ok: false };
    return { value: v === 0 ? 0 : v, ok: true };
  }
  const s = cleanCell(text);
  if (MISSING.has(s)) return { value: NaN, ok: true };
  let digits: string;
  if (PLAIN.test(s)) digits = s;
  else if (GROUPED.test(s)) digits = s.replace(/,/g, '');
  else return { value: NaN, ok: false };
  const v = Number(digits);
  if (!Number.isFinite(v)) return { value: NaN, ok: false }; // 1e309: input columns never hold ±∞
  return { value: v === 0 ? 0 : v, ok: true }; // -0 → 0
}

/** True for a value a count column can hold: a finite non-negative whole number. */
export function isCount(v: number): boolean {
  return Number.isInteger(v) && v >= 0;
}
