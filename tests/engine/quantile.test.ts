import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { quantile7, selectKth } from '../../src/engine/index.ts';
import { f64 } from '../helpers/arrays.ts';

/** Reference type-7 quantile by full sort, written independently of the engine. */
function reference(values: number[], p: number): number {
  const f = [...values].sort((x, y) => x - y);
  const h = (f.length - 1) * p;
  const j = Math.floor(h);
  return j + 1 < f.length ? f[j] + (h - j) * (f[j + 1] - f[j]) : f[j];
}

describe('quantile type 7', () => {
  it('matches hand-computed values', () => {
    // f = [1, 2, 3, 4, 10], n = 5. p = 0.01: h = 4·0.01 = 0.04 → 1 + 0.04·(2 − 1) = 1.04
    expect(quantile7(f64([10, 3, 1, 4, 2]), 5, 0.01)).toBeCloseTo(1.04, 12);
    // p = 0.99: h = 3.96 → f[3] + 0.96·(f[4] − f[3]) = 4 + 0.96·6 = 9.76
    expect(quantile7(f64([10, 3, 1, 4, 2]), 5, 0.99)).toBeCloseTo(9.76, 12);
    // p = 0.5: h = 2 exactly → f[2] = 3
    expect(quantile7(f64([10, 3, 1, 4, 2]), 5, 0.5)).toBe(3);
  });
  it('handles a single value and p = 0 / 1', () => {
    expect(quantile7(f64([7]), 1, 0.99)).toBe(7);
    expect(quantile7(f64([5, 1, 3]), 3, 0)).toBe(1);
    expect(quantile7(f64([5, 1, 3]), 3, 1)).toBe(5);
  });
  it('is NaN for no values', () => {
    expect(quantile7(new Float64Array(0), 0, 0.5)).toBeNaN();
  });
  it('agrees with a sort-based reference on arbitrary data, including long runs of ties', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constant(0), fc.constant(1), fc.double({ min: -1e6, max: 1e6, noNaN: true })), { minLength: 1, maxLength: 300 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (values, p) => {
          const got = quantile7(f64(values), values.length, p);
          const want = reference(values, p);
          expect(Math.abs(got - want)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(want)));
        },
      ),
      { numRuns: 400 },
    );
  });
  it('selectKth partitions around the k-th value', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -5, max: 5 }), { minLength: 1, maxLength: 200 }), fc.nat(), (values, kk) => {
        const k = kk % values.length;
        const a = f64(values);
        const v = selectKth(a, k);
        expect(v).toBe([...values].sort((x, y) => x - y)[k]);
        for (let i = 0; i < k; i++) expect(a[i]).toBeLessThanOrEqual(v);
        for (let i = k + 1; i < a.length; i++) expect(a[i]).toBeGreaterThanOrEqual(v);
      }),
      { numRuns: 300 },
    );
  });
});
