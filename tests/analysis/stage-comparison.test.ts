import { describe, expect, it } from 'vitest';
import { stageComparison, type ScoredMatrix } from '../../src/analysis/index.ts';
import { effectiveWeights, prepare } from '../../src/engine/index.ts';
import { miniSystem, spec } from '../helpers/mini-system.ts';
import { f64 } from '../helpers/arrays.ts';

// k = 2 indicators; stage 0 weighs only x, stage 1 only y.
// rows (x, y): r0 (1, 0), r1 (.8, .2), r2 (.6, .4), r3 (.4, .6), r4 (.2, .8); stages 0 0 1 1 1
const matrix: ScoredMatrix = {
  n: 5,
  k: 2,
  s: f64([1, 0, 0.8, 0.2, 0.6, 0.4, 0.4, 0.6, 0.2, 0.8]),
  stage: Uint8Array.from([0, 0, 1, 1, 1]),
};
const weights = f64([1, 0, 0, 1]);

describe('stageComparison', () => {
  it('compares opposite rankings: ρ = −1 and the whole top changes', () => {
    // stage-0 weights rank r0..r4 as 1..5, stage-1 weights as 5..1: Spearman −1
    // topShare 0.4 → t = ⌈0.4·5⌉ = 2: {r0, r1} vs {r4, r3} → 2/2 changed
    const c = stageComparison(matrix, weights, { topShare: 0.4 });
    expect(c.rows).toBe(5);
    expect(c.topCount).toBe(2);
    expect(c.topChanged).toEqual([
      [0, 1],
      [1, 0],
    ]);
    expect(c.spearman[0][1]).toBeCloseTo(-1, 12);
    expect(c.spearman[0][0]).toBeCloseTo(1, 12);
  });

  it('counts rows tied at the cut as top and uses mid-ranks (own-stage scoring)', () => {
    // own base: r0 1, r1 .8 (stage 0 → x), r2 .4, r3 .6, r4 .8 (stage 1 → y)
    // competition ranks: r0 1, r1 = r4 = 2, r3 4, r2 5 → with t = 2 the own top is {r0, r1, r4}
    // vs stage 0 top {r0, r1}: r4 leaves → 1/3; vs stage 1 top {r4, r3}: r0, r1 leave → 2/3
    const c = stageComparison(matrix, weights, { topShare: 0.4 });
    expect(c.own.topChanged[0]).toBeCloseTo(1 / 3, 15);
    expect(c.own.topChanged[1]).toBeCloseTo(2 / 3, 15);
    // Spearman own vs stage 0: mid-ranks own (1, 2.5, 5, 4, 2.5), stage 0 (1, 2, 3, 4, 5), μ = 3
    // Σ da·db = (−2)(−2) + (−.5)(−1) + 2·0 + 1·1 + (−.5)·2 = 4.5; Σ da² = 4 + .25 + 4 + 1 + .25 = 9.5; Σ db² = 10
    expect(c.own.spearman[0]).toBeCloseTo(4.5 / Math.sqrt(95), 12);
  });

  it('takes ⌈share·m⌉ without floating-point overshoot', () => {
    // 0.6 · 5 = 3.0000000000000004 in doubles; the cut must be 3
    const c = stageComparison(matrix, weights, { topShare: 0.6 });
    expect(c.topCount).toBe(3);
    // {r0, r1, r2} vs {r4, r3, r2}: 2 of 3 leave
    expect(c.topChanged[0][1]).toBeCloseTo(2 / 3, 15);
  });

  it('defaults to the top 10% (at least one row)', () => {
    const c = stageComparison(matrix, weights);
    expect(c.topShare).toBe(0.1);
    expect(c.topCount).toBe(1); // ⌈0.5⌉
  });

  it('handles constant scores: everyone ties in the top, ρ undefined', () => {
    const flat: ScoredMatrix = { n: 3, k: 1, s: f64([0.5, 0.5, 0.5]), stage: new Uint8Array(3) };
    const c = stageComparison(flat, f64([1, 1]));
    expect(c.topChanged).toEqual([
      [0, 0],
      [0, 0],
    ]);
    expect(c.spearman[0][1]).toBeNaN();
  });

  it('handles an empty population and masks', () => {
    const empty = stageComparison({ n: 0, k: 2, s: new Float64Array(0), stage: new Uint8Array(0) }, weights);
    expect(empty.rows).toBe(0);
    expect(empty.topChanged[0][1]).toBeNaN();
    expect(empty.spearman[0][1]).toBeNaN();
    // only r0 and r4: stage 0 ranks r0 first, stage 1 r4 first; t = 1 → everything changes, ρ = −1
    const masked = stageComparison(matrix, weights, { mask: Uint8Array.from([1, 0, 0, 0, 1]) });
    expect(masked.rows).toBe(2);
    expect(masked.topChanged[0][1]).toBe(1);
    expect(masked.spearman[0][1]).toBeCloseTo(-1, 12);
  });

  it('rejects bad options', () => {
    expect(() => stageComparison(matrix, weights, { topShare: 0 })).toThrow(/topShare/);
    expect(() => stageComparison(matrix, f64([1, 0, 0]))).toThrow(/multiple/);
  });

  it('runs on an engine Prepared', () => {
    const sys = miniSystem(['x', 'y']);
    sys.stages = [
      { id: 'a', name: { zh: '甲', en: 'a' }, maxAgeYears: 5 },
      { id: 'b', name: { zh: '乙', en: 'b' } },
    ];
    sys.indicators[0].weights = { a: 0.5, b: 0.5 };
    sys.indicators[1].weights = { a: 0.5, b: 0.5 };
    const n = 20;
    const x = f64(Array.from({ length: n }, (_, i) => i));
    const y = f64(Array.from({ length: n }, (_, i) => (i * 7) % n));
    const p = prepare({ system: sys, columns: { x, y }, n, stage: Uint8Array.from(x, (v) => v % 2), normalization: spec('minmax') });
    const c = stageComparison(p, effectiveWeights(sys));
    // identical weight vectors → identical rankings
    expect(c.topChanged[0][1]).toBe(0);
    expect(c.spearman[0][1]).toBeCloseTo(1, 12);
    expect(c.topCount).toBe(2);
  });
});
