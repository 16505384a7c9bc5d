import type { Label, Scenario } from '../engine/index.ts';
import type { ListRule } from '../whatif/lists/list-rule.ts';
import type { YoyPart, YoyStatus, YoySummary } from '../whatif/yoy/year-on-year.ts';
import type { DatasetSource, DemoRequest, LoadReport } from './scoring.ts';
import type { ListExportMeta, SegmentRef } from './whatif.ts';
import type { SegmentColumnDef } from '../segment/columns.ts';

/** Year on year (年度对比): workers/yoy-api.ts over src/whatif/yoy. */

/** Enterprises of each year's list in the slope chart (its top). */
export const YOY_SLOPE_TOP = 20;

/** Which enterprises the table shows. */
export const YOY_FILTERS = ['all', 'entered', 'left', 'stayed', 'stage-changed', 'new', 'gone'] as const;
export type YoyFilter = (typeof YOY_FILTERS)[number];

/** Table orders: the largest rise or fall first, this year's or last year's rank. */
export const YOY_SORTS = ['rise', 'fall', 'rank', 'rank-prev'] as const;
export type YoySort = (typeof YOY_SORTS)[number];

export interface YoyRequest {
  /** The current scenario: both years are scored under it (each with its own as-of date and normalisation bounds). */
  scenario: Scenario;
  rule: ListRule;
  /**
   * The segment, evaluated in each year's own data: the current year's rows held by the scoring
   * worker (setSegment) and last year's under `previous` (setPreviousSegment). Each year's list is
   * drawn within its segment; the table holds the enterprises in it in either year.
   */
  segment?: SegmentRef & { previous: number };
}

export interface YoyQuery extends YoyRequest {
  filter: YoyFilter;
  sort: YoySort;
  /** Substring of the name or the USCC; '' for none. */
  search: string;
  offset: number;
  limit: number;
}

export interface YoyRow {
  name: string;
  uscc: string;
  /** Stage index in each year, −1 where the enterprise is not in that year's scored rows. */
  stage: number;
  stagePrev: number;
  score: number;
  scorePrev: number;
  /** NaN unless in both years. */
  dScore: number;
  rank: number;
  rankPrev: number;
  vetoed: boolean;
  vetoedPrev: boolean;
  status: YoyStatus;
  /** The largest parts of the change (src/whatif/yoy topParts). */
  parts: YoyPart[];
  /** This year's data flags (数据提示). */
  flags?: Label[];
}

export interface YoyPage {
  total: number;
  offset: number;
  rows: YoyRow[];
}

/** One enterprise of the slope chart: rank last year and this year (null where it is not ranked). */
export interface YoySlopeRow {
  name: string;
  rank: number | null;
  rankPrev: number | null;
  status: YoyStatus;
}

/** What the comparison held: the years and data sets, and how long it took. */
export interface YoyResult {
  years: { current: number; previous: number };
  sources: { current: DatasetSource; previous: DatasetSource };
  summary: YoySummary;
  /** The current year's top and last year's top (the rule's list, at most 20 of each), for the slope chart. */
  slope: YoySlopeRow[];
  page: YoyPage;
  ms: { score: number; link: number };
  /** Last year's as-of date: the scenario's moved back a year (`used`), or refused for later registrations (`refused`). */
  asOfPrev: { used: string | null; refused: string | null };
  /** The segment of the comparison: its condition and how many enterprises it holds in each year. */
  segment?: { condition: string; count: number; countPrev: number; into: number; outOf: number };
}

export interface YoyExportRequest extends YoyRequest, ListExportMeta {
  format: 'csv' | 'xlsx';
}

export interface YoyApi {
  /** Generates and holds the demo's previous year (2022) as the comparison year. */
  loadPreviousDemo(req: DemoRequest): Promise<LoadReport>;
  /** Holds the one BuiltDataset that arrives on `port` as the comparison year. */
  adoptPrevious(port: MessagePort): Promise<LoadReport>;
  /** Lets the comparison year go. */
  dropPrevious(): Promise<void>;
  /** The segment table of the comparison year (as segmentTable), for its own rows of a segment condition. */
  previousSegmentTable(ids: readonly string[]): Promise<Uint8Array>;
  /** The comparison year's scores under the scenario as it scores that year (as segmentScores). */
  previousSegmentScores(scenario: Scenario): Promise<Uint8Array>;
  /** The comparison year's columns a condition may name. */
  previousSegmentColumns(): Promise<SegmentColumnDef[]>;
  /** Holds the comparison year's rows of the segment under `id` (null: none). */
  setPreviousSegment(req: { id: number; rows: Uint32Array } | null): Promise<{ count: number }>;
  /**
   * Scores both years under the request and links them (kept: another page, filter, order or
   * search of the same comparison only reads the table again).
   */
  yoyCompare(req: YoyQuery): Promise<YoyResult>;
  /** Every linked enterprise as a table (CSV or XLSX bytes, transferred). */
  yoyExport(req: YoyExportRequest): Promise<Uint8Array>;
}
