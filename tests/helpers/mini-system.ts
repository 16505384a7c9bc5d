import type { Direction, IndicatorSystem, NormalizationMethod, NormalizationSpec } from '../../src/engine/index.ts';
import { prepare } from '../../src/engine/index.ts';

/** A one-stage system with one weighted indicator per given field (equal weights). */
export function miniSystem(fields: string[], directions: Direction[] = [], extra: Partial<IndicatorSystem> = {}): IndicatorSystem {
  const w = 1 / fields.length;
  return {
    id: 'mini',
    name: { zh: '测试', en: 'test' },
    version: '1',
    source: { seed: 'test', published: '', defaults: '' },
    baseScale: 100,
    stages: [{ id: 'all', name: { zh: '全部', en: 'all' } }],
    classes: [{ id: 'c', name: { zh: '类', en: 'class' } }],
    indicators: fields.map((f, i) => ({
      id: f,
      name: { zh: f, en: f },
      classId: 'c',
      direction: directions[i] ?? 'positive',
      value: { kind: 'field', field: f },
      weights: { all: w },
    })),
    bonus: [],
    vetoes: [],
    ...extra,
  };
}

export function spec(method: NormalizationMethod, lowerQuantile = 0.01, upperQuantile = 0.99): NormalizationSpec {
  return { method, lowerQuantile, upperQuantile };
}

/** Normalises one column on its own and returns its s values and report. */
export function normalizeOne(values: number[], method: NormalizationMethod = 'winsorized-minmax', direction: Direction = 'positive', q: [number, number] = [0.01, 0.99]) {
  const n = values.length;
  const p = prepare({
    system: miniSystem(['x'], [direction]),
    columns: { x: Float64Array.from(values) },
    n,
    stage: new Uint8Array(n),
    normalization: spec(method, q[0], q[1]),
  });
  return { s: Array.from(p.s), report: p.report[0] };
}
