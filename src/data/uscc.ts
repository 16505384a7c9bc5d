/**
 * 统一社会信用代码 (unified social credit code), GB 32100-2015: 18 characters from
 * `0123456789ABCDEFGHJKLMNPQRTUWXY` (no I, O, Z, S, V); the 18th is a check character,
 * `31 − (Σ value(c_i)·w_i mod 31)` over positions 1–17 (31 → 0).
 */

export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
export const USCC_WEIGHTS: readonly number[] = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export type UsccProblem = 'missing' | 'length' | 'charset' | 'check-digit';

/** Trim and upper-case (NFKC first, so full-width letters and digits count). */
export function normalizeUscc(text: string | null | undefined): string {
  return (text ?? '').normalize('NFKC').trim().toUpperCase();
}

/** The check character for the first 17 characters, or undefined when one is not allowed. */
export function usccCheckChar(first17: string): string | undefined {
  if (first17.length !== 17) return undefined;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = USCC_CHARSET.indexOf(first17[i]);
    if (v < 0) return undefined;
    sum += v * USCC_WEIGHTS[i];
  }
  return USCC_CHARSET[(31 - (sum % 31)) % 31];
}

/** Undefined when `code` (already normalised) is a valid USCC; else what is wrong with it. */
export function usccProblem(code: string): UsccProblem | undefined {
  if (code === '') return 'missing';
  if (code.length !== 18) return 'length';
  const check = usccCheckChar(code.slice(0, 17));
  if (check === undefined || !USCC_CHARSET.includes(code[17])) return 'charset';
  return check === code[17] ? undefined : 'check-digit';
}

export function isValidUscc(text: string): boolean {
  return usccProblem(normalizeUscc(text)) === undefined;
}

/** A valid code from 17 characters (a helper for tests and demo data). */
export function makeUscc(first17: string): string {
  const body = normalizeUscc(first17);
  const check = usccCheckChar(body);
  if (check === undefined) throw new Error(`"${first17}" is not 17 characters from the USCC charset`);
  return body + check;
}
