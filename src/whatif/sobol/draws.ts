import { factorWeights, mixedRow } from './design.ts';
import type { SobolPartial } from './partial.ts';

export type DesignPoint = 'A' | 'B' | 'AB';

export interface SobolDraw {
  /** Base sample j. */
  j: number;
  point: DesignPoint;
  /** For A_B^(i): the factor i taken from B; −1 for A and B. */
  factor: number;
  /** The d factor values u (held factors at ½). */
  u: Float64Array;
  /** The weights scored, `w[stage·k + i]` (each stage sums to 1). */
  weights: Float64Array;
  /** The scalar outputs at this point, in SOBOL_OUTPUTS order. */
  outputs: Float64Array;
}

/**
 * Every design point a partial evaluated — j ascending, then A, B, A_B^(1..d) — with its factor
 * values, the weights they give (computed by the same factorWeights the run scored with) and the
 * outputs recorded there, so a reader can check what the analysis varied. The object passed to
 * `visit` is reused: copy what you keep.
 */
export function forEachDraw(p: SobolPartial, baseWeights: ArrayLike<number>, stages: number, spread: number, visit: (draw: SobolDraw) => void): void {
  const { d, samples: N, outputs } = p;
  const draw: SobolDraw = { j: 0, point: 'A', factor: -1, u: new Float64Array(d), weights: new Float64Array(stages * d), outputs: new Float64Array(outputs) };
  const emit = (point: DesignPoint, factor: number, j: number) => {
    draw.j = j;
    draw.point = point;
    draw.factor = factor;
    factorWeights(baseWeights, stages, d, spread, draw.u, 0, draw.weights);
    for (let o = 0; o < outputs; o++) {
      draw.outputs[o] = point === 'A' ? p.fA[o * N + j] : point === 'B' ? p.fB[o * N + j] : p.fAB[(o * N + j) * d + factor];
    }
    visit(draw);
  };
  for (let j = 0; j < N; j++) {
    if (!p.counted[j]) continue;
    draw.u.set(p.uA.subarray(j * d, (j + 1) * d));
    emit('A', -1, j);
    draw.u.set(p.uB.subarray(j * d, (j + 1) * d));
    emit('B', -1, j);
    for (let i = 0; i < d; i++) {
      mixedRow(p.uA, p.uB, j * d, d, i, draw.u);
      emit('AB', i, j);
    }
  }
}
