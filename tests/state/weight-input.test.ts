import { describe, expect, it } from 'vitest';
import { decimalText, parsePercent, percentText, sliderMax } from '../../src/state/weight-input.ts';

describe('parsePercent — a weight typed as a percentage', () => {
  it('reads plain, decimal, %-suffixed and full-width input as a percentage', () => {
    expect(parsePercent('10')).toEqual({ ok: true, weight: 0.1 });
    expect(parsePercent(' 8 ')).toEqual({ ok: true, weight: 0.08 });
    expect(parsePercent('8.5%')).toEqual({ ok: true, weight: 0.085 });
    expect(parsePercent('８．５％')).toEqual({ ok: true, weight: 0.085 });
    expect(parsePercent('0')).toEqual({ ok: true, weight: 0 });
    expect(parsePercent('100')).toEqual({ ok: true, weight: 1 });
    expect(parsePercent('.5')).toEqual({ ok: true, weight: 0.005 });
  });

  it('refuses out-of-range values instead of clamping them silently', () => {
    expect(parsePercent('150')).toEqual({ ok: false, reason: 'out-of-range', text: '150' });
    expect(parsePercent('-5')).toEqual({ ok: false, reason: 'out-of-range', text: '-5' });
    expect(parsePercent('100.01')).toMatchObject({ ok: false, reason: 'out-of-range' });
  });

  it('refuses text that is not a plain decimal number, and the empty field', () => {
    for (const s of ['abc', '1e1', '8,5', '0x10', '10%%', 'NaN', 'Infinity', '5 5']) expect(parsePercent(s)).toMatchObject({ ok: false, reason: 'not-a-number' });
    expect(parsePercent('  ')).toEqual({ ok: false, reason: 'empty', text: '' });
  });
});

describe('weight display', () => {
  it('shows percentages with at most two decimals and the decimal with four', () => {
    expect(percentText(0.08)).toBe('8');
    expect(percentText(0.9 * (0.08 / 0.94))).toBe('7.66'); // 7.6595…%
    expect(percentText(1)).toBe('100');
    expect(decimalText(0.08)).toBe('0.0800');
    expect(decimalText(0.9 * (0.08 / 0.94))).toBe('0.0766');
  });

  it('zooms the sliders to 0–30 % unless a weight is larger', () => {
    expect(sliderMax([0.08, 0.3, 0])).toBe(0.3);
    expect(sliderMax([0.08, 0.31])).toBe(1);
  });
});
