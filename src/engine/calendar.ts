/**
 * Civil-calendar arithmetic on whole days since 1970-01-01 (proleptic Gregorian), without `Date`,
 * so no time zone or DST can move a registration date across a stage boundary.
 * Algorithms: H. Hinnant, "chrono-Compatible Low-Level Date Algorithms".
 */

export interface CivilDate {
  year: number;
  month: number; // 1..12
  day: number; // 1..31
}

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** Days since 1970-01-01 of a valid civil date. */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12; // March = 0
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function civilFromDays(days: number): CivilDate {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** True when year/month/day name a real calendar day. */
export function isValidCivil(year: number, month: number, day: number): boolean {
  return Number.isInteger(year) && Number.isInteger(month) && Number.isInteger(day) && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/**
 * `date − k years`, keeping month and day; 29 February becomes 28 February in a non-leap target
 * year (scoring.md §2).
 */
export function minusYears(days: number, years: number): number {
  const c = civilFromDays(days);
  const y = c.year - years;
  const d = c.month === 2 && c.day === 29 && !isLeapYear(y) ? 28 : c.day;
  return daysFromCivil(y, c.month, d);
}

/** Parse a strict ISO `YYYY-MM-DD`; NaN when it is not a real day. */
export function parseIsoDate(text: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!m) return NaN;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  return isValidCivil(y, mo, d) ? daysFromCivil(y, mo, d) : NaN;
}

export function formatIsoDate(days: number): string {
  const c = civilFromDays(days);
  const pad = (v: number, w: number) => String(v).padStart(w, '0');
  return `${pad(c.year, 4)}-${pad(c.month, 2)}-${pad(c.day, 2)}`;
}
