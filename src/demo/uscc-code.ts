import { makeUscc as withCheck, USCC_CHARSET } from '../data/uscc.ts';

/**
 * Valid GB 32100-2015 unified social credit codes for synthetic enterprises:
 * `9` (registered by market regulation) + `1` (enterprise) + 6-digit division code +
 * 9-character organisation code (GB 11714, with its own check) + the USCC check character
 * (computed by src/data's USCC helper, the same one that validates user files).
 */
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** GB 11714 organisation-code check character for an 8-digit body: `11 − (Σ mod 11)`, 10 → X, 11 → 0. */
function orgCheckChar(body8: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(body8[i]) * ORG_WEIGHTS[i];
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

/**
 * A unique, valid code per serial number: the 8-digit organisation body is an invertible scramble
 * of `serial` (48271 is coprime with 10⁸), so different serials never collide.
 */
export function makeUscc(divisionCode: string, serial: number): string {
  const body8 = String((serial * 48271 + 13579) % 1e8).padStart(8, '0');
  return withCheck(`91${divisionCode}${body8}${orgCheckChar(body8)}`);
}

/** The same code with a wrong check character (for the demo's invalid rows). */
export function corruptCheck(code: string): string {
  const right = code[17];
  return code.slice(0, 17) + USCC_CHARSET[(USCC_CHARSET.indexOf(right) + 7) % 31];
}
