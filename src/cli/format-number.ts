/**
 * Numbers in OUT.csv: the shortest decimal text that reads back as the same double (so every
 * number round-trips exactly; that is up to 17 significant digits, never fewer than the value
 * needs), written without exponent notation, and `-0` as `0`.
 */
export function formatNumber(x: number): string {
  if (Number.isNaN(x)) return '';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  if (x === 0) return '0';
  const s = String(x);
  return s.includes('e') ? expandExponent(s) : s;
}

/** `1.25e-7` → `0.000000125`, `1e+21` → `1000000000000000000000`. */
export function expandExponent(s: string): string {
  const neg = s.startsWith('-');
  const body = neg ? s.slice(1) : s;
  const [mantissa, expText] = body.split('e');
  const exp = Number(expText);
  const [intPart, frac = ''] = mantissa.split('.');
  const digits = intPart + frac;
  const point = intPart.length + exp;
  let out: string;
  if (point <= 0) out = `0.${'0'.repeat(-point)}${digits}`;
  else if (point >= digits.length) out = digits + '0'.repeat(point - digits.length);
  else out = `${digits.slice(0, point)}.${digits.slice(point)}`;
  return (neg ? '-' : '') + out;
}
