import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { averageFromCompetition, averageRanksDescending, kendallTauB, pearson, spearman } from '../../src/whatif/compare/index.ts';

/** O(n²) Kendall τ-b straight from the definition. */
function kendallRef(x: number[], y: number[]): number {
  let c = 0;
  let d = 0;
  let tx = 0;
  let ty = 0;
  for (let i = 0; i < x.length; i++) {
    for (let j = i + 1; j < x.length; j++) {
      const a = Math.sign(x[i] - x[j]);
      const b = Math.sign(y[i] - y[j]);
      if (a === 0 && b === 0) continue;
      if (a === 0) tx++;
      else if (b === 0) ty++;
      else if (a === b) c++;
      else d++;
    }
  }
  const denom = Math.sqrt((c + d + tx) * (c + d + ty));
  return denom === 0 ? NaN : (c - d) / denom;
}

/** Competition ranks (1224) by value descending, O(n²). */
function competition(v: number[]): number[] {
  return v.map((x) => 1 + v.filter((y) => y > x).length);
}

/** Spearman from the definition: average ranks by counting, then Pearson. */
function spearmanRef(a: number[], b: number[]): number {
  const avg = (v: number[]) => v.map((x) => v.filter((y) => y > x).length + (v.filter((y) => y === x).length + 1) / 2);
  return pearson(avg(a), avg(b));
}

const values = fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 2, maxLength: 60 });

describe('rank correlations', () => {
  it('average ranks: hand-computed 1224 → 1, 2.5, 2.5, 4', () => {
    expect(Array.from(averageFromCompetition([1, 2, 2, 4]))).toEqual([1, 2.5, 2.5, 4]);
    expect(Array.from(averageRanksDescending([9, 5, 5, 1]))).toEqual([1, 2.5, 2.5, 4]);
    expect(() => averageFromCompetition([0, 1])).toThrow(/whole number/);
  });

  it('hand-computed examples', () => {
    expect(spearman([1, 2, 3, 4], [1, 2, 3, 4])).toBeCloseTo(1, 12);
    expect(spearman([1, 2, 3, 4], [4, 3, 2, 1])).toBeCloseTo(-1, 12);
    // d = (0, 1, −1, 0): ρ = 1 − 6·2/(4·15) = 0.8
    expect(spearman([1, 2, 3, 4], [1, 3, 2, 4])).toBeCloseTo(0.8, 12);
    // one swapped pair of 6: C = 14, D = 1 → τ = 13/15
    expect(kendallTauB([1, 2, 3, 4, 5, 6], [2, 1, 3, 4, 5, 6])).toBeCloseTo(13 / 15, 12);
    // with ties: x = (1,1,2), y = (1,2,3): pairs (0,1) tie in x, (0,2) C, (1,2) C → 2/√(2·3)
    expect(kendallTauB([1, 1, 2], [1, 2, 3])).toBeCloseTo(2 / Math.sqrt(6), 12);
  });

  it('Kendall τ-b (Knight, O(n log n)) equals the O(n²) definition, ties included', () => {
    fc.assert(
      fc.property(values, fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 60, maxLength: 60 }), (x, yy) => {
        const y = yy.slice(0, x.length);
        const ref = kendallRef(x, y);
        const got = kendallTauB(x, y);
        if (Number.isNaN(ref)) expect(got).toBeNaN();
        else expect(got).toBeCloseTo(ref, 10);
      }),
      { numRuns: 300 },
    );
  });

  it('Spearman on competition ranks equals the average-rank definition on the values', () => {
    fc.assert(
      fc.property(values, fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 60, maxLength: 60 }), (a, bb) => {
        const b = bb.slice(0, a.length);
        const ref = spearmanRef(a, b);
        const got = spearman(competition(a), competition(b));
        if (Number.isNaN(ref)) expect(got).toBeNaN();
        else expect(got).toBeCloseTo(ref, 10);
      }),
      { numRuns: 300 },
    );
  });

  it('is symmetric, bounded and 1 against itself', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: 2, maxLength: 40 }), (x) => {
        const y = x.map((v, i) => v * ((i % 3) - 1));
        const t = kendallTauB(x, y);
        if (!Number.isNaN(t)) {
          expect(t).toBeGreaterThanOrEqual(-1);
          expect(t).toBeLessThanOrEqual(1);
          expect(kendallTauB(y, x)).toBeCloseTo(t, 12);
        }
        if (new Set(x).size > 1) expect(kendallTauB(x, x)).toBeCloseTo(1, 12);
      }),
    );
  });

  it('degenerate inputs: n = 0, 1, all ties → NaN; length mismatch throws', () => {
    expect(spearman([], [])).toBeNaN();
    expect(kendallTauB([], [])).toBeNaN();
    expect(spearman([1], [1])).toBeNaN();
    expect(kendallTauB([3], [1])).toBeNaN();
    expect(spearman([1, 1, 1], [1, 2, 3])).toBeNaN();
    expect(kendallTauB([5, 5, 5], [1, 2, 3])).toBeNaN();
    expect(() => spearman([1, 2], [1])).toThrow(/length/);
    expect(() => kendallTauB([1, 2], [1])).toThrow(/length/);
  });

  it('handles 100,000 rows quickly', () => {
    const n = 100_000;
    const a = Int32Array.from({ length: n }, (_, i) => i + 1);
    const b = Int32Array.from({ length: n }, (_, i) => ((i * 7919) % n) + 1);
    const t = kendallTauB(a, b);
    expect(Math.abs(t)).toBeLessThan(0.05);
    expect(kendallTauB(a, a)).toBe(1);
  });
});
