import type { Scenario } from './scenario.ts';
import type { IndicatorSystem } from './types.ts';

/**
 * The weights a scenario asks for, `w[stage * k + i]` (stages in system order, indicators in system
 * order): its overrides on top of the published weights, not yet divided by anything.
 */
export function requestedWeights(system: IndicatorSystem, scenario?: Scenario): Float64Array {
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
  return w;
}

/**
 * The weight matrix a scoring run uses: the requested weights; in 'free' mode each stage's row is
 * divided by its sum (a zero row stays zero).
 */
export function effectiveWeights(system: IndicatorSystem, scenario?: Scenario): Float64Array {
  const w = requestedWeights(system, scenario);
  if (scenario?.weightMode === 'free') normalizeRows(w, system.indicators.length);
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
export function stageWeightSums(w: ArrayLike<number>, k: number): number[] {
  const sums: number[] = [];
  for (let off = 0; k > 0 && off + k <= w.length; off += k) {
    let sum = 0;
    for (let i = 0; i < k; i++) sum += w[off + i];
    sums.push(sum);
  }
  return sums;
}
