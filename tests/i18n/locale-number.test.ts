import { describe, expect, it } from 'vitest';
import { formatDecimals, formatFixed, formatRaw } from '../../src/analysis/format.ts';

describe('number display (locale.number, formatFixed, formatRaw)', () => {
  it('never shows a negative zero: a value that rounds to 0 reads 0.00, a real negative keeps its sign', () => {
    expect(formatDecimals(-0.0001, 3, 'zh')).toBe('0.000');
    expect(formatDecimals(-0, 2, 'en')).toBe('0.00');
    expect(formatDecimals(-0.004, 2, 'zh')).toBe('0.00');
    expect(formatDecimals(-0.005, 2, 'zh')).toBe('-0.01');
    expect(formatDecimals(-1234.5, 1, 'en')).toBe('-1,234.5');
    expect(formatDecimals(Number.NaN, 2, 'zh')).toBe('—');
    expect(formatFixed(-0.0004, 3, 'zh')).toBe('0.000');
    expect(formatRaw(-0.00001, 'en')).toBe('0');
  });
});
