/**
 * Boolean cells: `1/0`, `是/否`, `true/false`, `Y/N` (also `yes/no`, `有/无`, `1.0/0.0`),
 * case-insensitive. Returns 1, 0, or NaN (missing); `ok: false` when the text is none of these.
 */
import { cleanCell } from './parse-number.ts';

/** Exact texts read without normalisation (also the cells sql.ts lets DuckDB map to 1/0). */
export const TRUE_TEXTS: readonly string[] = ['1', '1.0', '是', 'true', 't', 'y', 'yes', '有', '√', '✓'];
export const FALSE_TEXTS: readonly string[] = ['0', '0.0', '否', 'false', 'f', 'n', 'no', '无', '×', '✗'];
const TRUE = new Set(TRUE_TEXTS);
const FALSE = new Set(FALSE_TEXTS);
const MISSING = new Set(['', 'n/a', 'na', '#n/a', 'null', 'none', '-', '--', '—', '——', '/']);

const YES = { value: 1, ok: true } as const;
const NO = { value: 0, ok: true } as const;
const EMPTY = { value: NaN, ok: true } as const;

export function parseBool(text: string | null | undefined): { value: number; ok: boolean } {
  // Fast path for the cells almost every file holds: no normalisation, no allocation.
  if (text === null || text === undefined || text === '') return EMPTY;
  if (text === '1') return YES;
  if (text === '0') return NO;
  if (TRUE.has(text)) return YES;
  if (FALSE.has(text)) return NO;
  const s = cleanCell(text);
  if (TRUE.has(s)) return YES;
  if (FALSE.has(s)) return NO;
  return { value: NaN, ok: MISSING.has(s) };
}
