import { describe, expect, it } from 'vitest';
import { formatDelta, formatFixed, formatRaw, formatShare } from '../../src/analysis/format.ts';

describe('format', () => {
  it('formats fixed decimals with grouping, missing and infinite values as words/symbols', () => {
    expect(formatFixed(1234.5, 2, 'en')).toBe('1,234.50');
    expect(formatFixed(1234.5, 2, 'zh')).toBe('1,234.50');
    expect(formatFixed(NaN, 2, 'zh')).toBe('缺失');
    expect(formatFixed(NaN, 2, 'en')).toBe('missing');
    expect(formatFixed(Infinity, 2, 'en')).toBe('+∞');
    expect(formatFixed(-Infinity, 2, 'en')).toBe('−∞');
  });
  it('formats raw values with up to 4 decimals', () => {
    expect(formatRaw(0.123456, 'en')).toBe('0.1235');
    expect(formatRaw(5, 'en')).toBe('5');
    expect(formatRaw(NaN, 'zh')).toBe('缺失');
  });
  it('formats shares and rank changes', () => {
    expect(formatShare(0.125, 1, 'en')).toBe('12.5%');
    expect(formatShare(NaN, 1, 'en')).toBe('—');
    expect(formatDelta(3)).toBe('+3');
    expect(formatDelta(-2)).toBe('−2');
    expect(formatDelta(0)).toBe('0');
  });
});
