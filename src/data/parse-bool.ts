/**
 * Boolean cells: `1/0`, `是/否`, `true/false`, `Y/N` (also `yes/no`, `有/无`, `1.0/0.0`),
 * case-insensitive. Returns 1, 0, or NaN (missing); `ok: false` when the text is none of these.
 */
import { cleanCell } from './parse-number.ts';

const TRUE = new Set(['1', '1.0', '是', 'true', 't', 'y', 'yes', '有', '√', '✓']);
const FALSE = new Set(['0', '0.0', '否', 'false', 'f', 'n', 'no', '无', '×', '✗']);
const MISSING = new Set(['', 'n/a', 'na', '#n/a', 'null', 'none', '-', '--', '—', '——', '/']);

export function parseBool(text: string | null | undefined): { value: number; ok: boolean } {
  if (text === null || text === undefined) return { value: NaN, ok: true };
  const s = cleanCell(text);
  if (TRUE.has(s)) return { value: 1, ok: true };
  if (FALSE.has(s)) return { value: 0, ok: true };
  return { value: NaN, ok: MISSING.has(s) };
}
