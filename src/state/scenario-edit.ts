/**
 * Pure scenario edits behind the 权重 view: weights first, then normalisation and the bonus/veto
 * toggles. A weight matrix is a plain `number[]` laid out like the engine's
 * `effectiveWeights`: `w[stageIndex · k + i]` (stages and indicators in system order).
 * The functions return new arrays and never mutate their input.
 */
import { requestedWeights, resolveNormalization, stageWeightSums, type IndicatorSystem, type NormalizationMethod, type Scenario } from '../engine/index.ts';

export { usesQuantiles } from '../engine/index.ts';

export type WeightMode = 'rescale' | 'free';

const clamp01 = (v: number) => (v > 1 ? 1 : v > 0 ? v : 0); // NaN → 0

/**
 * Sets weight `i` of ONE stage's weight vector to `value` (clamped to [0, 1], NaN → 0).
 *
 * - `'free'`: only that weight changes (the engine divides by the stage sum at scoring time).
 * - `'rescale'`: the others are rescaled proportionally so that the vector sums to 1:
 *   `w_j ← (1 − v) · w_j / Σ_{j≠i} w_j`. If every other weight is 0 the remainder `1 − v` is spread
 *   equally over them. The rounding residual goes to the largest other weight, so the sum is 1 to
 *   within an ulp or two. Negative or NaN inputs among the others count as 0. With a single
 *   indicator (k = 1) the sum cannot be kept: the weight simply becomes `v`.
 */
export function setWeight(weights: readonly number[], i: number, value: number, mode: WeightMode): number[] {
  const k = weights.length;
  if (!(Number.isInteger(i) && i >= 0 && i < k)) throw new Error(`indicator index ${i} is outside 0..${k - 1}`);
  const v = clamp01(value);
  const out = weights.map((w) => (w > 0 && Number.isFinite(w) ? w : 0));
  out[i] = v;
  if (mode === 'free' || k === 1) return out;
  if (mode !== 'rescale') throw new Error(`unknown weight mode "${mode as string}"`);
  const target = 1 - v;
  let others = 0;
  for (let j = 0; j < k; j++) if (j !== i) others += out[j];
  for (let j = 0; j < k; j++) {
    if (j === i) continue;
    // w/others ≤ 1, so this cannot overflow even when `others` is tiny (subnormal).
    out[j] = others > 0 ? target * (out[j] / others) : target / (k - 1);
  }
  // Put the rounding residual on the largest other weight (it can absorb it and stay ≥ 0).
  let sum = 0;
  let largest = -1;
  for (let j = 0; j < k; j++) {
    if (j === i) continue;
    sum += out[j];
    if (largest < 0 || out[j] > out[largest]) largest = j;
  }
  if (largest >= 0) out[largest] = Math.max(0, out[largest] + (target - sum));
  return out;
}

/** `setWeight` applied to stage `stage` of a stage-major matrix with `k` indicators per stage. */
export function setStageWeight(matrix: readonly number[], k: number, stage: number, i: number, value: number, mode: WeightMode): number[] {
  if (!(stage >= 0 && (stage + 1) * k <= matrix.length)) throw new Error(`stage ${stage} is outside the weight matrix`);
  const row = setWeight(matrix.slice(stage * k, (stage + 1) * k), i, value, mode);
  const out = matrix.slice();
  for (let j = 0; j < k; j++) out[stage * k + j] = row[j];
  return out;
}

/** Each stage's weight sum (the engine's own helper, so the UI and the scorer sum alike). */
export { stageWeightSums as stageSums };

/**
 * Divides each stage's weights by their sum (used when switching from free to rescale mode, so the
 * "sum is 1" invariant holds again). A stage whose weights are all 0 gets equal weights 1/k.
 */
export function normalizeStageSums(matrix: readonly number[], k: number): number[] {
  const out = matrix.slice();
  stageWeightSums(matrix, k).forEach((sum, st) => {
    for (let i = 0; i < k; i++) out[st * k + i] = sum > 0 ? matrix[st * k + i] / sum : 1 / k;
  });
  return out;
}

/** The system's published weights as a stage-major matrix. */
export function publishedWeights(system: IndicatorSystem): number[] {
  return system.stages.flatMap((st) => system.indicators.map((ind) => ind.weights[st.id] ?? 0));
}

/** The weights a scenario asks for (overrides on published), NOT divided by the sum in free mode. */
export function scenarioWeights(system: IndicatorSystem, scenario: Scenario): number[] {
  return Array.from(requestedWeights(system, scenario));
}

/**
 * A scenario carrying `matrix` as its weights: only entries that differ from the published weights
 * are written as overrides, so a matrix equal to the published one gives a scenario without
 * `weights` (and the Δrank baseline stays recognisable).
 */
export function withWeights(system: IndicatorSystem, scenario: Scenario, matrix: readonly number[]): Scenario {
  const k = system.indicators.length;
  if (matrix.length !== system.stages.length * k) throw new Error(`expected ${system.stages.length}×${k} weights, got ${matrix.length}`);
  const weights: Record<string, Record<string, number>> = {};
  system.stages.forEach((st, s) => {
    system.indicators.forEach((ind, i) => {
      const w = matrix[s * k + i];
      // Within an ulp-sized tolerance of the published weight is the published weight: dividing a
      // published stage by its float sum (1.0000000000000004) must not turn 18 weights into edits.
      if (Math.abs(w - (ind.weights[st.id] ?? 0)) > SAME_WEIGHT) (weights[st.id] ??= {})[ind.id] = w;
    });
  });
  const { weights: _old, ...rest } = scenario;
  return Object.keys(weights).length ? { ...rest, weights } : rest;
}

/** Weights closer than this to the published one count as the published one (weights are ≤ 1). */
const SAME_WEIGHT = 1e-12;

/** Per stage: the weights the user set, and the ones the keep-the-sum rule rescaled to make room. */
export interface StageEdits {
  touched: number[];
  rescaled: number[];
}

/**
 * Which weights differ from the published ones, split into those the user set and those rescaled.
 * A scenario stores only the resulting weights, so the split is read back from them: the
 * keep-the-sum rule multiplies every other weight of a stage by one common factor, so among the
 * changed weights of a stage the largest group (≥ 2) sharing one ratio w/published is the rescaled
 * group and the rest were set by hand. Without such a group (free mode, or a single change that
 * left the others alone) every changed weight counts as set. A weight with published value 0 that
 * is now > 0 was set. A hand-set weight that lands exactly on the common ratio is counted as
 * rescaled — the two are indistinguishable in the scores as well.
 */
export function weightEdits(system: IndicatorSystem, scenario: Scenario): StageEdits[] {
  const k = system.indicators.length;
  const matrix = scenarioWeights(system, scenario);
  const published = publishedWeights(system);
  return system.stages.map((_, s) => {
    const changed: number[] = [];
    for (let i = 0; i < k; i++) if (Math.abs(matrix[s * k + i] - published[s * k + i]) > SAME_WEIGHT) changed.push(i);
    const ratio = (i: number) => matrix[s * k + i] / published[s * k + i];
    let best: number[] = [];
    for (const i of changed) {
      if (!(published[s * k + i] > 0)) continue;
      const r = ratio(i);
      const group = changed.filter((j) => published[s * k + j] > 0 && Math.abs(ratio(j) - r) <= 1e-9 * Math.max(1, Math.abs(r)));
      if (group.length > best.length) best = group;
    }
    if (best.length < 2) return { touched: changed, rescaled: [] };
    const rescaled = new Set(best);
    return { touched: changed.filter((i) => !rescaled.has(i)), rescaled: best };
  });
}

/** Totals of `weightEdits` over the stages. */
export function countWeightEdits(edits: readonly StageEdits[]): { touched: number; rescaled: number } {
  return edits.reduce((a, e) => ({ touched: a.touched + e.touched.length, rescaled: a.rescaled + e.rescaled.length }), { touched: 0, rescaled: 0 });
}

/** The scenario with the published weights back (weight mode, normalisation and toggles kept). */
export function resetWeights(scenario: Scenario): Scenario {
  const { weights: _old, ...rest } = scenario;
  return rest;
}

/**
 * Switches the weight mode. Going to 'rescale' divides each stage by its sum so that the stages sum
 * to 1 again (the scores do not change: free mode already scored with normalised weights).
 */
export function withWeightMode(system: IndicatorSystem, scenario: Scenario, mode: WeightMode): Scenario {
  const next: Scenario = { ...scenario, weightMode: mode };
  if (mode === 'free') return next;
  const k = system.indicators.length;
  const matrix = scenarioWeights(system, scenario);
  const sums = stageWeightSums(matrix, k);
  if (sums.every((s) => s === 1)) return next;
  return withWeights(system, next, normalizeStageSums(matrix, k));
}

/** Whether a quantile pair is usable (the engine's rule: 0 ≤ lower < upper ≤ 1). */
export function validQuantiles(lower: number, upper: number): boolean {
  return lower >= 0 && upper <= 1 && lower < upper;
}

export function withMethod(scenario: Scenario, method: NormalizationMethod): Scenario {
  return { ...scenario, normalization: { ...scenario.normalization, method } };
}

/** Sets the quantiles, or returns null when the pair is invalid (the caller shows an error). */
export function withQuantiles(scenario: Scenario, lowerQuantile: number, upperQuantile: number): Scenario | null {
  if (!validQuantiles(lowerQuantile, upperQuantile)) return null;
  return { ...scenario, normalization: { ...scenario.normalization, lowerQuantile, upperQuantile } };
}

export function withBonus(scenario: Scenario, id: string, on: boolean): Scenario {
  return { ...scenario, bonus: { ...scenario.bonus, [id]: on } };
}

/** Switches an optional veto; a mandatory one cannot be switched off (the scenario is returned unchanged). */
export function withVeto(system: IndicatorSystem, scenario: Scenario, id: string, on: boolean): Scenario {
  const rule = system.vetoes.find((v) => v.id === id);
  if (!rule) throw new Error(`unknown veto "${id}"`);
  if (rule.mandatory) return scenario;
  return { ...scenario, vetoes: { ...scenario.vetoes, [id]: on } };
}

/** The normalisation the scenario resolves to (defaults filled in). */
export const normalizationOf = resolveNormalization;

/** A value with its object keys in sorted order (so two equal scenarios print alike). */
function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (v && typeof v === 'object') {
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .filter((key) => (v as Record<string, unknown>)[key] !== undefined)
        .map((key) => [key, canonical((v as Record<string, unknown>)[key])]),
    );
  }
  return v;
}

/** Whether two scenarios ask for the same thing (key order and undefined members ignored). */
export function sameScenario(a: Scenario | null | undefined, b: Scenario | null | undefined): boolean {
  if (!a || !b) return a === b;
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}
