import type { Columns } from './derive.ts';
import { prepare, type Prepared } from './prepare.ts';
import { rescore, type ScoreResult, type Toggles } from './rescore.ts';
import { resolveNormalization, resolveStages, scenarioToggles, type Scenario } from './scenario.ts';
import { assignStages } from './stages.ts';
import type { IndicatorSystem } from './types.ts';
import { effectiveWeights } from './weights.ts';

export interface ScoreDatasetInput {
  system: IndicatorSystem;
  scenario?: Scenario;
  /** Columns of the population P (scored rows only). */
  columns: Columns;
  n: number;
  /** Registration dates in days since 1970-01-01. */
  regDays: Float64Array;
  asOfDays: number;
}

export interface ScoreRun {
  stage: Uint8Array;
  prepared: Prepared;
  weights: Float64Array;
  toggles: Toggles;
  result: ScoreResult;
}

/** One-shot scoring (the CLI's path): stages → prepare → weights → rescore. */
export function scoreDataset(input: ScoreDatasetInput): ScoreRun {
  const { system, scenario, columns, n } = input;
  if (scenario && scenario.systemId !== system.id) {
    throw new Error(`the scenario is for system "${scenario.systemId}", not "${system.id}"`);
  }
  const stage = assignStages(input.regDays, input.asOfDays, resolveStages(system, scenario));
  const prepared = prepare({ system, columns, n, stage, normalization: resolveNormalization(scenario) });
  const weights = effectiveWeights(system, scenario);
  const toggles = scenarioToggles(system, scenario);
  return { stage, prepared, weights, toggles, result: rescore(prepared, weights, toggles) };
}
