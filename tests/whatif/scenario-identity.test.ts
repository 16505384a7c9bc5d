import { describe, expect, it } from 'vitest';
import { asOfRefusal, parseAsOfInput, scenarioModified } from '../../src/whatif/scenarios/identity.ts';

describe('scenarioModified', () => {
  const base = { version: 1 as const, systemId: 'sichuan-2024' };
  it('empty overrides and key order do not count as a change', () => {
    expect(scenarioModified({ ...base, weights: {} }, base)).toBe(false);
    expect(scenarioModified({ ...base, weights: { initial: {} } }, base)).toBe(false);
    expect(scenarioModified({ systemId: 'sichuan-2024', version: 1, asOf: undefined }, base)).toBe(false);
  });
  it('a weight, an as-of date or another system is a change', () => {
    expect(scenarioModified({ ...base, weights: { initial: { rd_expense: 0.1 } } }, base)).toBe(true);
    expect(scenarioModified({ ...base, asOf: '2024-06-30' }, base)).toBe(true);
    expect(scenarioModified({ version: 1, systemId: 'torch-2021' }, base)).toBe(true);
  });
});

describe('parseAsOfInput (the CLI --as-of rule)', () => {
  it('accepts real YYYY-MM-DD dates, trimmed', () => {
    expect(parseAsOfInput(' 2024-02-29 ')).toEqual({ ok: true, iso: '2024-02-29' });
  });
  it('refuses impossible or differently written dates with a sentence in both languages', () => {
    for (const t of ['2023-02-29', '2023/12/31', '20231231', '']) {
      const r = parseAsOfInput(t);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.zh).toContain('YYYY-MM-DD');
    }
  });
});

describe('asOfRefusal: an as-of date before some registration date is refused, with the count', () => {
  it('accepts a date no scored enterprise is registered after', () => {
    expect(asOfRefusal('2023-12-31', 0, '2021-01-10')).toBeNull();
  });
  it('names the date, the count and the earliest acceptable date', () => {
    const r = asOfRefusal('2020-01-01', 2, '2021-01-10')!;
    expect(r.zh).toContain('评价基准日 2020-01-01 早于 2 家企业的注册日期');
    expect(r.zh).toContain('不早于 2021-01-10');
    expect(r.en).toContain('before the registration date of 2 enterprises');
  });
});
