import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rescore, type Prepared } from '../../src/engine/index.ts';
import { setStageWeight } from '../../src/state/scenario-edit.ts';
import { borderline } from '../../src/whatif/borderline.ts';
import { ListEvaluator, type ListRule } from '../../src/whatif/lists/index.ts';
import { ALL_ON, preparedFor, randomData, twoStageSystem } from './fixtures.ts';

const NONE = { bonus: [] as boolean[], veto: [] as boolean[] };

/** One stage, base scale 1, no bonus or veto: the population is its normalised values. */
function handPrepared(s: number[][]): Prepared {
  const n = s.length;
  const k = s[0].length;
  const system = twoStageSystem(k);
  return {
    n,
    k,
    system: { ...system, baseScale: 1, stages: [system.stages[0]], bonus: [], vetoes: [] },
    stage: new Uint8Array(n),
    normalization: { method: 'minmax', lowerQuantile: 0, upperQuantile: 1 },
    raw: [],
    s: Float64Array.from(s.flat()),
    report: [],
    bonusCounts: [],
    bonusPoints: [],
    veto: [],
  };
}

describe('borderline enterprises, worked by hand', () => {
  // Weights (0.5, 0.5). Scores: r0 = 0.5, r1 = 0.45, r2 = 0.6, r3 = 0.4, r4 = 0.1.
  const p = handPrepared([
    [1, 0],
    [0, 0.9],
    [0.6, 0.6],
    [0.2, 0.6],
    [0.1, 0.1],
  ]);
  const weights = Float64Array.of(0.5, 0.5);
  const result = rescore(p, weights, NONE);

  it('top 2: the cut line is r0’s 0.5; r0 is the last one in (margin 0), r1 the first one out (margin −0.05)', () => {
    const b = borderline({ prepared: p, weights, result, rule: { kind: 'top-n', n: 2 }, count: 1 });
    expect(b.map((e) => e.row)).toEqual([0, 1]);
    expect(b[0].onList).toBe(true);
    expect(b[0].margin).toBe(0);
    expect(b[1].onList).toBe(false);
    expect(b[1].margin).toBeCloseTo(-0.05, 15);
    expect(b.map((e) => e.rank)).toEqual([2, 3]);
  });

  it('r0 = (1, 0) with weight t on indicator 0: r2 = 0.6 passes it below t = 0.6, r1 = 0.9(1 − t) below 0.9/1.9, r3 = 0.6 − 0.4t below 0.6/1.4; it stays in the top 2 for t ≥ 0.9/1.9, so it leaves 0.5 − 0.9/1.9 below the current weight', () => {
    const [e] = borderline({ prepared: p, weights, result, rule: { kind: 'top-n', n: 2 }, count: 1 });
    const w0 = e.stability.weights[0];
    expect(w0.current![0]).toBeCloseTo(0.9 / 1.9, 14);
    expect(w0.current![1]).toBe(1);
    expect(e.tightest!.indicator).toBe(0);
    expect(e.tightest!.distance).toBeCloseTo(0.5 - 0.9 / 1.9, 14);
    // Indicator 1's weight u = 1 − t: on for u ≤ 1 − 0.9/1.9, the same distance the other way.
    expect(e.stability.weights[1].current![1]).toBeCloseTo(1 - 0.9 / 1.9, 14);
    expect(e.decisive).toBe(2);
    expect(e.nearestEntry).toBeNull();
  });

  it('r1 = (0, 0.9) is out; with t on indicator 0 it is in for t ≤ 0.9/1.9 (only r2 above it from t = 1/3), so it enters at 0.9/1.9', () => {
    const [, e] = borderline({ prepared: p, weights, result, rule: { kind: 'top-n', n: 2 }, count: 1 });
    expect(e.stability.weights[0].intervals.length).toBe(1);
    expect(e.stability.weights[0].intervals[0][0]).toBe(0);
    expect(e.stability.weights[0].intervals[0][1]).toBeCloseTo(0.9 / 1.9, 14);
    expect(e.nearestEntry!.enterAt).toBeCloseTo(0.9 / 1.9, 14);
    expect(e.nearestEntry!.distance).toBeCloseTo(0.5 - 0.9 / 1.9, 14);
    expect(e.tightest).toBeNull();
  });

  it('threshold 0.45: r1 sits exactly on the line (on the list, margin 0) and r3 is the nearest outside (−0.05)', () => {
    const b = borderline({ prepared: p, weights, result, rule: { kind: 'threshold', minScore: 0.45 }, count: 1 });
    expect(b.map((e) => [e.row, e.onList])).toEqual([
      [1, true],
      [3, false],
    ]);
    expect(b[1].margin).toBeCloseTo(-0.05, 15);
  });

  it('count 2 orders the listed ones by margin ascending and the others by margin descending', () => {
    const b = borderline({ prepared: p, weights, result, rule: { kind: 'top-n', n: 2 }, count: 2 });
    expect(b.map((e) => e.row)).toEqual([0, 2, 1, 3]);
  });

  it('refuses a count outside 1..200', () => {
    expect(() => borderline({ prepared: p, weights, result, rule: { kind: 'top-n', n: 2 }, count: 0 })).toThrow(/count/);
  });
});

describe('borderline enterprises on random populations', () => {
  const RULES: ListRule[] = [
    { kind: 'top-n', n: 6 },
    { kind: 'top-n', n: 4, scope: 'stage' },
    { kind: 'top-percent', percent: 25 },
    { kind: 'threshold', minScore: 45 },
  ];
  it('are the rows nearest the line by a brute-force sort, and their tightest weight moved just past its interval takes them off the list (property, re-scored by the engine)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), fc.integer({ min: 0, max: RULES.length - 1 }), fc.integer({ min: 1, max: 4 }), (seed, ri, count) => {
        const k = 3;
        const system = twoStageSystem(k);
        const { columns, stage } = randomData(50, k, seed);
        const p = preparedFor(system, columns, stage);
        const weights = Float64Array.from([0.2, 0.3, 0.5, 0.1, 0.6, 0.3]);
        const result = rescore(p, weights, ALL_ON);
        const rule = RULES[ri];
        const ev = new ListEvaluator(rule, p.n, p.stage, {});
        const band = new Uint8Array(p.n);
        ev.evaluate(result, band);
        // Brute force: cut line per group, margins, sort.
        const groupOf = (r: number) => (rule.scope === 'stage' ? p.stage[r] : 0);
        const cut = new Map<number, number>();
        for (let r = 0; r < p.n; r++) if (band[r]) cut.set(groupOf(r), Math.min(cut.get(groupOf(r)) ?? Infinity, result.score[r]));
        const line = (r: number) => (rule.kind === 'threshold' ? rule.minScore : cut.get(groupOf(r)));
        const rows = [...Array(p.n).keys()].filter((r) => !result.vetoed[r] && line(r) !== undefined);
        const m = (r: number) => result.score[r] - line(r)!;
        const onSorted = rows.filter((r) => band[r]).sort((a, b) => m(a) - m(b) || result.rank[a] - result.rank[b] || a - b);
        const offSorted = rows.filter((r) => !band[r]).sort((a, b) => m(b) - m(a) || result.rank[a] - result.rank[b] || a - b);
        const b = borderline({ prepared: p, weights, result, rule, count });
        const expected = [...onSorted.slice(0, count), ...offSorted.slice(0, count)];
        if (JSON.stringify(b.map((e) => e.row)) !== JSON.stringify(expected)) return false;
        for (const e of b) {
          if (e.onList !== band[e.row] > 0) return false;
          if (e.tightest) {
            const [lo, hi] = e.tightest.interval;
            // Past the nearer end by a little: off the list by re-scoring.
            const t = e.tightest.weight - lo === e.tightest.distance ? lo - 1e-6 : hi + 1e-6;
            const w2 = Float64Array.from(setStageWeight(Array.from(weights), k, e.stability.stage, e.tightest.indicator, t, 'rescale'));
            ev.evaluate(rescore(p, w2, ALL_ON), band);
            const off = band[e.row] === 0;
            ev.evaluate(result, band);
            if (!off) return false;
          }
          if (e.nearestEntry) {
            // The entry point is an interval end: nudge into the interval (it lies on the far side from the current weight).
            const dir = e.nearestEntry.enterAt > e.nearestEntry.weight ? 1 : -1;
            const w3 = Float64Array.from(setStageWeight(Array.from(weights), k, e.stability.stage, e.nearestEntry.indicator, e.nearestEntry.enterAt + dir * 1e-6, 'rescale'));
            ev.evaluate(rescore(p, w3, ALL_ON), band);
            const on = band[e.row] > 0;
            ev.evaluate(result, band);
            if (!on) return false;
          }
        }
        return true;
      }),
      { numRuns: 150 },
    );
  });
});
