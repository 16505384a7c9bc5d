import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boundsAround, defaultSimplexBounds, perturbStage, rankBins, binsForBudget, simplexStage } from '../../src/whatif/mc/index.ts';
import { fmix32, mulberry32, sampleSeed, toSeed } from '../../src/whatif/prng.ts';

const sum = (a: ArrayLike<number>, off: number, k: number) => {
  let s = 0;
  for (let i = 0; i < k; i++) s += a[off + i];
  return s;
};

describe('PRNG', () => {
  it('is deterministic, in [0, 1), and sample streams differ', () => {
    const a = mulberry32(1);
    const b = mulberry32(1);
    for (let i = 0; i < 100; i++) {
      const x = a();
      expect(x).toBe(b());
      expect(x >= 0 && x < 1).toBe(true);
    }
    expect(sampleSeed(1, 0)).not.toBe(sampleSeed(1, 1));
    expect(sampleSeed(1, 0)).not.toBe(sampleSeed(2, 0));
    expect(fmix32(0)).toBe(0);
    expect(toSeed(-1)).toBe(4294967295);
    expect(() => toSeed(NaN)).toThrow(/finite/);
  });
});

describe('weight samplers', () => {
  const weights = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 20 }).filter((w) => w.reduce((a, b) => a + b, 0) > 1e-6);

  it('perturb: stays within ±x of each weight before renormalising, sums to 1, keeps zeros', () => {
    fc.assert(
      fc.property(weights, fc.double({ min: 0, max: 1, noNaN: true }), fc.integer(), (w, x, seed) => {
        const k = w.length;
        const total = w.reduce((a, b) => a + b, 0);
        const base = w.map((v) => v / total);
        const out = new Float64Array(k);
        perturbStage(base, 0, k, x, mulberry32(seed), out);
        expect(sum(out, 0, k)).toBeCloseTo(1, 9);
        base.forEach((v, i) => {
          if (v === 0) expect(out[i]).toBe(0);
          expect(out[i]).toBeGreaterThanOrEqual(0);
        });
      }),
    );
  });

  it('perturb with x = 0 returns the weights; an all-zero stage stays zero', () => {
    const out = new Float64Array(3);
    perturbStage([0.2, 0.3, 0.5], 0, 3, 0, mulberry32(1), out);
    expect(Array.from(out)).toEqual([0.2, 0.3, 0.5]);
    perturbStage([0, 0, 0], 0, 3, 0.5, mulberry32(1), out);
    expect(Array.from(out)).toEqual([0, 0, 0]);
  });

  it('simplex: every draw sums to 1 and respects the bounds', () => {
    fc.assert(
      fc.property(weights, fc.double({ min: 0.05, max: 1, noNaN: true }), fc.integer(), (w, x, seed) => {
        const k = w.length;
        const total = w.reduce((a, b) => a + b, 0);
        const base = w.map((v) => v / total);
        const { lower, upper } = seed % 2 ? boundsAround(base, x) : defaultSimplexBounds(base);
        const out = new Float64Array(k);
        simplexStage(lower, upper, 0, k, mulberry32(seed), out);
        expect(sum(out, 0, k)).toBeCloseTo(1, 9);
        for (let i = 0; i < k; i++) {
          expect(out[i]).toBeGreaterThanOrEqual(lower[i] - 1e-12);
          expect(out[i]).toBeLessThanOrEqual(upper[i] + 1e-12);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('simplex with default bounds is uniform: each of k weights has mean 1/k', () => {
    const k = 4;
    const { lower, upper } = defaultSimplexBounds([1, 1, 1, 1]);
    const out = new Float64Array(k);
    const means = new Float64Array(k);
    const rand = mulberry32(3);
    const N = 20000;
    for (let s = 0; s < N; s++) {
      simplexStage(lower, upper, 0, k, rand, out);
      for (let i = 0; i < k; i++) means[i] += out[i] / N;
    }
    // Dirichlet(1,1,1,1): mean 1/4, sd √(3/80) ≈ 0.19 → standard error 0.0014
    for (const m of means) expect(Math.abs(m - 0.25)).toBeLessThan(0.01);
  });

  it('simplex refuses empty or impossibly tight bounds with a sentence', () => {
    const out = new Float64Array(2);
    expect(() => simplexStage([0.6, 0.6], [1, 1], 0, 2, mulberry32(1), out)).toThrow(/admit no weights/);
    expect(() => simplexStage([0, 0], [0.3, 0.3], 0, 2, mulberry32(1), out)).toThrow(/admit no weights/);
    simplexStage([0.5, 0.5], [0.5, 0.5], 0, 2, mulberry32(1), out);
    expect(Array.from(out)).toEqual([0.5, 0.5]);
    // implied bounds: w₀ ≥ 1 − 0.2 fixes nothing else; a tight box around skewed weights uses the fallback
    const skew = [0.99, 0.002, 0.002, 0.002, 0.002, 0.002];
    const { lower, upper } = boundsAround(skew, 0.05);
    const w = new Float64Array(6);
    simplexStage(lower, upper, 0, 6, mulberry32(9), w);
    expect(sum(w, 0, 6)).toBeCloseTo(1, 9);
    w.forEach((v, i) => expect(v >= lower[i] - 1e-12 && v <= upper[i] + 1e-12).toBe(true));
  });
});

describe('rank bins', () => {
  it('are exact when n fits, and cover 1..n without gaps otherwise', () => {
    const exact = rankBins(10, 16);
    expect(exact.resolution).toBe(0);
    expect(Array.from(exact.edges)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200_000 }), fc.integer({ min: 2, max: 300 }), (n, maxBins) => {
        const b = rankBins(n, maxBins);
        const e = b.edges;
        expect(e[0]).toBe(1);
        expect(e[e.length - 1]).toBe(n + 1);
        expect(e.length - 1).toBeLessThanOrEqual(Math.max(maxBins, 1));
        for (let j = 0; j + 1 < e.length; j++) {
          expect(e[j + 1]).toBeGreaterThan(e[j]);
          // documented bound: width − 1 ≤ resolution · lower edge
          expect(e[j + 1] - 1 - e[j]).toBeLessThanOrEqual(b.resolution * e[j] + 1e-9);
        }
        for (const r of [1, n, Math.ceil(n / 2)]) expect(e[b.lut[r]] <= r && r < e[b.lut[r] + 1]).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('100,000 rows in the 32 MB default: 167 bins, about 6.3 % resolution', () => {
    const bins = binsForBudget(100_000, 2, 32 * 1024 * 1024);
    expect(bins).toBe(167);
    const b = rankBins(100_000, bins);
    expect(b.resolution).toBeLessThan(0.07);
    expect(rankBins(0, 10).edges.length).toBe(2);
    expect(() => rankBins(5, 1)).toThrow(/maxBins/);
  });
});
