import { describe, expect, it } from 'vitest';
import { stageSummaries, summary } from '../../src/analysis/index.ts';
import { f64 } from '../helpers/arrays.ts';
import { naiveRanks, quantileSorted } from './oracles.ts';

// The summaries read competition ranks (1 = largest) instead of sorting; the ranks below are
// written by hand, or by the oracle's per-row definition.

describe('quantileSorted (type 7, the oracle)', () => {
  it('interpolates linearly', () => {
    // [10, 20, 30, 40, 50]: p10 → h = 4·0.1 = 0.4 → 10 + 0.4·10 = 14; p90 → h = 3.6 → 40 + 0.6·10 = 46
    const s = f64([10, 20, 30, 40, 50]);
    expect(quantileSorted(s, 0.1)).toBeCloseTo(14, 12);
    expect(quantileSorted(s, 0.5)).toBe(30);
    expect(quantileSorted(s, 0.9)).toBeCloseTo(46, 12);
    expect(quantileSorted(s, 1)).toBe(50);
    expect(quantileSorted(f64([7]), 0.9)).toBe(7);
    expect(quantileSorted(new Float64Array(0), 0.5)).toBeNaN();
  });
});

describe('summary', () => {
  it('summarises all rows, leaving NaN out and counting vetoed rows', () => {
    // values 4, 1, 3, 2 (NaN left out): sorted 1 2 3 4; mean 10/4 = 2.5; median h = 1.5 → 2.5
    // p10 h = 0.3 → 1.3; p90 h = 2.7 → 3.7
    // ranks: 4 → 1, 3 → 2, 2 → 3, 1 → 4 (NaN: not read)
    const s = summary(f64([4, NaN, 1, 3, 2]), Int32Array.from([1, 0, 4, 2, 3]), Uint8Array.from([0, 1, 1, 0, 0]));
    expect(s.count).toBe(4);
    expect(s.missing).toBe(1);
    expect(s.vetoed).toBe(2);
    expect(s.mean).toBe(2.5);
    expect(s.median).toBe(2.5);
    expect(s.p10).toBeCloseTo(1.3, 12);
    expect(s.p90).toBeCloseTo(3.7, 12);
    expect([s.min, s.max]).toEqual([1, 4]);
  });

  it('returns NaN statistics for empty input', () => {
    const s = summary(new Float64Array(0), new Int32Array(0));
    expect(s.count).toBe(0);
    expect(s.mean).toBeNaN();
    expect(s.median).toBeNaN();
    expect(s.min).toBeNaN();
  });

  it('handles constant values', () => {
    const s = summary(f64([3, 3, 3]), Int32Array.from([1, 1, 1]));
    expect([s.mean, s.median, s.p10, s.p90, s.min, s.max]).toEqual([3, 3, 3, 3, 3, 3]);
  });
});

describe('stageSummaries', () => {
  it('summarises each stage separately', () => {
    // stage 0: 10, 30 → mean 20, median 20, p10 h=0.1 → 12, p90 h=0.9 → 28; vetoed: row 2 → 1
    // stage 1: 0, 5, 100 → mean 35, median 5; stage 2: empty; row with 255 ignored
    const values = f64([10, 0, 30, 5, 100, 999]);
    const stage = Uint8Array.from([0, 1, 0, 1, 1, 255]);
    const vetoed = Uint8Array.from([0, 1, 1, 0, 0, 1]);
    // stage ranks: stage 0: 30 → 1, 10 → 2; stage 1: 100 → 1, 5 → 2, 0 → 3; no stage → 0
    const stageRank = Int32Array.from([2, 3, 1, 2, 1, 0]);
    const [a, b, c] = stageSummaries(values, stage, stageRank, 3, vetoed);
    expect(a).toMatchObject({ count: 2, mean: 20, median: 20, vetoed: 1, min: 10, max: 30 });
    expect(a.p10).toBeCloseTo(12, 12);
    expect(a.p90).toBeCloseTo(28, 12);
    expect(b).toMatchObject({ count: 3, mean: 35, median: 5, vetoed: 1 });
    expect(c.count).toBe(0);
    expect(c.mean).toBeNaN();
  });

  it('applies a mask and counts NaN as missing per stage', () => {
    // only row 0 is ranked (row 1 is NaN, row 2 masked out)
    const [a] = stageSummaries(f64([1, NaN, 5]), Uint8Array.from([0, 0, 0]), Int32Array.from([1, 0, 0]), 1, undefined, Uint8Array.from([1, 1, 0]));
    expect(a).toMatchObject({ count: 1, missing: 1, mean: 1 });
  });

  it('does not depend on row order (quantiles exactly, the mean up to rounding)', () => {
    const v = [0.1, 0.7, 0.2, 0.9, 0.3, 0.5, 0.25, 0.25, 0.8];
    const st = [0, 0, 1, 1, 0, 1, 0, 0, 1];
    const rv = [...v].reverse();
    const rst = Uint8Array.from([...st].reverse());
    const a = stageSummaries(f64(v), Uint8Array.from(st), naiveRanks(v, Uint8Array.from(st), 2), 2);
    const b = stageSummaries(f64(rv), rst, naiveRanks(rv, rst, 2), 2);
    a.forEach((x, s) => {
      const { mean, ...rest } = x;
      const { mean: meanB, ...restB } = b[s];
      expect(restB).toEqual(rest);
      expect(meanB).toBeCloseTo(mean, 14);
    });
  });

  it('agrees with a sort-based summary on random data', () => {
    const v: number[] = [];
    for (let i = 0; i < 501; i++) v.push(((i * 7919) % 1000) / 10); // deterministic pseudo-random, many ties
    const sorted = [...v].sort((x, y) => x - y);
    const s = summary(f64(v), naiveRanks(v));
    expect(s.median).toBe(quantileSorted(sorted, 0.5));
    expect(s.p10).toBeCloseTo(quantileSorted(sorted, 0.1), 12);
    expect(s.p90).toBeCloseTo(quantileSorted(sorted, 0.9), 12);
    expect([s.min, s.max]).toEqual([sorted[0], sorted[500]]);
  });
});
