import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rescore } from '../../src/engine/index.ts';
import { setStageWeight } from '../../src/state/scenario-edit.ts';
import { ListEvaluator, type ListRule } from '../../src/whatif/lists/index.ts';
import { weightStability, type StabilityQuery } from '../../src/whatif/stability.ts';
import { ALL_ON, preparedFor, randomData, twoStageSystem } from './fixtures.ts';

/** A one-stage population given directly by its normalised values (scale 1, no bonus, no veto). */
function hand(s: number[][], weights: number[], extra: Partial<StabilityQuery> = {}): StabilityQuery {
  const n = s.length;
  const k = weights.length;
  return {
    prepared: { n, k, s: Float64Array.from(s.flat()), stage: new Uint8Array(n), system: { baseScale: 1 } },
    weights: Float64Array.from(weights),
    result: { bonus: new Float64Array(n), vetoed: new Uint8Array(n) },
    row: 0,
    rule: { kind: 'top-n', n: 1 },
    ...extra,
  };
}

describe('weight stability intervals, worked by hand', () => {
  // Row 0 (e) = (1, 0), row 1 = (0, 1), row 2 = (0.6, 0.6); weights (t, 1 − t).
  // Scores: e = t, row 1 = 1 − t, row 2 = 0.6.
  const S = [
    [1, 0],
    [0, 1],
    [0.6, 0.6],
  ];
  it('top 1: e is first when t ≥ 1 − t and t ≥ 0.6, i.e. t ∈ [0.6, 1]; at 0.5 it is off and enters at 0.6', () => {
    const r = weightStability(hand(S, [0.5, 0.5]));
    const [w0, w1] = r.weights;
    expect(w0.intervals).toEqual([[0.6, 1]]);
    expect(w0.onList).toBe(false);
    expect(w0.current).toBeNull();
    expect(w0.enterAt).toBeCloseTo(0.6, 15);
    // Weight of indicator 1 = u, indicator 0 = 1 − u: e = 1 − u ≥ u and ≥ 0.6 ⇔ u ≤ 0.4.
    expect(w1.intervals.length).toBe(1);
    expect(w1.intervals[0][0]).toBe(0);
    expect(w1.intervals[0][1]).toBeCloseTo(0.4, 15);
    expect(w1.enterAt).toBeCloseTo(0.4, 15);
  });
  it('top 2: at most one row above e ⇔ t ≥ 0.5 (a tie with row 1 at 0.5 does not outrank), so the current 0.5 is on the list', () => {
    const r = weightStability(hand(S, [0.5, 0.5], { rule: { kind: 'top-n', n: 2 } }));
    expect(r.weights[0].intervals).toEqual([[0.5, 1]]);
    expect(r.weights[0].current).toEqual([0.5, 1]);
    expect(r.weights[0].onList).toBe(true);
    expect(r.weights[0].enterAt).toBeNull();
    expect(r.cutoff).toBe(2);
  });
  it('threshold 0.7: t ≥ 0.7', () => {
    const r = weightStability(hand(S, [0.5, 0.5], { rule: { kind: 'threshold', minScore: 0.7 } }));
    expect(r.weights[0].intervals.length).toBe(1);
    expect(r.weights[0].intervals[0][0]).toBeCloseTo(0.7, 15);
    expect(r.weights[0].intervals[0][1]).toBe(1);
  });
  it('a vetoed enterprise is on no list for any weight', () => {
    const q = hand(S, [0.5, 0.5], { rule: { kind: 'top-n', n: 3 } });
    q.result.vetoed[0] = 1;
    const r = weightStability(q);
    expect(r.vetoed).toBe(true);
    expect(r.weights.every((w) => w.intervals.length === 0 && w.enterAt === null)).toBe(true);
  });
  it('three weights, others rescaled in proportion: e = (1, 0, 0), rival = (0, 1, 1), weights (0.2, 0.4, 0.4)', () => {
    // t on indicator 0, the others (1 − t)/0.8 · 0.4 each: e = t, rival = (1 − t); e first ⇔ t ≥ 0.5.
    const r = weightStability(
      hand(
        [
          [1, 0, 0],
          [0, 1, 1],
        ],
        [0.2, 0.4, 0.4],
      ),
    );
    expect(r.weights[0].intervals).toEqual([[0.5, 1]]);
    // t on indicator 1: indicator 0 gets (1 − t)·0.2/0.6, indicator 2 (1 − t)·0.4/0.6.
    // e = (1 − t)/3, rival = t + 2(1 − t)/3; e ≥ rival ⇔ (1 − t)/3 ≥ t + 2(1 − t)/3 ⇔ t ≤ −1/2: never.
    expect(r.weights[1].intervals).toEqual([]);
    expect(r.weights[1].enterAt).toBeNull();
  });
  it('a row without a stage has no weights to vary: said in the result, not thrown', () => {
    const q = hand(S, [0.5, 0.5]);
    q.prepared.stage[0] = 255; // NO_STAGE
    const r = weightStability(q);
    expect(r.noStage).toBe(true);
    expect(r.weights).toEqual([]);
  });
  it('refuses a rule it cannot apply and a row outside the data', () => {
    expect(() => weightStability(hand(S, [0.5, 0.5], { rule: { kind: 'top-n', n: -1 } }))).toThrow(/n must be/);
    expect(() => weightStability(hand(S, [0.5, 0.5], { row: 3 }))).toThrow(/outside/);
    expect(() => weightStability(hand(S, [0.5, 0.5], { rule: { kind: 'top-n', n: 1, scope: 'city' } }))).toThrow(/city/);
  });
});

describe('weight stability intervals agree with re-scoring by the engine', () => {
  const RULES: ListRule[] = [
    { kind: 'top-n', n: 5 },
    { kind: 'top-n', n: 3, scope: 'stage' },
    { kind: 'top-percent', percent: 20 },
    { kind: 'threshold', minScore: 45 },
  ];
  it('at sampled weights away from the end points, on-list ⇔ inside an interval (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1e6 }),
        fc.integer({ min: 0, max: RULES.length - 1 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 6, maxLength: 6 }),
        (seed, ri, ts) => {
          const k = 3;
          const system = twoStageSystem(k);
          const { columns, stage } = randomData(40, k, seed);
          const p = preparedFor(system, columns, stage);
          const weights = Float64Array.from([0.2, 0.3, 0.5, 0.1, 0.6, 0.3]);
          const base = rescore(p, weights, ALL_ON);
          const rule = RULES[ri];
          const row = seed % 40;
          const res = weightStability({ prepared: p, weights, result: base, row, rule });
          const ev = new ListEvaluator(rule, p.n, p.stage, {});
          const band = new Uint8Array(p.n);
          for (const ws of res.weights)
            for (const t of ts) {
              const inside = ws.intervals.some(([lo, hi]) => t >= lo && t <= hi);
              const nearEdge = ws.intervals.some(([lo, hi]) => Math.abs(t - lo) < 1e-9 || Math.abs(t - hi) < 1e-9);
              if (nearEdge) continue;
              const w2 = Float64Array.from(setStageWeight(Array.from(weights), k, res.stage, ws.indicator, t, 'rescale'));
              const r2 = rescore(p, w2, ALL_ON);
              ev.evaluate(r2, band);
              if (band[row] > 0 !== inside) return false;
            }
          return true;
        },
      ),
      { numRuns: 150 },
    );
  });

  it('at 3,000 rows (thousands of crossings, many per bin of the sweep): each interval is on the list inside, each gap off (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), fc.constantFrom<ListRule>({ kind: 'top-n', n: 60 }, { kind: 'top-percent', percent: 10, scope: 'stage' }), (seed, rule) => {
        const k = 3;
        const system = twoStageSystem(k);
        const { columns, stage } = randomData(3000, k, seed);
        const p = preparedFor(system, columns, stage);
        const weights = Float64Array.from([0.2, 0.3, 0.5, 0.1, 0.6, 0.3]);
        const base = rescore(p, weights, ALL_ON);
        // An enterprise near the cut-off, so its intervals have ends inside (0, 1).
        const row = base.order[rule.kind === 'top-n' ? 55 : 140];
        const res = weightStability({ prepared: p, weights, result: base, row, rule });
        const ev = new ListEvaluator(rule, p.n, p.stage, {});
        const band = new Uint8Array(p.n);
        const onAt = (i: number, t: number) => {
          const w2 = Float64Array.from(setStageWeight(Array.from(weights), k, res.stage, i, t, 'rescale'));
          ev.evaluate(rescore(p, w2, ALL_ON), band);
          return band[row] > 0;
        };
        for (const ws of res.weights) {
          const ends = [0, ...ws.intervals.flat(), 1];
          for (const [lo, hi] of ws.intervals) if (hi - lo > 1e-6) expect(onAt(ws.indicator, (lo + hi) / 2)).toBe(true);
          for (let g = 0; g + 1 < ends.length; g += 2) {
            const [lo, hi] = [ends[g], ends[g + 1]];
            if (hi - lo > 1e-6) expect(onAt(ws.indicator, (lo + hi) / 2)).toBe(false);
          }
        }
      }),
      { numRuns: 12 },
    );
  });
});
