import { describe, expect, it } from 'vitest';
import { excelSerialToDays, parseDate } from '../../src/data/parse-date.ts';

// Hand-computed day numbers (days since 1970-01-01):
// 2000-01-01: 30·365 + 7 leap days (1972…1996) = 10957; 2000-03-01 = 10957 + 31 + 29 = 11017.
// 2024-01-01: 54·365 + 13 leap days (1972…2020) = 19710 + 13 = 19723;
// 2024-02-29 = 19723 + 31 + 28 = 19782; 2024-03-01 = 19783.
// 2018-06-30: 2018-01-01 = 48·365 + 12 (1972…2016) = 17532; + 31+28+31+30+31 (Jan–May) + 29 = 17712.
// 1900-01-01: −(70·365 + 17 leap days 1904…1968) = −25567; 1900-02-28 = −25567 + 58 = −25509.
const D_2018_06_30 = 17712;
const D_2024_02_29 = 19782;

describe('parseDate text formats', () => {
  it.each([
    ['2018-06-30', D_2018_06_30],
    ['2018-6-30', D_2018_06_30],
    ['2018/6/30', D_2018_06_30],
    ['2018/06/30', D_2018_06_30],
    ['2018.06.30', D_2018_06_30],
    ['2018年6月30日', D_2018_06_30],
    ['2018年06月30日', D_2018_06_30],
    ['2018 年 6 月 30 日', D_2018_06_30],
    ['20180630', D_2018_06_30],
    ['２０１８－０６－３０', D_2018_06_30], // full-width
    ['2018-06-30 00:00:00', D_2018_06_30], // a time of day is ignored
    ['2018-06-30T15:20:00', D_2018_06_30],
    ['1970-01-01', 0],
    ['2000-03-01', 11017],
    ['2024-02-29', D_2024_02_29],
    ['2024年2月29日', D_2024_02_29],
    ['20240229', D_2024_02_29],
  ])('%j → %d', (text, days) => {
    expect(parseDate(text)).toEqual({ days, ok: true });
  });

  it.each(['2023-02-29', '1900-02-29', '2023/13/01', '2023-04-31', '20230230', 'yesterday', '2023-06', '2023', '2018-06/30', '2018年6-30'])(
    'not a real date %j → NaN, ok false',
    (text) => {
      const p = parseDate(text);
      expect(p.days).toBeNaN();
      expect(p.ok).toBe(false);
    },
  );

  it('empty and missing tokens are missing, not errors', () => {
    for (const t of ['', '  ', '-', '—', 'N/A', null, undefined]) {
      const p = parseDate(t);
      expect(p.days).toBeNaN();
      expect(p.ok).toBe(true);
    }
  });
});

describe('Excel serial numbers (1900 system)', () => {
  it('serial 25569 is 1970-01-01 and 45292 is 2024-01-01', () => {
    expect(excelSerialToDays(25569)).toBe(0);
    expect(excelSerialToDays(45292)).toBe(19723); // 45292 − 25569
    expect(parseDate('45292')).toEqual({ days: 19723, ok: true });
    expect(parseDate(45292)).toEqual({ days: 19723, ok: true });
  });

  it('29 Feb 2024 is serial 45351 (45292 + 59)', () => {
    expect(parseDate('45351')).toEqual({ days: D_2024_02_29, ok: true });
  });

  it('handles the fictitious 1900-02-29 (serial 60)', () => {
    expect(excelSerialToDays(1)).toBe(-25567); // 1900-01-01
    expect(excelSerialToDays(59)).toBe(-25509); // 1900-02-28
    expect(excelSerialToDays(60)).toBeNaN(); // Excel's 1900-02-29 never existed
    expect(excelSerialToDays(61)).toBe(-25508); // 1900-03-01
    expect(parseDate('60').ok).toBe(false);
  });

  it('drops a time-of-day fraction and rejects out-of-range serials', () => {
    expect(parseDate('45292.75')).toEqual({ days: 19723, ok: true });
    expect(parseDate(0).ok).toBe(false);
    expect(parseDate(2958466).ok).toBe(false);
  });
});

describe('Date objects from XLSX readers', () => {
  it('uses the UTC year/month/day', () => {
    expect(parseDate(new Date(Date.UTC(2024, 1, 29)))).toEqual({ days: D_2024_02_29, ok: true });
    // 23:30 UTC is already the next day in Asia/Shanghai; the UTC date is what the cell holds.
    expect(parseDate(new Date(Date.UTC(2018, 5, 30, 23, 30)))).toEqual({ days: D_2018_06_30, ok: true });
    expect(parseDate(new Date(NaN)).ok).toBe(false);
  });
});
