import { describe, expect, it } from 'vitest';
import { effectiveWeights, explain, prepare, rescore } from '../../src/engine/index.ts';
import { f64 } from '../helpers/arrays.ts';
import { miniSystem, spec } from '../helpers/mini-system.ts';

/**
 * The profile's indicator table, worked by hand on three rows so that a reader can follow
 * raw → lo/hi → clipped → s → points → score (scoring.md §4–§5) with the quantiles at 0.25/0.75,
 * where clipping happens on both sides.
 *
 * x (positive), F = [0, 10, 40]: lo = Q(0.25): h = 0.5 → 0 + 0.5·10 = 5; hi = Q(0.75): h = 1.5 →
 *   10 + 0.5·30 = 25. Clipped: 5, 10, 25; s = (c − 5)/20: 0, 0.25, 1.
 * y (reverse), values [2, 3, +∞], F = [2, 3]: lo = 2 + 0.25·1 = 2.25, hi = 2 + 0.75·1 = 2.75.
 *   Clipped: 2.25, 2.75, 2.75 (+∞ → hi); s = (2.75 − c)/0.5: 1, 0, 0.
 * Weights 0.6 / 0.4, points = 100·w·s: row 0: 0 + 40 = 40; row 1: 15 + 0 = 15; row 2: 60 + 0 = 60.
 * Bonus "flag" 0.5 points each, cap 1: counts 0, 1, 3 → 0, 0.5, min(1, 1.5) = 1.
 * Scores: 40, 15.5, 61.
 */
const sys = miniSystem(['x', 'y'], ['positive', 'reverse']);
sys.indicators[0].weights = { all: 0.6 };
sys.indicators[1].weights = { all: 0.4 };
sys.bonus = [{ id: 'flag', name: { zh: '旗', en: 'flag' }, field: 'flag', points: 0.5, cap: 1 }];
const columns = { x: f64([0, 10, 40]), y: f64([2, 3, Infinity]), flag: f64([0, 1, 3]) };
const prepared = prepare({ system: sys, columns, n: 3, stage: new Uint8Array(3), normalization: spec('winsorized-minmax', 0.25, 0.75) });
const w = effectiveWeights(sys);
const toggles = { bonus: [true], veto: [] };

const expected = [
  { x: { clipped: 5, s: 0, points: 0 }, y: { clipped: 2.25, s: 1, points: 40 }, bonus: 0, score: 40 },
  { x: { clipped: 10, s: 0.25, points: 15 }, y: { clipped: 2.75, s: 0, points: 0 }, bonus: 0.5, score: 15.5 },
  { x: { clipped: 25, s: 1, points: 60 }, y: { clipped: 2.75, s: 0, points: 0 }, bonus: 1, score: 61 },
];

describe('explain: the profile table adds up (hand-worked, 3 rows)', () => {
  const result = rescore(prepared, w, toggles);
  expected.forEach((want, row) => {
    it(`row ${row}: raw → clipped → s → points → score`, () => {
      const e = explain(prepared, w, toggles, row);
      const [x, y] = e.indicators;
      expect([x.lo, x.hi, y.lo, y.hi]).toEqual([5, 25, 2.25, 2.75]);
      expect(x.raw).toBe(columns.x[row]);
      expect(y.raw).toBe(columns.y[row]);
      expect(x.logScale).toBe(false);
      for (const [got, exp] of [
        [x, want.x],
        [y, want.y],
      ] as const) {
        expect(got.clipped).toBeCloseTo(exp.clipped, 12);
        expect(got.s).toBeCloseTo(exp.s, 12);
        expect(got.points).toBeCloseTo(exp.points, 12);
        // The shown numbers chain: points = 100 · weight · s.
        expect(got.points).toBeCloseTo(100 * got.weight * got.s, 12);
      }
      expect(e.bonus).toBeCloseTo(want.bonus, 12);
      expect(x.points + y.points + e.bonus).toBeCloseTo(want.score, 12);
      expect(e.score).toBeCloseTo(want.score, 12);
      expect(result.score[row]).toBeCloseTo(want.score, 12);
    });
  });

  it('lo/hi are the prepared report’s bounds, on the log scale for log min–max', () => {
    const p = prepare({ system: sys, columns, n: 3, stage: new Uint8Array(3), normalization: spec('log-minmax', 0.25, 0.75) });
    const e = explain(p, w, toggles, 1);
    expect(e.indicators[0].logScale).toBe(true);
    expect(e.indicators[0].lo).toBe(p.report[0].lo);
    expect(e.indicators[0].hi).toBe(p.report[0].hi);
    // log1p(10) lies inside [lo, hi] = [Q(log1p F, .25), Q(log1p F, .75)], so it is not clipped.
    expect(e.indicators[0].clipped).toBeCloseTo(Math.log1p(10), 12);
    expect(e.indicators[0].s).toBeCloseTo((e.indicators[0].clipped - e.indicators[0].lo) / (e.indicators[0].hi - e.indicators[0].lo), 12);
  });
});
