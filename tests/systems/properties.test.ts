import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { IndicatorSystem } from '../../src/engine/types.ts';
import { exportSystem, importSystem, listSystems, parseSystem } from '../../src/systems/index.ts';

const presets = listSystems();
const copy = (s: IndicatorSystem): IndicatorSystem => JSON.parse(JSON.stringify(s));

/** A preset and, per stage, one non-negative factor per indicator (at least one positive). */
const perturbation = fc.constantFrom(...presets).chain((system) =>
  fc.tuple(
    fc.constant(system),
    fc.array(
      fc
        .array(fc.oneof(fc.constant(0), fc.double({ min: 1e-6, max: 1e3, noNaN: true })), { minLength: system.indicators.length, maxLength: system.indicators.length })
        .filter((fs) => fs.some((f) => f > 0)),
      { minLength: system.stages.length, maxLength: system.stages.length },
    ),
  ),
);

/** w'_i = w_i·f_i / Σ_j w_j·f_j per stage (falls back to the factors alone if that sum is 0). */
function perturb(system: IndicatorSystem, factors: number[][]): IndicatorSystem {
  const s = copy(system);
  s.stages.forEach((st, k) => {
    let raw = s.indicators.map((ind, i) => ind.weights[st.id] * factors[k][i]);
    if (!(raw.reduce((a, b) => a + b, 0) > 0)) raw = factors[k];
    const total = raw.reduce((a, b) => a + b, 0);
    s.indicators.forEach((ind, i) => (ind.weights[st.id] = raw[i] / total));
  });
  return s;
}

describe('weight perturbations (property-based)', () => {
  it('renormalised random weights still validate and round-trip', () => {
    fc.assert(
      fc.property(perturbation, ([system, factors]) => {
        const s = perturb(system, factors);
        const r = parseSystem(s);
        expect(r.ok ? [] : r.errors).toEqual([]);
        const back = importSystem(exportSystem(s));
        expect(back.ok && back.system).toEqual(s);
      }),
      { numRuns: 300 },
    );
  });

  it('scaling one stage’s weights away from a sum of 1 is rejected, naming that stage', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...presets),
        fc.nat(),
        fc.oneof(fc.double({ min: 0.5, max: 1 - 1e-6, noNaN: true }), fc.double({ min: 1 + 1e-6, max: 2, noNaN: true })),
        (system, k, c) => {
          const s = copy(system);
          const st = s.stages[k % s.stages.length].id;
          for (const ind of s.indicators) ind.weights[st] *= c;
          const r = parseSystem(s);
          expect(r.ok).toBe(false);
          if (!r.ok) expect(r.errors).toEqual([expect.stringMatching(new RegExp(`^indicators\\[\\*\\]\\.weights\\.${st.replace('.', '\\.')}: weights of stage "${st}" sum to `))]);
        },
      ),
      { numRuns: 200 },
    );
  });
});
