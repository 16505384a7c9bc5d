import { describe, expect, it } from 'vitest';
import { effectiveWeights, explain, prepare, rescore, type IndicatorSystem } from '../../src/engine/index.ts';
import { miniSystem, spec } from '../helpers/mini-system.ts';
import { f64, plain } from '../helpers/arrays.ts';

/** Two stages, two indicators x, y; weights young (0.75, 0.25), old (0.25, 0.75). */
function twoStage(): IndicatorSystem {
  const sys = miniSystem(['x', 'y']);
  sys.stages = [
    { id: 'young', name: { zh: '初创期', en: 'young' }, maxAgeYears: 5 },
    { id: 'old', name: { zh: '稳定期', en: 'old' } },
  ];
  sys.indicators[0].weights = { young: 0.75, old: 0.25 };
  sys.indicators[1].weights = { young: 0.25, old: 0.75 };
  sys.bonus = [
    { id: 'flag', name: { zh: '旗', en: 'flag' }, field: 'flag', points: 1, cap: 1 },
    { id: 'talents', name: { zh: '人才', en: 'talents' }, field: 'talents', points: 0.2, cap: 1 },
  ];
  sys.vetoes = [
    { id: 'accident', name: { zh: '事故', en: 'accident' }, fields: ['accident'], mandatory: true, defaultActive: true },
    { id: 'tax', name: { zh: '欠税', en: 'tax' }, fields: ['tax'], mandatory: false, defaultActive: false },
  ];
  return sys;
}

// Five rows. x and y are chosen so min–max bounds (p = 0/1) are 0 and 100.
const columns = {
  x: f64([0, 100, 50, 50, 100]),
  y: f64([100, 0, 50, 50, NaN]),
  flag: f64([1, 0, NaN, 0, 1]),
  talents: f64([7, 0, 2, NaN, 0]),
  accident: f64([0, 0, 0, NaN, 1]),
  tax: f64([0, 1, 0, 0, 0]),
};
const stage = Uint8Array.from([0, 0, 1, 0, 1]);
const sys = twoStage();
const prepared = prepare({ system: sys, columns, n: 5, stage, normalization: spec('winsorized-minmax', 0, 1) });
const w = effectiveWeights(sys);

describe('aggregation (scoring.md §5)', () => {
  const res = rescore(prepared, w, { bonus: [true, true], veto: [true, false] });
  it('base = 100 Σ w[stage]·s', () => {
    // row0 young: 100(0.75·0 + 0.25·1) = 25; row1 young: 100(0.75·1 + 0) = 75
    // row2 old: 100(0.25·0.5 + 0.75·0.5) = 50; row3 young: 100(0.75·0.5 + 0.25·0.5) = 50
    // row4 old: 100(0.25·1 + 0.75·0 (y missing → 0)) = 25
    plain(res.base).forEach((b, i) => expect(b).toBeCloseTo([25, 75, 50, 50, 25][i], 12));
  });
  it('bonus = Σ min(cap, points × count); missing counts 0; caps apply', () => {
    // row0: flag 1 + talents min(1, 0.2·7 = 1.4) = 1 → 2; row2: flag missing 0 + min(1, 0.4) = 0.4
    plain(res.bonus).forEach((b, i) => expect(b).toBeCloseTo([2, 0, 0.4, 0, 1][i], 12));
  });
  it('an active veto zeroes the score; a missing veto field is false', () => {
    expect(plain(res.vetoed)).toEqual([0, 0, 0, 0, 1]);
    plain(res.score).forEach((s, i) => expect(s).toBeCloseTo([27, 75, 50.4, 50, 0][i], 12));
  });
  it('competition ranks overall and within stage', () => {
    // scores 27, 75, 50.4, 50, 0 → ranks 4, 1, 2, 3, 5; stage young rows 0,1,3: 27 → 3, 75 → 1, 50 → 2; old rows 2,4: 1, 2
    expect(plain(res.rank)).toEqual([4, 1, 2, 3, 5]);
    expect(plain(res.stageRank)).toEqual([3, 1, 1, 2, 2]);
    expect(plain(res.order)).toEqual([1, 2, 3, 0, 4]);
  });
  it('an optional veto applies only when switched on', () => {
    const r2 = rescore(prepared, w, { bonus: [true, true], veto: [true, true] });
    expect(plain(r2.vetoed)).toEqual([0, 1, 0, 0, 1]);
    expect(r2.score[1]).toBe(0);
  });
  it('a bonus item switched off earns nothing', () => {
    const r3 = rescore(prepared, w, { bonus: [false, true], veto: [true, false] });
    expect(r3.bonus[0]).toBeCloseTo(1, 12);
  });
});

describe('ties', () => {
  it('equal scores share a rank and the next rank skips ("1224")', () => {
    const sys1 = miniSystem(['x']);
    const n = 6;
    const p = prepare({ system: sys1, columns: { x: f64([10, 30, 30, 20, 30, 0]) }, n, stage: new Uint8Array(n), normalization: spec('minmax') });
    const r = rescore(p, effectiveWeights(sys1), { bonus: [], veto: [] });
    // scores 100·x/30: 33.3, 100, 100, 66.7, 100, 0 → ranks 5, 1, 1, 4, 1, 6
    expect(plain(r.rank)).toEqual([5, 1, 1, 4, 1, 6]);
    expect(plain(r.stageRank)).toEqual([5, 1, 1, 4, 1, 6]);
  });
  it('all rows equal share rank 1', () => {
    const sys1 = miniSystem(['x']);
    const p = prepare({ system: sys1, columns: { x: f64([5, 5, 5]) }, n: 3, stage: new Uint8Array(3), normalization: spec('minmax') });
    const r = rescore(p, effectiveWeights(sys1), { bonus: [], veto: [] });
    expect(plain(r.rank)).toEqual([1, 1, 1]);
    expect(plain(r.score)).toEqual([0, 0, 0]);
  });
  it('handles an empty population', () => {
    const sys1 = miniSystem(['x']);
    const p = prepare({ system: sys1, columns: { x: f64([]) }, n: 0, stage: new Uint8Array(0), normalization: spec('minmax') });
    const r = rescore(p, effectiveWeights(sys1), { bonus: [], veto: [] });
    expect(r.rank.length).toBe(0);
  });
});

describe('explanation', () => {
  const toggles = { bonus: [true, true], veto: [true, false] };
  const res = rescore(prepared, w, toggles);
  it('points add up to base exactly and the score matches rescore bit for bit', () => {
    for (let row = 0; row < 5; row++) {
      const ex = explain(prepared, w, toggles, row);
      let sum = 0;
      for (const ind of ex.indicators) sum += ind.points;
      expect(sum).toBe(ex.base);
      expect(ex.base).toBe(res.base[row]);
      expect(ex.score).toBe(res.score[row]);
    }
  });
  it('lists raw values, weights, bonus items and vetoes', () => {
    const ex = explain(prepared, w, toggles, 4);
    expect(ex.indicators.map((i) => [i.id, i.raw, i.s, i.weight])).toEqual([
      ['x', 100, 1, 0.25],
      ['y', NaN, 0, 0.75],
    ]);
    expect(ex.vetoes).toEqual([
      { id: 'accident', hit: true, active: true },
      { id: 'tax', hit: false, active: false },
    ]);
    expect(ex.vetoed).toBe(true);
    expect(ex.score).toBe(0);
    expect(ex.bonusItems[0]).toEqual({ id: 'flag', count: 1, active: true, points: 1 });
  });
});

describe('weights', () => {
  it('free mode divides each stage by its sum', () => {
    const ew = effectiveWeights(sys, { version: 1, systemId: 'mini', weightMode: 'free', weights: { young: { x: 3, y: 1 }, old: { x: 0, y: 0 } } });
    expect(plain(ew)).toEqual([0.75, 0.25, 0, 0]);
  });
  it('rejects a negative weight', () => {
    expect(() => effectiveWeights(sys, { version: 1, systemId: 'mini', weights: { young: { x: -1 } } })).toThrow(/finite number ≥ 0/);
  });
});
