import { daysFromCivil, isValidCivil } from '../engine/calendar.ts';
import { cleanCell } from './parse-number.ts';

/**
 * Date cells → whole days since 1970-01-01 (NaN when missing or unparseable). Accepts
 * `YYYY-MM-DD`, `YYYY-M-D`, `YYYY/M/D`, `YYYY.MM.DD`, `YYYY年M月D日`, `YYYYMMDD` (each optionally
 * followed by a time of day, which is ignored), Excel serial numbers (1900 date system) and
 * `Date` objects from an XLSX reader (their UTC year/month/day: XLSX readers build dates in UTC).
 * Calendar arithmetic never goes through `Date`, so no time zone can shift a day.
 */

export interface ParsedDate {
  days: number;
  /** False when the cell held something that is not a real date. */
  ok: boolean;
}

const SEPARATED = /^(\d{4})\s*([-/.年])\s*(\d{1,2})\s*([-/.月])\s*(\d{1,2})\s*日?(?:[ t]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:z|[+-]\d{2}:?\d{2})?)?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const SERIAL = /^\d+(?:\.\d+)?$/;
/** Excel's largest serial: 9999-12-31. */
const MAX_SERIAL = 2958465;
/** Serial of 1970-01-01 in the 1900 system (counting Excel's fictitious 1900-02-29). */
const SERIAL_EPOCH = 25569;

const MISSING = new Set(['', 'n/a', 'na', '#n/a', 'null', 'none', '-', '--', '—', '——', '/', '无']);

function civil(y: number, m: number, d: number): ParsedDate {
  return isValidCivil(y, m, d) ? { days: daysFromCivil(y, m, d), ok: true } : { days: NaN, ok: false };
}

/**
 * Excel 1900-system serial → days since 1970. Serial 1 = 1900-01-01; Excel counts a 1900-02-29
 * that never existed (serial 60), so serials from 61 on are one day ahead of the real calendar.
 * Serial 60 itself names no real day and is rejected. A fraction (time of day) is dropped.
 */
export function excelSerialToDays(serial: number): number {
  const s = Math.floor(serial);
  if (!(s >= 1 && s <= MAX_SERIAL) || s === 60) return NaN;
  return s < 60 ? s - SERIAL_EPOCH + 1 : s - SERIAL_EPOCH;
}

export function parseDate(cell: string | number | Date | null | undefined): ParsedDate {
  if (cell === null || cell === undefined) return { days: NaN, ok: true };
  if (cell instanceof Date) {
    const t = cell.getTime();
    if (Number.isNaN(t)) return { days: NaN, ok: false };
    return civil(cell.getUTCFullYear(), cell.getUTCMonth() + 1, cell.getUTCDate());
  }
  if (typeof cell === 'number') {
    const days = excelSerialToDays(cell);
    return { days, ok: !Number.isNaN(days) };
  }
  const s = cleanCell(cell);
  if (MISSING.has(s)) return { days: NaN, ok: true };
  let m = SEPARATED.exec(s);
  if (m) {
    const [, y, sep1, mo, sep2, d] = m;
    const consistent = sep1 === '年' ? sep2 === '月' : sep1 === sep2;
    if (!consistent) return { days: NaN, ok: false };
    return civil(Number(y), Number(mo), Number(d));
  }
  m = COMPACT.exec(s);
  if (m) return civil(Number(m[1]), Number(m[2]), Number(m[3]));
  // A bare 4-digit number is a year, not a serial (serial 2023 would be 1905-07-15): reject it.
  if (SERIAL.test(s) && !/^\d{4}$/.test(s)) {
    const days = excelSerialToDays(Number(s));
    return { days, ok: !Number.isNaN(days) };
  }
  return { days: NaN, ok: false };
}
