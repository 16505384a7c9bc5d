/**
 * Core types of the scoring engine. The engine is columnar and pure: it imports nothing from the
 * DOM, DuckDB or Svelte, so it runs unchanged in Node tests, the CLI and the browser workers.
 *
 * Conventions
 * - A numeric column is a Float64Array with NaN for a missing value (±Infinity may appear in
 *   derived values, never in input columns).
 * - A boolean column is a Float64Array holding 1 (true), 0 (false) or NaN (missing).
 * - A date column holds whole days since 1970-01-01 (the proleptic Gregorian calendar), NaN when
 *   missing. Calendar arithmetic never goes through `Date`, so no time zone can shift a stage.
 */

/** Bilingual label: Chinese first, English for the language switch. */
export interface Label {
  zh: string;
  en: string;
}

/** How an indicator's value is derived from canonical data-model fields (scoring.md §3). */
export type ValueRule =
  | { kind: 'field'; field: string }
  /** `denominator` may list several fields: their sum (missing when any of them is missing). */
  | { kind: 'ratio'; numerator: string; denominator: string | string[] }
  | { kind: 'growth'; current: string; previous: string }
  | { kind: 'sum'; fields: string[] }
  /** A custom indicator: a formula over data-model fields in the expression language (expr.ts). */
  | { kind: 'expr'; expr: string };

export type Direction = 'positive' | 'reverse';

/** A life-cycle stage. Stages are ordered youngest first. */
export interface StageDef {
  id: string;
  name: Label;
  /**
   * Upper age bound in whole calendar years: a row belongs to the first stage whose bound it
   * satisfies, i.e. `registration_date >= as_of - maxAgeYears years`. The last stage has no bound.
   */
  maxAgeYears?: number;
}

export interface IndicatorClass {
  id: string;
  name: Label;
}

/** A weighted indicator. */
export interface Indicator {
  id: string;
  name: Label;
  classId: string;
  direction: Direction;
  value: ValueRule;
  /** Weight per stage id; each stage's weights over all indicators sum to 1. */
  weights: Record<string, number>;
  unit?: string;
}

/** A bonus item: `min(cap, points × count)`, a boolean counting as 1, a missing value as 0. */
export interface BonusItem {
  id: string;
  name: Label;
  field: string;
  points: number;
  /** Maximum points from this item; omitted = no cap. */
  cap?: number;
}

/** A veto (清零) rule: the score is 0 when any of its boolean fields is true (missing = false). */
export interface VetoRule {
  id: string;
  name: Label;
  fields: string[];
  /** A mandatory veto always applies; an optional one (Jilin) can be switched by the user. */
  mandatory: boolean;
  /** Whether an optional veto is on in the system's published/default scenario. */
  defaultActive: boolean;
}

/** Provenance of a system: which seed document, what was published, what we chose. */
export interface SystemSource {
  seed: string;
  published: string;
  defaults: string;
}

/**
 * What the UI tells a reader about a system, in both languages: the seed document by its title
 * (never its file name), a human edition ("2024 版"), what the document publishes and what the
 * workbench chose where it is silent. Optional so that imported systems without it stay valid.
 */
export interface SystemAbout {
  /** A short name for table heads and legends ("四川 2024"). */
  short: Label;
  sourceTitle: Label;
  edition: Label;
  published: Label;
  defaults: Label;
}

/** An indicator system (a preset or one imported from JSON). */
export interface IndicatorSystem {
  id: string;
  name: Label;
  version: string;
  source: SystemSource;
  /** Bilingual description for the UI (the `source` texts are developer notes). */
  about?: SystemAbout;
  /** Points that a perfect base earns (100 in every preset). */
  baseScale: number;
  stages: StageDef[];
  classes: IndicatorClass[];
  indicators: Indicator[];
  bonus: BonusItem[];
  vetoes: VetoRule[];
  /** Canonical fields the system needs that are optional in the data model. */
  optionalFields?: string[];
}

/** Normalisation methods, chosen by name (see normalize/*.ts and docs/methodology.md). */
export type NormalizationMethod = 'winsorized-minmax' | 'minmax' | 'zscore' | 'percentile-rank' | 'log-minmax' | 'efficacy';

export interface NormalizationSpec {
  method: NormalizationMethod;
  /** Lower / upper quantile of the winsorised methods (scoring.md §4: 0.01 / 0.99). */
  lowerQuantile: number;
  upperQuantile: number;
}

/** Per-indicator facts that prepare reports (data-quality and fallbacks, scoring.md §4). */
export interface IndicatorReport {
  id: string;
  /** Rows whose value is missing (they get s = 0). */
  missing: number;
  posInf: number;
  negInf: number;
  /** Finite values used for the bounds. */
  finite: number;
  lo: number;
  hi: number;
  /** 'quantile' = the normal case, 'minmax' = first fallback, 'constant' = every s is 0. */
  bounds: 'quantile' | 'minmax' | 'constant' | 'none';
  /** Finite values clipped at lo / hi. */
  clippedLow: number;
  clippedHigh: number;
}
