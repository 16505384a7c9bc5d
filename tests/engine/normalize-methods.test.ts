import { describe, expect, it } from 'vitest';
import { normalizer } from '../../src/engine/index.ts';
import { normalizeOne } from '../helpers/mini-system.ts';

const close = (got: number[], want: number[]) => {
  expect(got.length).toBe(want.length);
  got.forEach((g, i) => expect(g).toBeCloseTo(want[i], 12));
};

describe('other normalisation methods', () => {
  it('min–max: (x − min)/(max − min), ±∞ clip', () => {
    close(normalizeOne([0, 5, 20, Infinity, NaN], 'minmax').s, [0, 0.25, 1, 1, 0]);
    close(normalizeOne([0, 5, 20, -Infinity], 'minmax', 'reverse').s, [1, 0.75, 0, 1]);
  });

  it('z-score: clamp((z + 3)/6, 0, 1), population sd', () => {
    // values 2, 4, 4, 4, 5, 5, 7, 9: mean 5, population sd 2 (the textbook example)
    // z = −1.5, −0.5 ×3, 0 ×2, 1, 2 → s = 0.25, 5/12 ×3, 0.5 ×2, 4/6, 5/6
    close(normalizeOne([2, 4, 4, 4, 5, 5, 7, 9], 'zscore').s, [0.25, 5 / 12, 5 / 12, 5 / 12, 0.5, 0.5, 4 / 6, 5 / 6]);
    // reverse: (3 − z)/6 → 0.75 for z = −1.5
    expect(normalizeOne([2, 4, 4, 4, 5, 5, 7, 9], 'zscore', 'reverse').s[0]).toBeCloseTo(0.75, 12);
  });

  it('z-score clamps beyond ±3 sd and maps ±∞ to the ends', () => {
    // 99 zeros and one 100: mean 1, sd = sqrt((99·1 + 99²)/100) = sqrt(99.99·... ) — z(100) = 99/sd ≈ 9.9 → 1
    const values = [...Array(99).fill(0), 100, Infinity, -Infinity];
    const { s } = normalizeOne(values, 'zscore');
    expect(s[99]).toBe(1);
    expect(s[100]).toBe(1);
    expect(s[101]).toBe(0);
  });

  it('percentile rank: mid-rank, ties share', () => {
    // F = [10, 20, 20, 30], n = 4: s(10) = 0/3, s(20) = (1 + 0.5)/3 = 0.5, s(30) = 3/3
    close(normalizeOne([10, 20, 20, 30, NaN, Infinity], 'percentile-rank').s, [0, 0.5, 0.5, 1, 0, 1]);
    close(normalizeOne([10, 20, 20, 30, NaN], 'percentile-rank', 'reverse').s, [1, 0.5, 0.5, 0, 0]);
  });

  it('log-scaled min–max: winsorised bounds on sign(x)·ln(1 + |x|)', () => {
    // t = ln(1 + x): 0, ln 10, ln 100, ln 1000 with p = 0/1 → bounds 0 and ln 1000
    const t = [0, Math.log(10), Math.log(100), Math.log(1000)];
    const { s } = normalizeOne([0, 9, 99, 999], 'log-minmax', 'positive', [0, 1]);
    close(
      s,
      t.map((v) => v / Math.log(1000)),
    ); // 0, 1/3, 2/3, 1
  });

  it('功效系数法: (60 + 40·position)/100, missing 0', () => {
    // bounds with p = 0/1: 0 and 100 → positions 0, 0.5, 1 → 0.6, 0.8, 1.0
    close(normalizeOne([0, 50, 100, NaN], 'efficacy', 'positive', [0, 1]).s, [0.6, 0.8, 1, 0]);
    close(normalizeOne([0, 50, 100], 'efficacy', 'reverse', [0, 1]).s, [1, 0.8, 0.6]);
  });

  it('every method but z-score and efficacy gives 0 to every row of a constant column', () => {
    for (const m of ['winsorized-minmax', 'minmax', 'percentile-rank', 'log-minmax'] as const) {
      expect(normalizeOne([3, 3, 3, NaN], m).s).toEqual([0, 0, 0, 0]);
    }
  });

  it('z-score gives a constant column z = 0 (s = 0.5), missing still 0', () => {
    expect(normalizeOne([3, 3, 3, NaN], 'zscore').s).toEqual([0.5, 0.5, 0.5, 0]);
    expect(normalizeOne([3, NaN], 'zscore', 'reverse').s).toEqual([0.5, 0]);
  });

  it('efficacy gives a constant column the neutral d = 60 (s = 0.6), missing still 0', () => {
    expect(normalizeOne([3, 3, 3, NaN], 'efficacy').s).toEqual([0.6, 0.6, 0.6, 0]);
    expect(normalizeOne([3, 3, NaN], 'efficacy', 'reverse').s).toEqual([0.6, 0.6, 0]);
  });

  it('an unknown method name throws and lists the known ones', () => {
    expect(() => normalizer('magic')).toThrow(/unknown normalisation method "magic"; known: winsorized-minmax/);
  });
});
