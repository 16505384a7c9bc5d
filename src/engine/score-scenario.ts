import { parseIsoDate } from './calendar.ts';
import type { Columns } from './derive.ts';
import { prepare, type Prepared } from './prepare.ts';
import type { PreparedCache, PrepareRequest } from './prepared-cache.ts';
import { rescore, type ScoreResult, type Toggles } from './rescore.ts';
import { resolveNormalization, resolveStages, scenarioToggles, type Scenario } from './scenario.ts';
import { assignStages } from './stages.ts';
import { missingFields, missingIndicators } from './system-fields.ts';
import type { IndicatorSystem, NormalizationSpec } from './types.ts';
import { effectiveWeights } from './weights.ts';

/** The scored rows of a dataset, as every scoring run reads them. */
export interface Population {
  /** Canonical field columns (scored rows only), NaN = missing; absent fields count as missing. */
  columns: Columns;
  n: number;
  /** Registration dates in days since 1970-01-01. */
  regDays: Float64Array;
  /** The as-of day used when the scenario gives none (the dataset's evaluation year end). */
  asOfDays: number;
}

/** One scoring run: a population prepared for a system and scored under one scenario. */
export interface Run {
  system: IndicatorSystem;
  scenario: Scenario;
  /** The normalisation the scenario asks for (the prepared matrix may be shared with an equivalent one). */
  normalization: NormalizationSpec;
  asOfDays: number;
  prepared: Prepared;
  weights: Float64Array;
  toggles: Toggles;
  result: ScoreResult;
  /** Fields the system reads that the population lacks (scored as missing for every row). */
  missingFields: string[];
  /** Indicators with an absent input field (s = 0 for every row). */
  missingIndicators: string[];
}

/** The part of a run that comparisons read (tests build it without a population). */
export type RunScores = Pick<Run, 'prepared' | 'weights' | 'toggles' | 'result'>;

export interface ScoreOptions {
  /** Prepared matrices shared between runs on the same population. */
  cache?: PreparedCache;
  /** A previous result of the same population whose buffers may be overwritten. */
  reuse?: ScoreResult;
}

/** The as-of day a scenario scores at: its own `asOf`, else the population's. */
export function scenarioAsOfDays(scenario: Scenario, fallbackDays: number): number {
  if (!scenario.asOf) return fallbackDays;
  const days = parseIsoDate(scenario.asOf);
  if (Number.isNaN(days)) throw new Error(`as-of date "${scenario.asOf}" is not YYYY-MM-DD`);
  return days;
}

/**
 * The scoring sequence, written once (scoring.md §2–6): stages at the as-of date → prepare (from
 * the cache when the same system, stage assignment and normalisation were prepared before) →
 * weights → bonus/veto toggles → rescore. The CLI, the scoring worker, what-if comparisons,
 * Monte Carlo and cross-system comparison all score through here.
 */
export function scoreScenario(population: Population, system: IndicatorSystem, scenario: Scenario, options: ScoreOptions = {}): Run {
  if (scenario.systemId !== system.id) throw new Error(`the scenario is for system "${scenario.systemId}", not "${system.id}"`);
  const { columns, n } = population;
  const asOfDays = scenarioAsOfDays(scenario, population.asOfDays);
  const stages = resolveStages(system, scenario);
  const normalization = resolveNormalization(scenario);
  const stageKey = `${asOfDays}|${stages.map((s) => s.maxAgeYears ?? '').join(',')}`;
  const req: PrepareRequest = { system, columns, n, normalization, stageKey, stage: () => assignStages(population.regDays, asOfDays, stages) };
  const prepared = options.cache ? options.cache.prepare(req) : prepare({ ...req, stage: req.stage() });
  const weights = effectiveWeights(system, scenario);
  const toggles = scenarioToggles(system, scenario);
  const reuse = options.reuse && options.reuse.base.length === n ? options.reuse : undefined;
  return {
    system,
    scenario,
    normalization,
    asOfDays,
    prepared,
    weights,
    toggles,
    result: rescore(prepared, weights, toggles, reuse),
    missingFields: missingFields(system, columns),
    missingIndicators: missingIndicators(system, columns),
  };
}
