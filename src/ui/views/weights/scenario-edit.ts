/**
 * Pure scenario edits behind the 权重 view's non-weight controls (normalisation, bonus and veto
 * toggles). Weight edits live in src/state/weights-edit.ts.
 */
import type { IndicatorSystem, NormalizationMethod, Scenario } from '../../../engine/index.ts';
import { resolveNormalization } from '../../../engine/index.ts';

/** Methods whose formula uses the lower/upper quantile parameters (docs/methodology.md §4). */
export const QUANTILE_METHODS: readonly NormalizationMethod[] = ['winsorized-minmax', 'log-minmax', 'efficacy'];

export function usesQuantiles(method: NormalizationMethod): boolean {
  return QUANTILE_METHODS.includes(method);
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
