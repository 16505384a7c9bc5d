import { describe, expect, it } from 'vitest';
import { stageIndicatorMeans } from '../../src/analysis/index.ts';
import { effectiveWeights, prepare } from '../../src/engine/index.ts';
import { miniSystem, spec } from '../helpers/mini-system.ts';
import { f64 } from '../helpers/arrays.ts';

describe('stageIndicatorMeans', () => {
  it('averages the row-major s matrix per stage and indicator', () => {
    // k = 2, rows: (0.2, 1) st0, (0.4, 0) st0, (1, 0.5) st1, (0.9, 0.9) no stage
    const s = f64([0.2, 1, 0.4, 0, 1, 0.5, 0.9, 0.9]);
    const r = stageIndicatorMeans({ n: 4, k: 2, s, stage: Uint8Array.from([0, 0, 1, 255]) }, 3);
    expect(r.counts).toEqual([2, 1, 0]);
    expect(r.means[0][0]).toBeCloseTo(0.3, 15); // (0.2 + 0.4)/2
    expect(r.means[0][1]).toBe(0.5); // (1 + 0)/2
    expect(r.means[1]).toEqual([1, 0.5]);
    expect(r.means[2][0]).toBeNaN(); // empty stage
  });

  it('works on the engine prepare output (missing → s = 0 pulls the mean down)', () => {
    // x = 0, 50, 100, NaN with min–max bounds → s = 0, 0.5, 1, 0 → mean 1.5/4 = 0.375
    const sys = miniSystem(['x']);
    const p = prepare({ system: sys, columns: { x: f64([0, 50, 100, NaN]) }, n: 4, stage: new Uint8Array(4), normalization: spec('minmax') });
    expect(effectiveWeights(sys).length).toBe(1);
    expect(stageIndicatorMeans(p, 1).means).toEqual([[0.375]]);
  });

  it('applies a mask and handles n = 0', () => {
    const r = stageIndicatorMeans({ n: 2, k: 1, s: f64([1, 0]), stage: new Uint8Array(2) }, 1, Uint8Array.from([0, 1]));
    expect(r.means).toEqual([[0]]);
    const e = stageIndicatorMeans({ n: 0, k: 1, s: new Float64Array(0), stage: new Uint8Array(0) }, 1);
    expect(e.counts).toEqual([0]);
    expect(e.means[0][0]).toBeNaN();
  });

  it('rejects a matrix of the wrong size', () => {
    expect(() => stageIndicatorMeans({ n: 2, k: 2, s: f64([1]), stage: new Uint8Array(2) }, 1)).toThrow(/expected/);
  });
});
