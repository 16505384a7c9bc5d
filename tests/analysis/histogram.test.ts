import { describe, expect, it } from 'vitest';
import { extent, histogram, stageHistograms } from '../../src/analysis/index.ts';
import { f64 } from '../helpers/arrays.ts';

describe('histogram', () => {
  it('counts half-open bins, the last bin closed', () => {
    // domain [0, 10], 5 bins of step 2: [0,2) [2,4) [4,6) [6,8) [8,10]
    // 0→0, 1.9→0, 2→1, 5→2, 7.99→3, 8→4, 10→4
    const h = histogram(f64([0, 1.9, 2, 5, 7.99, 8, 10]), 5, { min: 0, max: 10 });
    expect(h.counts).toEqual([2, 1, 1, 1, 2]);
    expect(h).toMatchObject({ min: 0, max: 10, step: 2, total: 7, missing: 0, outside: 0 });
  });

  it('leaves out NaN (missing) and out-of-domain values (outside, ±∞ included)', () => {
    const h = histogram(f64([NaN, -1, 11, Infinity, -Infinity, 3]), 5, { min: 0, max: 10 });
    expect(h.counts).toEqual([0, 1, 0, 0, 0]); // 3 ∈ [2,4)
    expect(h).toMatchObject({ total: 1, missing: 1, outside: 4 });
  });

  it('respects a byte mask', () => {
    const h = histogram(f64([1, 1, 9, 9]), 2, { min: 0, max: 10 }, Uint8Array.from([1, 0, 1, 1]));
    expect(h.counts).toEqual([1, 2]);
  });

  it('handles empty input', () => {
    const h = histogram(new Float64Array(0), 3, { min: 0, max: 1 });
    expect(h.counts).toEqual([0, 0, 0]);
    expect(h.total).toBe(0);
  });

  it('widens a zero-width domain so constant values land in the middle bin', () => {
    // domain [5,5] → [4.5, 5.5], 10 bins of 0.1: (5 − 4.5)/0.1 = 5 → bin 5
    const h = histogram(f64([5, 5, 5]), 10, { min: 5, max: 5 });
    expect(h.min).toBe(4.5);
    expect(h.max).toBe(5.5);
    expect(h.counts[5]).toBe(3);
    expect(h.total).toBe(3);
  });

  it('puts max into the last bin even when (max − min)/step rounds up', () => {
    // step 0.1·… : 0.3 / (0.3/3) could give 3.0000000000000004
    const h = histogram(f64([0.3]), 3, { min: 0, max: 0.3 });
    expect(h.counts).toEqual([0, 0, 1]);
  });

  it('rejects bad bins and domains', () => {
    expect(() => histogram(f64([1]), 0, { min: 0, max: 1 })).toThrow(/bins/);
    expect(() => histogram(f64([1]), 2.5, { min: 0, max: 1 })).toThrow(/bins/);
    expect(() => histogram(f64([1]), 2, { min: 1, max: 0 })).toThrow(/domain/);
    expect(() => histogram(f64([1]), 2, { min: NaN, max: 1 })).toThrow(/domain/);
  });
});

describe('extent', () => {
  it('ignores NaN and ±∞, returns null when nothing is finite', () => {
    expect(extent(f64([3, NaN, -2, Infinity, 7, -Infinity]))).toEqual({ min: -2, max: 7 });
    expect(extent(f64([NaN, Infinity]))).toBeNull();
    expect(extent(new Float64Array(0))).toBeNull();
    expect(extent(f64([1, 9, 5]), Uint8Array.from([0, 0, 1]))).toEqual({ min: 5, max: 5 });
  });
});

describe('stageHistograms', () => {
  it('bins each stage over the shared domain and skips rows without stage', () => {
    // stage 0: 1, 6 → bins [0,5) [5,10]: [1,1]; stage 1: 9, 10, NaN → [0,2], missing 1; stage 255 ignored
    const hs = stageHistograms(f64([1, 9, 6, 10, NaN, 3]), Uint8Array.from([0, 1, 0, 1, 1, 255]), 2, 2, { min: 0, max: 10 });
    expect(hs.map((h) => h.counts)).toEqual([
      [1, 1],
      [0, 2],
    ]);
    expect(hs.map((h) => h.total)).toEqual([2, 2]);
    expect(hs.map((h) => h.missing)).toEqual([0, 1]);
    expect(hs[0].step).toBe(5);
  });

  it('gives empty stages zero counts', () => {
    const hs = stageHistograms(f64([1]), Uint8Array.from([0]), 3, 2, { min: 0, max: 2 });
    expect(hs[2]).toMatchObject({ counts: [0, 0], total: 0 });
  });
});
