/**
 * Weights as people write them: the 权重 view shows and accepts percentages (8 means 8 %, i.e. the
 * published decimal 0.08). Parsing never guesses: anything that is not a number between 0 and 100
 * is refused with a reason the view shows at the field, and nothing is applied.
 */

export type PercentParse = { ok: true; weight: number } | { ok: false; reason: 'empty' | 'not-a-number' | 'out-of-range'; text: string };

/** Full-width digits and punctuation (a Chinese IME's default) read as their ASCII forms. */
function asciiDigits(s: string): string {
  return s.replace(/[０-９．－＋]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/**
 * Reads a percentage typed into a weight field: "8", "8.5", "8.5%", "８．５％", " 10 " → the weight
 * as a decimal (0.08, 0.085, …). Refuses the empty string, anything but a plain decimal number
 * (no "1e1", no "8,5", no "0x10") and values outside [0, 100].
 */
export function parsePercent(input: string): PercentParse {
  const text = input.trim();
  const plain = asciiDigits(text).replace(/\s*[%％]$/, '');
  if (plain === '') return { ok: false, reason: 'empty', text };
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(plain)) return { ok: false, reason: 'not-a-number', text };
  const pct = Number(plain);
  if (!(pct >= 0 && pct <= 100)) return { ok: false, reason: 'out-of-range', text };
  // pct / 100 is the closest double to the typed decimal (e.g. 10 → 0.1, 8 → 0.08).
  return { ok: true, weight: pct / 100 };
}

/** A weight as the percentage shown in its field: two decimals, trailing zeros dropped ("8", "7.66"). */
export function percentText(weight: number): string {
  return String(Number((weight * 100).toFixed(2)));
}

/** A weight as the decimal shown beside its field, as the published tables write it (4 decimals). */
export function decimalText(weight: number): string {
  return weight.toFixed(4);
}

/**
 * The sliders' common upper end: 30 % while every weight fits (published weights are 3–8 %, so they
 * sit in the first third instead of the first few pixels), 100 % once one is larger so that no
 * slider is ever pinned at its end while showing a smaller value than its field.
 */
export const SLIDER_ZOOM_MAX = 0.3;
export function sliderMax(matrix: readonly number[]): number {
  return matrix.every((w) => w <= SLIDER_ZOOM_MAX) ? SLIDER_ZOOM_MAX : 1;
}

/** Slider step: 0.1 % (keyboard arrows move by this much). */
export const SLIDER_STEP = 0.001;
