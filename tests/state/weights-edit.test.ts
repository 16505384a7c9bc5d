import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { effectiveWeights, type IndicatorSystem } from '../../src/engine/index.ts';
import {
  normalizeStageSums,
  publishedWeights,
  resetWeights,
  scenarioWeights,
  setStageWeight,
  setWeight,
  stageSums,
  withWeightMode,
  withWeights,
  weightEdits,
  countWeightEdits,
} from '../../src/state/scenario-edit.ts';
import { miniSystem } from '../helpers/mini-system.ts';

const sum = (a: number[]) => a.reduce((x, y) => x + y, 0);

/** Two stages (young, old) × three indicators a, b, c. */
function system(): IndicatorSystem {
  const sys = miniSystem(['a', 'b', 'c']);
  sys.stages = [
    { id: 'young', name: { zh: '初创期', en: 'start-up' }, maxAgeYears: 5 },
    { id: 'old', name: { zh: '稳定期', en: 'mature' } },
  ];
  sys.indicators[0].weights = { young: 0.5, old: 0.2 };
  sys.indicators[1].weights = { young: 0.3, old: 0.3 };
  sys.indicators[2].weights = { young: 0.2, old: 0.5 };
  return sys;
}

describe('setWeight — rescale', () => {
  it('rescales the other weights proportionally', () => {
    // [0.5, 0.3, 0.2], set b to 0.5: others 0.5 + 0.2 = 0.7 must become 0.5
    // a = 0.5·0.5/0.7 = 0.357142857…, c = 0.5·0.2/0.7 = 0.142857142…
    const w = setWeight([0.5, 0.3, 0.2], 1, 0.5, 'rescale');
    expect(w[1]).toBe(0.5);
    expect(w[0]).toBeCloseTo(0.25 / 0.7, 12);
    expect(w[2]).toBeCloseTo(0.1 / 0.7, 12);
    expect(sum(w)).toBeCloseTo(1, 12);
  });

  it('spreads the remainder equally when every other weight is 0', () => {
    // [1, 0, 0], set a to 0.4: remainder 0.6 over two → 0.3 each
    expect(setWeight([1, 0, 0], 0, 0.4, 'rescale')).toEqual([0.4, 0.3, 0.3]);
  });

  it('clamps the value to [0, 1] and treats NaN as 0', () => {
    expect(setWeight([0.5, 0.5], 0, 1.7, 'rescale')).toEqual([1, 0]);
    expect(setWeight([0.5, 0.5], 0, -3, 'rescale')).toEqual([0, 1]);
    expect(setWeight([0.5, 0.5], 0, NaN, 'rescale')).toEqual([0, 1]);
  });

  it('keeps a lone indicator at the value (the sum cannot be kept with k = 1)', () => {
    expect(setWeight([1], 0, 0.3, 'rescale')).toEqual([0.3]);
  });

  it('does not mutate its input and rejects a bad index', () => {
    const w = [0.5, 0.5];
    setWeight(w, 0, 0.9, 'rescale');
    expect(w).toEqual([0.5, 0.5]);
    expect(() => setWeight(w, 2, 0.1, 'rescale')).toThrow(/outside/);
  });

  const weightsArb = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 2, maxLength: 25 });
  const valueArb = fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: -2, max: 3, noNaN: true }));

  it('property: sum 1 within 1e-12, all ≥ 0, the edited weight equals the (clamped) value', () => {
    fc.assert(
      fc.property(weightsArb, fc.nat(), valueArb, (weights, idx, value) => {
        const i = idx % weights.length;
        const w = setWeight(weights, i, value, 'rescale');
        expect(Math.abs(sum(w) - 1)).toBeLessThanOrEqual(1e-12);
        for (const x of w) expect(x).toBeGreaterThanOrEqual(0);
        expect(w[i]).toBe(Math.min(1, Math.max(0, value)));
      }),
      { numRuns: 2000 },
    );
  });

  it('property: the other weights keep their proportions', () => {
    fc.assert(
      fc.property(weightsArb, fc.nat(), fc.double({ min: 0, max: 0.99, noNaN: true }), (weights, idx, value) => {
        const i = idx % weights.length;
        const before = weights.filter((_, j) => j !== i);
        const others = sum(before);
        fc.pre(others > 1e-6);
        const after = setWeight(weights, i, value, 'rescale').filter((_, j) => j !== i);
        before.forEach((b, j) => expect(after[j]).toBeCloseTo(((1 - value) * b) / others, 9));
      }),
    );
  });
});

describe('setWeight — free', () => {
  it('changes only the edited weight', () => {
    expect(setWeight([0.5, 0.3, 0.2], 1, 0.9, 'free')).toEqual([0.5, 0.9, 0.2]);
  });
  it('property: every other weight is unchanged', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 20 }),
        fc.nat(),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (weights, idx, value) => {
          const i = idx % weights.length;
          const w = setWeight(weights, i, value, 'free');
          weights.forEach((x, j) => expect(w[j]).toBe(j === i ? value : x));
        },
      ),
    );
  });
});

describe('stage matrices', () => {
  const sys = system();
  it('publishedWeights is stage-major like effectiveWeights', () => {
    expect(publishedWeights(sys)).toEqual([0.5, 0.3, 0.2, 0.2, 0.3, 0.5]);
    expect(publishedWeights(sys)).toEqual(Array.from(effectiveWeights(sys)));
  });

  it('setStageWeight edits one stage only; stageSums sums each stage', () => {
    // stage old [0.2, 0.3, 0.5], set c to 0 → a, b scaled by 1/0.5: [0.4, 0.6, 0]
    const m = setStageWeight(publishedWeights(sys), 3, 1, 2, 0, 'rescale');
    expect(m.slice(0, 3)).toEqual([0.5, 0.3, 0.2]);
    expect(m[3]).toBeCloseTo(0.4, 15);
    expect(m[4]).toBeCloseTo(0.6, 15);
    expect(m[5]).toBe(0);
    expect(stageSums(m, 3).map((s) => Math.round(s * 1e12) / 1e12)).toEqual([1, 1]);
    expect(stageSums([], 3)).toEqual([]);
  });

  it('normalizeStageSums divides by the sum, an all-zero stage becomes equal weights', () => {
    // stage 0: [1, 1, 2] / 4; stage 1: zeros → 1/3 each
    expect(normalizeStageSums([1, 1, 2, 0, 0, 0], 3)).toEqual([0.25, 0.25, 0.5, 1 / 3, 1 / 3, 1 / 3]);
  });
});

describe('scenario round trip', () => {
  const sys = system();
  const base = { version: 1 as const, systemId: 'mini' };

  it('writes only overrides that differ from published, and reads them back', () => {
    const m = publishedWeights(sys);
    m[1] = 0.4;
    const sc = withWeights(sys, base, m);
    expect(sc.weights).toEqual({ young: { b: 0.4 } });
    expect(scenarioWeights(sys, sc)).toEqual(m);
    // back to published → no weights key at all
    expect(withWeights(sys, sc, publishedWeights(sys))).toEqual(base);
  });

  it('resetWeights drops the overrides and keeps everything else', () => {
    const sc = { ...base, weightMode: 'free' as const, weights: { young: { a: 1 } }, bonus: { x: false } };
    expect(resetWeights(sc)).toEqual({ ...base, weightMode: 'free', bonus: { x: false } });
  });

  it('switching free → rescale normalises the stage sums; scores stay the same', () => {
    // free weights young [1, 0.3, 0.2] (sum 1.5) → [2/3, 0.2, 2/15]
    const free = { ...base, weightMode: 'free' as const, weights: { young: { a: 1 } } };
    const res = withWeightMode(sys, free, 'rescale');
    expect(res.weightMode).toBe('rescale');
    const w = scenarioWeights(sys, res);
    expect(w[0]).toBeCloseTo(2 / 3, 15);
    expect(w[1]).toBeCloseTo(0.2, 15);
    expect(w[2]).toBeCloseTo(0.2 / 1.5, 15);
    // the engine's effective weights agree between the two
    const a = effectiveWeights(sys, free);
    const b = effectiveWeights(sys, res);
    a.forEach((x, j) => expect(b[j]).toBeCloseTo(x, 15));
    // rescale → free keeps the weights as they are
    expect(withWeightMode(sys, res, 'free').weights).toEqual(res.weights);
  });
});

describe('weightEdits — which weights the user set, which were rescaled', () => {
  /** One stage, four indicators published [0.4, 0.3, 0.2, 0.1]. */
  function four(): IndicatorSystem {
    const sys = miniSystem(['a', 'b', 'c', 'd']);
    sys.stages = [{ id: 'only', name: { zh: '全部', en: 'all' } }];
    [0.4, 0.3, 0.2, 0.1].forEach((w, i) => (sys.indicators[i].weights = { only: w }));
    return sys;
  }
  const base = { version: 1 as const, systemId: 'mini' };

  it('keep-the-sum: one change is one set weight and the others rescaled', () => {
    const sys = four();
    // a → 0.6: the others (0.6 in all) shrink to 0.4 in all, factor 2/3: [0.6, 0.2, 0.4/3, 0.2/3]
    const sc = withWeights(sys, base, setStageWeight(publishedWeights(sys), 4, 0, 0, 0.6, 'rescale'));
    expect(weightEdits(sys, sc)).toEqual([{ touched: [0], rescaled: [1, 2, 3] }]);
    // a second change (d → 0.05): a, b, c are rescaled again by 0.95/0.9333…; a keeps its own ratio
    const sc2 = withWeights(sys, sc, setStageWeight(scenarioWeights(sys, sc), 4, 0, 3, 0.05, 'rescale'));
    expect(weightEdits(sys, sc2)).toEqual([{ touched: [0, 3], rescaled: [1, 2] }]);
    expect(countWeightEdits(weightEdits(sys, sc2))).toEqual({ touched: 2, rescaled: 2 });
  });

  it('free mode: only the changed weight, nothing rescaled; setting one to 100 % rescales the rest to 0', () => {
    const sys = four();
    expect(weightEdits(sys, { ...base, weightMode: 'free', weights: { only: { b: 0.5 } } })).toEqual([{ touched: [1], rescaled: [] }]);
    const all = withWeights(sys, base, setStageWeight(publishedWeights(sys), 4, 0, 2, 1, 'rescale'));
    expect(scenarioWeights(sys, all)).toEqual([0, 0, 1, 0]);
    expect(weightEdits(sys, all)).toEqual([{ touched: [2], rescaled: [0, 1, 3] }]);
  });

  it('published weights divided by their float sum are still the published weights', () => {
    // 0.1 + 0.2 + 0.3 + 0.4 in floating point is not exactly 1 for every order; dividing by the sum
    // moves each weight by at most an ulp, which must not count as an edit.
    const sys = four();
    const m = publishedWeights(sys).map((w) => w / 1.0000000000000004);
    expect(withWeights(sys, base, m)).toEqual(base);
    expect(weightEdits(sys, base)).toEqual([{ touched: [], rescaled: [] }]);
  });
});

describe('Sichuan 2024: switching free → keep-the-sum without an edit changes no weight', () => {
  it('leaves the scenario at the published weights (the float sum 1.0000000000000004 is not an edit)', async () => {
    const { getSystem } = await import('../../src/systems/index.ts');
    const sys = getSystem('sichuan-2024') as IndicatorSystem;
    const base = { version: 1 as const, systemId: sys.id };
    const back = withWeightMode(sys, withWeightMode(sys, base, 'free'), 'rescale');
    expect(back).toEqual({ ...base, weightMode: 'rescale' });
    expect(countWeightEdits(weightEdits(sys, back))).toEqual({ touched: 0, rescaled: 0 });
  });
});
