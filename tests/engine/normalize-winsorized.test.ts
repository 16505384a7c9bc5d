import { describe, expect, it } from 'vitest';
import { normalizeOne } from '../helpers/mini-system.ts';

const close = (got: number[], want: number[]) => {
  expect(got.length).toBe(want.length);
  got.forEach((g, i) => expect(g).toBeCloseTo(want[i], 12));
};

describe('基于极端值调整的极值法 (scoring.md §4)', () => {
  it('uses type-7 quantile bounds and clips outside them', () => {
    // F = [0, 10, 20, 30, 1000], n = 5
    // lo = Q(0.01): h = 0.04 → 0 + 0.04·10 = 0.4
    // hi = Q(0.99): h = 3.96 → 30 + 0.96·970 = 961.2
    // s(0) = 0 (clipped to lo); s(10) = (10 − 0.4)/960.8; s(1000) = 1 (clipped to hi)
    const { s, report } = normalizeOne([0, 10, 20, 30, 1000]);
    expect(report.lo).toBeCloseTo(0.4, 12);
    expect(report.hi).toBeCloseTo(961.2, 12);
    expect(report.bounds).toBe('quantile');
    expect(report.clippedLow).toBe(1);
    expect(report.clippedHigh).toBe(1);
    close(s, [0, 9.6 / 960.8, 19.6 / 960.8, 29.6 / 960.8, 1]);
  });

  it('reverse direction: s = (hi − c)/(hi − lo)', () => {
    const { s } = normalizeOne([0, 10, 20, 30, 1000], 'winsorized-minmax', 'reverse');
    close(s, [1, 951.2 / 960.8, 941.2 / 960.8, 931.2 / 960.8, 0]);
  });

  it('first fallback: quantiles equal → min and max', () => {
    // 199 zeros and one 10, n = 200: Q(0.01): h = 199·0.01 = 1.99 → f[1] + 0.99·(f[2] − f[1]) = 0;
    // Q(0.99): h = 199·0.99 = 197.01 → f[197] + 0.01·(f[198] − f[197]) = 0. Equal → lo = min 0, hi = max 10.
    const values = [...Array(199).fill(0), 10];
    const { s, report } = normalizeOne(values);
    expect(report.bounds).toBe('minmax');
    expect(report.lo).toBe(0);
    expect(report.hi).toBe(10);
    expect(s[199]).toBe(1);
    expect(s[0]).toBe(0);
  });

  it('second fallback: a constant indicator scores 0 for everyone and is reported', () => {
    const { s, report } = normalizeOne([7, 7, 7, NaN, 7]);
    expect(report.bounds).toBe('constant');
    expect(s).toEqual([0, 0, 0, 0, 0]);
  });

  it('an indicator with no finite value at all is constant', () => {
    const { s, report } = normalizeOne([NaN, Infinity, NaN]);
    expect(report.bounds).toBe('constant');
    expect(report.posInf).toBe(1);
    expect(report.missing).toBe(2);
    expect(s).toEqual([0, 0, 0]);
  });

  it('±∞ are left out of F and clip to hi / lo; missing → 0', () => {
    // F = [1, 2, 3]: lo = 1 + 0.02·1 = 1.02, hi = 2 + 0.98·1 = 2.98 (h = 1.98), range 1.96
    const { s, report } = normalizeOne([Infinity, 1, 2, 3, -Infinity, NaN]);
    expect(report.finite).toBe(3);
    expect(report.posInf).toBe(1);
    expect(report.negInf).toBe(1);
    expect(report.missing).toBe(1);
    expect(report.clippedLow).toBe(1); // the finite 1 < 1.02; −∞ is not counted as clipped
    expect(report.clippedHigh).toBe(1); // 3 > 2.98
    close(s, [1, 0, 0.98 / 1.96, 1, 0, 0]);
  });

  it('a missing value is 0 even for a reverse indicator', () => {
    const { s } = normalizeOne([NaN, 0, 1], 'winsorized-minmax', 'reverse');
    expect(s[0]).toBe(0);
  });

  it('quantile parameters come from the scenario', () => {
    // F = [0, 10, 20, 30, 40] with p = 0.25/0.75: lo = f[1] = 10, hi = f[3] = 30
    const { s, report } = normalizeOne([0, 10, 20, 30, 40], 'winsorized-minmax', 'positive', [0.25, 0.75]);
    expect([report.lo, report.hi]).toEqual([10, 30]);
    expect(s).toEqual([0, 0, 0.5, 1, 1]);
  });
});
