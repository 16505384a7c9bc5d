import { effectiveWeights, prepare, rescore, type IndicatorSystem, type NormalizationMethod, type Prepared } from '../../src/engine/index.ts';
import { mulberry32 } from '../../src/whatif/prng.ts';
import type { RunScores } from '../../src/engine/index.ts';

/** A two-stage system with `k` positive indicators x0…x(k−1), one bonus item and one veto. */
export function twoStageSystem(k = 3, weights?: number[][]): IndicatorSystem {
  const w = weights ?? [Array(k).fill(1 / k), Array.from({ length: k }, (_, i) => (i + 1) / ((k * (k + 1)) / 2))];
  return {
    id: 'two-stage',
    name: { zh: '两阶段', en: 'two stages' },
    version: '1',
    source: { seed: 'test', published: '', defaults: '' },
    baseScale: 100,
    stages: [
      { id: 'young', name: { zh: '初创期', en: 'young' }, maxAgeYears: 5 },
      { id: 'old', name: { zh: '成长期', en: 'old' } },
    ],
    classes: [{ id: 'c', name: { zh: '类', en: 'class' } }],
    indicators: Array.from({ length: k }, (_, i) => ({
      id: `x${i}`,
      name: { zh: `指标${i}`, en: `x${i}` },
      classId: 'c',
      direction: 'positive' as const,
      value: { kind: 'field' as const, field: `x${i}` },
      weights: { young: w[0][i], old: w[1][i] },
    })),
    bonus: [{ id: 'b', name: { zh: '加分', en: 'bonus' }, field: 'b', points: 1, cap: 2 }],
    vetoes: [{ id: 'v', name: { zh: '清零', en: 'veto' }, fields: ['v'], mandatory: true, defaultActive: true }],
  };
}

/** Random columns for twoStageSystem: values in [0, 100) rounded to `decimals` (0 → many ties). */
export function randomData(n: number, k: number, seed: number, decimals = 2) {
  const rand = mulberry32(seed);
  const columns: Record<string, Float64Array> = {};
  const f = 10 ** decimals;
  for (let i = 0; i < k; i++) columns[`x${i}`] = Float64Array.from({ length: n }, () => Math.round(rand() * 100 * f) / f);
  columns.b = Float64Array.from({ length: n }, () => (rand() < 0.2 ? 1 : 0));
  columns.v = Float64Array.from({ length: n }, () => (rand() < 0.05 ? 1 : 0));
  const stage = Uint8Array.from({ length: n }, () => (rand() < 0.4 ? 0 : 1));
  return { columns, stage };
}

export const ALL_ON = { bonus: [true], veto: [true] };

export function preparedFor(system: IndicatorSystem, columns: Record<string, Float64Array>, stage: Uint8Array, method: NormalizationMethod = 'winsorized-minmax'): Prepared {
  return prepare({ system, columns, n: stage.length, stage, normalization: { method, lowerQuantile: 0.01, upperQuantile: 0.99 } });
}

export function scored(p: Prepared, weights = effectiveWeights(p.system), toggles = ALL_ON): RunScores {
  return { prepared: p, weights, toggles, result: rescore(p, weights, toggles) };
}
