import type { Scenario } from './scenario.ts';
import type { IndicatorSystem } from './types.ts';

/**
 * The weight matrix a scoring run uses, `w[stage * k + i]` (stages in system order, indicators in
 * system order): the scenario's overrides on top of the published weights; in 'free' mode each
 * stage's row is divided by its sum (a zero row stays zero).
 */
export function effectiveWeights(system: IndicatorSystem, scenario?: Scenario): Float64Array {
  const k = system.indicators.length;
  const w = new Float64Array(system.stages.length * k);
  system.stages.forEach((stage, si) => {
    const overrides = scenario?.weights?.[stage.id];
    system.indicators.forEach((ind, i) => {
      const v = overrides?.[ind.id] ?? ind.weights[stage.id] ?? 0;
      if (!(v >= 0) || !Number.isFinite(v)) throw new Error(`weight of "${ind.id}" in stage "${stage.id}" must be a finite number ≥ 0, got ${v}`);
      w[si * k + i] = v;
    });
  });
  if (scenario?.weightMode === 'free') normalizeRows(w, k);
  return w;
}

/** Divides each stage's k weights by their sum (rows summing to 0 are left at 0). */
export function normalizeRows(w: Float64Array, k: number): void {
  for (let off = 0; off < w.length; off += k) {
    let sum = 0;
    for (let i = 0; i < k; i++) sum += w[off + i];
    if (sum > 0) for (let i = 0; i < k; i++) w[off + i] /= sum;
  }
}

/** Sum of each stage's weights. */
export function stageWeightSums(w: Float64Array, k: number): number[] {
  const sums: number[] = [];
  for (let off = 0; off < w.length; off += k) {
    let sum = 0;
    for (let i = 0; i < k; i++) sum += w[off + i];
    sums.push(sum);
  }
  return sums;
}
