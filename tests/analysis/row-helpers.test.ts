import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { deltaRank, deltaRankAt, pageOfOrder, stagePercentile, topN } from '../../src/analysis/index.ts';
import { f64, plain } from '../helpers/arrays.ts';

describe('stagePercentile', () => {
  // stage 0: 10, 20, 20, 30; stage 1: 99 alone
  const score = f64([10, 20, 20, 30, 99]);
  const stage = Uint8Array.from([0, 0, 0, 0, 1]);
  it('counts strictly lower rows plus half the ties (the row itself included)', () => {
    expect(stagePercentile(score, stage, 0)).toBe(12.5); // (0 + 1/2)/4
    expect(stagePercentile(score, stage, 1)).toBe(50); // (1 + 2/2)/4
    expect(stagePercentile(score, stage, 3)).toBe(87.5); // (3 + 1/2)/4
    expect(stagePercentile(score, stage, 4)).toBe(50); // alone in its stage: (0 + 1/2)/1
  });
  it('averages 50 over a stage', () => {
    const mean = [0, 1, 2, 3].reduce((a, r) => a + stagePercentile(score, stage, r), 0) / 4;
    expect(mean).toBe(50);
  });
  it('leaves NaN scores out and gives a NaN row NaN', () => {
    const s = f64([1, NaN, 3]);
    const st = new Uint8Array(3);
    expect(stagePercentile(s, st, 1)).toBeNaN();
    expect(stagePercentile(s, st, 2)).toBe(75); // (1 + 1/2)/2
    expect(stagePercentile(s, st, 2, Uint8Array.from([0, 1, 1]))).toBe(50);
    expect(() => stagePercentile(s, st, 3)).toThrow(/outside/);
  });
});

describe('deltaRank', () => {
  it('is baseline − current: positive means moved up', () => {
    // row 0: 1 → 3 (−2), row 1: 2 → 1 (+1), row 2: 3 → 2 (+1), row 3: no rank → 0
    const d = deltaRank(Int32Array.from([3, 1, 2, 0]), Int32Array.from([1, 2, 3, 4]));
    expect(plain(d)).toEqual([-2, 1, 1, 0]);
    expect(deltaRankAt([3, 1], [1, 2], 0)).toBe(-2);
  });
  it('reuses an output buffer and checks lengths', () => {
    const out = new Int32Array(1);
    expect(deltaRank(Int32Array.from([1]), Int32Array.from([1]), out)).toBe(out);
    expect(() => deltaRank(new Int32Array(1), new Int32Array(2))).toThrow();
  });
});

describe('topN', () => {
  const score = f64([5, 9, 5, NaN, 7]);
  it('returns the best rows, ties by lower row index, NaN left out', () => {
    expect(topN(score, 3)).toEqual([1, 4, 0]);
    expect(topN(score, 10)).toEqual([1, 4, 0, 2]);
    expect(topN(score, 0)).toEqual([]);
    expect(topN(new Float64Array(0), 3)).toEqual([]);
  });
  it('takes a subset through a mask', () => {
    expect(topN(score, 2, Uint8Array.from([1, 0, 1, 1, 1]))).toEqual([4, 0]);
  });
  it('agrees with a full sort (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 60 }), fc.integer({ min: 0, max: 70 }), (vals, N) => {
        const expected = vals
          .map((v, r) => ({ v, r }))
          .sort((a, b) => b.v - a.v || a.r - b.r)
          .slice(0, N)
          .map((x) => x.r);
        expect(topN(f64(vals), N)).toEqual(expected);
      }),
    );
  });
});

describe('pageOfOrder', () => {
  it('pages through a descending order under a mask', () => {
    const order = Uint32Array.from([4, 2, 0, 1, 3]);
    expect(pageOfOrder(order, 0, 2)).toEqual([4, 2]);
    expect(pageOfOrder(order, 1, 2, Uint8Array.from([1, 1, 0, 1, 1]))).toEqual([0, 1]);
    expect(pageOfOrder(order, 10, 2)).toEqual([]);
  });
});
