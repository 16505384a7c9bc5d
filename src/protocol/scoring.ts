/**
 * The typed protocol of the scoring worker (workers/scoring.worker.ts), in one file: what the UI
 * sends, what comes back. Everything that crosses is small — a page of rows, bins, summaries —
 * except the dataset itself, which arrives once from the import worker on a MessagePort (or is
 * generated here: the demo).
 *
 * Stale results follow the one rule of src/protocol/latest.ts: every `update` carries a ticket;
 * the worker answers `null`, without computing, to a request superseded by a newer one.
 */
import type { TextDictionary } from '../segment/dictionary.ts';
import type { SegmentColumnDef } from '../segment/columns.ts';
import type { SegmentFacets } from '../segment/facets.ts';
import type { YoyApi } from './yoy.ts';
import type { Histogram, StageComparison, StageIndicatorMeans, Summary } from '../analysis/index.ts';
import type { Explanation, IndicatorReport, IndicatorSystem, Label, Scenario } from '../engine/index.ts';
import type { ColumnMapping } from '../data/mapping.ts';
import type { EngineDataset } from '../data/build-dataset.ts';
import type { StabilityResult } from '../whatif/stability.ts';
import type { WhatifApi } from './whatif.ts';

export type { StabilityResult };

/**
 * A dataset built elsewhere (the import worker: mapped, validated, typed columns), posted once on
 * a MessagePort with every typed array transferred, so the page's thread never touches it and
 * the scoring worker never builds it a second time.
 */
export interface BuiltDataset {
  engine: EngineDataset;
  /** The file's headers (for the report: unmatched and personal-data columns). */
  headers: string[];
  mapping: ColumnMapping;
  source: DatasetSource;
  evalYear: number;
  /** Milliseconds of the steps before the hand-off (reading, building), for 载入用时. */
  timings: LoadTimings;
  /** The segment's further text fields (src/segment/columns.ts), as dictionaries. */
  segmentText?: Record<string, TextDictionary>;
}

/** The demo, generated and built in the scoring worker itself (no file, no DuckDB). */
export interface DemoRequest {
  rows: number;
  seed?: number;
}

/** Milliseconds of a load, in total and per step (the overview's 载入用时 and its tooltip). */
export interface LoadTimings {
  totalMs: number;
  steps: { label: Label; ms: number }[];
}

export interface DatasetSource {
  kind: 'demo' | 'file';
  name: string;
}

export interface Exclusion {
  /** Row number as the user's file shows it (the header is row 1). */
  row: number;
  uscc: string;
  reason: string;
  message: Label;
}

export interface LoadReport {
  source: DatasetSource;
  rowsLoaded: number;
  rowsScored: number;
  /** Excluded rows by reason code. */
  excludedByReason: Record<string, number>;
  /** The first excluded rows (at most 200) with reasons. */
  excluded: Exclusion[];
  /** Headers that mapped to no field, and personal-data columns that were dropped. */
  unmatchedHeaders: string[];
  droppedPersonal: string[];
  /** Warnings of the conversion (unparseable cells etc.), already summarised. */
  warnings: Label[];
  /** Distinct values for the ranking filters (sorted). */
  techFields: string[];
  cities: string[];
  evalYear?: number;
  /** Fields the dataset has a column for (engine columns and text): what a system's missing inputs are judged against. */
  fieldsPresent: string[];
  /** Milliseconds of each step up to the report (from the start of the load). */
  timings: LoadTimings;
  /**
   * Row count + USCC set + header list, hashed (src/data/dataset-fingerprint.ts): a share link
   * carries it to say when it is opened on other data.
   */
  fingerprint: string;
}

export type SortKey = 'rank' | 'delta' | 'name' | 'uscc' | 'stage' | 'score' | 'base' | 'bonus' | 'veto';

/**
 * Each sort key's natural direction (best-ranked first for numbers, stage 0 first, A→Z for text,
 * vetoed first): the worker builds orders in this direction and reads them backwards otherwise.
 */
export const DEFAULT_DIR: Readonly<Record<SortKey, 'asc' | 'desc'>> = {
  rank: 'asc',
  score: 'desc',
  delta: 'desc',
  name: 'asc',
  uscc: 'asc',
  stage: 'asc',
  base: 'desc',
  bonus: 'desc',
  veto: 'desc',
};

export interface RankingQuery {
  offset: number;
  limit: number;
  /** Substring of the name or the USCC (case-insensitive); '' for none. */
  search: string;
  /** Stage index, or -1 for all stages. */
  stage: number;
  techField: string;
  city: string;
  sort: SortKey;
  dir: 'asc' | 'desc';
  /** Only rows with a data-quality flag (数据提示); absent = all rows. */
  flagged?: boolean;
  /** Only the rows of the segment with this id (setSegment); absent or 0 = no segment. */
  segment?: number;
}

export interface RankingRow {
  row: number;
  rank: number;
  stageRank: number;
  /** Competition rank among the active segment's rows (present only while a segment is). */
  segmentRank?: number;
  /** Baseline rank − current rank: positive = moved up against the published weights. */
  delta: number;
  name: string;
  uscc: string;
  stage: number;
  score: number;
  base: number;
  bonus: number;
  vetoed: boolean;
  /** The row's data-quality flags (数据提示), zh + en; absent when it has none. */
  flags?: Label[];
}

export interface RankingPage {
  /** Rows passing the filters. */
  total: number;
  offset: number;
  rows: RankingRow[];
}

export interface ScoreStats {
  systemId: string;
  /** Rows per stage (index = stage), and rows without a stage. */
  stageCounts: number[];
  noStage: number;
  vetoed: number;
  overall: Summary;
  stageSummaries: Summary[];
  histogram: Histogram;
  stageHistograms: Histogram[];
  /** Data-quality report of the normalisation (missing, ±∞, clipping, fallbacks). */
  reports: IndicatorReport[];
  /** The best 10 rows of the whole population (the live preview next to the weights). */
  top: RankingRow[];
  /** Worker time for this update, in ms. */
  scoreMs: number;
}

export interface UpdateRequest {
  /** The request's ticket (src/protocol/latest.ts): the worker skips superseded requests. */
  gen: number;
  scenario: Scenario;
  query: RankingQuery;
}

export interface UpdateResult {
  /** Present when the scenario changed since the previous answer (else only the page changed). */
  stats?: ScoreStats;
  page: RankingPage;
}

export interface ProfileData {
  row: number;
  name: string;
  uscc: string;
  techField: string;
  city: string;
  system: IndicatorSystem;
  explanation: Explanation;
  rank: number;
  stageRank: number;
  baselineRank: number;
  baselineStageRank: number;
  /** Mid-distribution percentile of the score within the row's stage (0–100). */
  stagePercentile: number;
  population: number;
  stagePopulation: number;
  /** The row's data-quality flags (数据提示); empty when it has none. */
  flags: Label[];
}

export interface StagesData {
  means: StageIndicatorMeans;
  comparison: StageComparison;
}

/** Segments (细分范围): workers/segment-api.ts. */
export interface SegmentApi {
  /** The columns a segment condition may name for the current dataset (src/segment/columns.ts). */
  segmentColumns(): Promise<SegmentColumnDef[]>;
  /**
   * The population as the segment table (Arrow IPC, transferred) with `row_id` and the columns
   * `ids` (the ones conditions have named: a 1M-row table of every column is ~250 MB).
   */
  segmentTable(ids: readonly string[]): Promise<Uint8Array>;
  /** The scores of `scenario` as the score table (Arrow IPC, transferred): what `score` in a condition reads. */
  segmentScores(scenario: Scenario): Promise<Uint8Array>;
  /** Holds the rows a condition selected under `id` (null: no segment); answers their count. */
  setSegment(req: { id: number; rows: Uint32Array } | null): Promise<{ count: number }>;
  /** The values the field filters offer, with the counts they select (src/segment/facets.ts). */
  segmentFacets(): Promise<SegmentFacets>;
}

/** The what-if methods (workers/whatif-protocol.ts) are part of the same worker's API. */
export interface ScoringApi extends WhatifApi, SegmentApi, YoyApi {
  /** The page's custom indicator systems (the editor's), replacing the worker's set; refusals are returned. */
  setCustomSystems(systems: IndicatorSystem[]): Promise<string[]>;
  /** Generates and loads the demo. */
  loadDemo(req: DemoRequest): Promise<LoadReport>;
  /** Loads the one BuiltDataset that arrives on `port` (transferred). */
  adopt(port: MessagePort): Promise<LoadReport>;
  /** Re-scores if the scenario changed, then returns the ranking page; null when superseded. */
  update(req: UpdateRequest): Promise<UpdateResult | null>;
  /** The explanation of one row under the current scenario (row = index in the population). */
  profile(row: number): Promise<ProfileData>;
  /**
   * Weight stability intervals (权重稳定区间) of one row under a top-N rule over all enterprises,
   * for the current scenario (on demand: ~0.2 s at 100k rows, linear in rows).
   */
  stability(req: { row: number; topN: number }): Promise<StabilityResult>;
  /** Stage comparison under the current scenario (on demand: ~0.3 s at 1M rows). */
  stages(req: { topShare: number }): Promise<StagesData>;
  /**
   * Scored rows registered after `days` (an as-of date): the CLI's --as-of would exclude them, but
   * exclusions are fixed when the dataset is built, so the as-of field refuses such a date.
   */
  registeredAfter(req: { days: number }): Promise<{ count: number; latestDays: number }>;
  /** Rows whose name or USCC contains `text` (for the profile picker), best-ranked first. */
  find(req: { text: string; limit: number }): Promise<RankingRow[]>;
}

/**
 * The text fields the scoring worker shows (ranking, filters, search): the only ones handed over,
 * since strings are copied one by one (a 1M-row dataset's other text fields cost seconds).
 */
export const SCORING_TEXT_FIELDS = ['uscc', 'name', 'tech_field', 'city'] as const;

/** The buffers of a BuiltDataset to transfer (each once: a transfer list must not repeat one). */
export function builtBuffers(b: BuiltDataset): ArrayBuffer[] {
  const set = new Set<ArrayBuffer>();
  for (const c of Object.values(b.engine.columns)) set.add(c.buffer as ArrayBuffer);
  set.add(b.engine.regDays.buffer as ArrayBuffer);
  set.add(b.engine.sourceRow.buffer as ArrayBuffer);
  if (b.engine.rowFlags) {
    set.add(b.engine.rowFlags.row.buffer as ArrayBuffer);
    set.add(b.engine.rowFlags.kind.buffer as ArrayBuffer);
  }
  if (b.engine.warningRows) {
    set.add(b.engine.warningRows.row.buffer as ArrayBuffer);
    set.add(b.engine.warningRows.kind.buffer as ArrayBuffer);
  }
  for (const d of Object.values(b.segmentText ?? {})) set.add(d.codes.buffer as ArrayBuffer);
  return [...set];
}
