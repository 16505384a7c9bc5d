import type { Toggles } from './rescore.ts';
import type { IndicatorSystem, NormalizationSpec } from './types.ts';

/**
 * A scenario: every choice a user can make on top of an indicator system. Anything left out means
 * "as the system publishes it", so `{ version: 1, systemId }` is the baseline scenario.
 */
export interface Scenario {
  version: 1;
  systemId: string;
  /** Weight overrides per stage id, then indicator id; missing entries keep the system's weight. */
  weights?: Record<string, Record<string, number>>;
  /**
   * 'rescale': the weights given are used as they are (the UI keeps each stage's sum at 1 by
   * rescaling the others). 'free': each stage's weights are divided by their sum at scoring time.
   */
  weightMode?: 'rescale' | 'free';
  normalization?: Partial<NormalizationSpec>;
  /** Stage upper age bounds in years, by stage id (overrides StageDef.maxAgeYears). */
  stageCutoffs?: Record<string, number>;
  /** Bonus items switched on/off by id (default on). */
  bonus?: Record<string, boolean>;
  /** Optional veto rules switched on/off by id (mandatory vetoes cannot be switched off). */
  vetoes?: Record<string, boolean>;
  /** As-of date YYYY-MM-DD for stage assignment. */
  asOf?: string;
}

export const DEFAULT_NORMALIZATION: NormalizationSpec = {
  method: 'winsorized-minmax',
  lowerQuantile: 0.01,
  upperQuantile: 0.99,
};

export function baselineScenario(system: IndicatorSystem): Scenario {
  return { version: 1, systemId: system.id };
}

export function resolveNormalization(scenario: Scenario | undefined): NormalizationSpec {
  return { ...DEFAULT_NORMALIZATION, ...(scenario?.normalization ?? {}) };
}

/** Which bonus items are on, in the system's order. */
export function activeBonus(system: IndicatorSystem, scenario: Scenario | undefined): boolean[] {
  return system.bonus.map((b) => scenario?.bonus?.[b.id] ?? true);
}

/** Which veto rules are on, in the system's order (mandatory ones always). */
export function activeVetoes(system: IndicatorSystem, scenario: Scenario | undefined): boolean[] {
  return system.vetoes.map((v) => v.mandatory || (scenario?.vetoes?.[v.id] ?? v.defaultActive));
}

/** The bonus items and veto rules a scenario switches on, as `rescore` takes them. */
export function scenarioToggles(system: IndicatorSystem, scenario: Scenario | undefined): Toggles {
  return { bonus: activeBonus(system, scenario), veto: activeVetoes(system, scenario) };
}

/** Stages with the scenario's cut-off overrides applied. */
export function resolveStages(system: IndicatorSystem, scenario: Scenario | undefined) {
  return system.stages.map((s) => {
    const override = scenario?.stageCutoffs?.[s.id];
    return override === undefined || s.maxAgeYears === undefined ? s : { ...s, maxAgeYears: override };
  });
}
