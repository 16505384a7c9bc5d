/**
 * The what-if half of the scoring worker's protocol (compare, sensitivity, Monte Carlo data,
 * method agreement, cross-system, lists). Everything that comes back is small (a binned grid,
 * a page of rows, m×m matrices) except the Monte Carlo population, which goes out once per run as
 * transferred buffers for the worker pool.
 */
import type { Scenario } from '../engine/index.ts';
import type { GroupTally, ListChange, WeightDelta } from '../whatif/compare/index.ts';
import type { ListEntry, ListGroupSummary, ListRule } from '../whatif/lists/index.ts';
import type { BorderlineEntry } from '../whatif/borderline.ts';
import type { ReferenceComparison, ReferenceRow } from '../whatif/reference/reference-list.ts';
import type { Audit } from '../whatif/audit/index.ts';
import type { McLoadInput, McRunInput } from './monte-carlo.ts';
import type { McListRow, McListSource, McSortKey } from '../whatif/mc/list-table.ts';
import type { SensitivityRow } from '../whatif/sensitivity/index.ts';
import type { Label } from '../engine/index.ts';
import type { Lang } from '../i18n/lang.ts';

/** A row subset for the comparison: a stage index (−1 all) and a 科技创新领域 ('' all). */
export interface RowFilter {
  stage: number;
  techField: string;
}

/**
 * The segment (细分范围) a list is drawn from: the id under which the scoring worker holds its rows
 * (setSegment) and its condition, stated in an export's 方案说明. A request naming a segment the
 * worker no longer holds is refused (it was replaced meanwhile), never answered for another one.
 */
export interface SegmentRef {
  id: number;
  condition: string;
}

export interface CompareRequest {
  a: Scenario;
  b: Scenario;
  list: ListRule;
  filter: RowFilter;
  /** Grid cells per axis (default 40). */
  bins?: number;
  /** The lists compared are drawn from this segment. */
  segment?: SegmentRef;
}

export interface NamedChange extends ListChange {
  name: string;
  uscc: string;
}

export interface CompareResult {
  /** Rows in the filter. */
  rows: number;
  systemId: string;
  weights: WeightDelta[];
  spearman: number;
  kendall: number;
  meanAbsShift: number;
  grid: { bins: number; maxRank: number; edges: number[]; counts: number[]; outside: number; diagonal: number };
  list: {
    sizeA: number;
    sizeB: number;
    stayed: number;
    bandMoves: number;
    entries: NamedChange[];
    exits: NamedChange[];
    byStage: GroupTally[];
    byTechField: GroupTally[];
    truncated: boolean;
  };
  ms: number;
}

export interface SensitivityRequest {
  scenario: Scenario;
  /** Relative shift x (0.2 = ±20%). */
  shift: number;
  stages: 'each' | 'all';
  list?: ListRule;
  segment?: SegmentRef;
}

export interface SensitivityResult {
  rows: SensitivityRow[];
  ms: number;
}

/** What the Monte Carlo pool needs: the population (copied for this run) and the scenario. */
export interface McData {
  load: McLoadInput;
  run: Omit<McRunInput, 'from' | 'to' | 'config' | 'seed'>;
  /** The scenario's overall rank per row (for the rank-interval chart's row choice). */
  rank0: Int32Array;
}

export interface RowInfo {
  row: number;
  name: string;
  uscc: string;
  stage: number;
}

export interface AgreementResult {
  names: string[];
  spearman: number[];
  kendall: number[];
  topOverlap: number[];
  topN: number;
  verdict: { level: string; text: Label };
  ms: number;
}

export interface CrossSystemResult extends AgreementResult {
  favoured: { systemId: string; rows: { row: number; name: string; rank: number; othersMedian: number; gain: number }[] }[];
  missing: { systemId: string; fields: string[] }[];
}

export interface ListPageRow extends ListEntry {
  name: string;
  uscc: string;
  stage: number;
  techField: string;
  city: string;
  /** The row's data-quality flags (数据提示); absent when it has none. */
  flags?: Label[];
}

export interface ListPage {
  total: number;
  offset: number;
  groups: ListGroupSummary[];
  rows: ListPageRow[];
  /** True when the data set has a loan-demand column (备选企业名单 possible). */
  hasLoanDemand: boolean;
  relendingTotal: number;
}

/** The current list beside a reference list of USCCs (src/whatif/reference/reference-list.ts). */
export interface ReferenceRequest {
  scenario: Scenario;
  rule: ListRule;
  segment?: SegmentRef;
  /** The reference file's codes (referenceCodes), normalised. */
  codes: string[];
}

export interface ReferenceExportRequest extends ReferenceRequest, ListExportMeta {
  format: 'csv' | 'xlsx';
  /** The reference file's name, stated in the 方案说明. */
  referenceName: string;
}

export interface ReferenceResultRow extends ReferenceRow {
  name: string;
  uscc: string;
  stage: number;
  /** The enterprise at the cut-off of the row's group (for a dropped row): its name and score. */
  cutoffName: string;
  cutoffScore: number;
  flags?: Label[];
}

export interface ReferenceResult extends Omit<ReferenceComparison, 'rows'> {
  rows: ReferenceResultRow[];
  ms: number;
}

/** The borderline enterprises of a list with their weight stability (src/whatif/borderline.ts). */
export interface BorderlineRequest {
  scenario: Scenario;
  rule: ListRule;
  /** How many listed and how many unlisted enterprises (each). */
  count: number;
  segment?: SegmentRef;
}

export interface BorderlineRow extends BorderlineEntry {
  name: string;
  uscc: string;
  /** The row's data-quality flags (数据提示); absent when it has none. */
  flags?: Label[];
}

export interface BorderlineResult {
  /** The request the rows answer (the panel names the rule they were computed for). */
  rule: ListRule;
  count: number;
  rows: BorderlineRow[];
  ms: number;
  /** The segment the list was drawn from, as requested. */
  segment?: SegmentRef;
}

/** The statistical audit (统计审核) of a scenario's scored population (src/whatif/audit). */
export interface AuditRequest {
  scenario: Scenario;
}

export interface AuditResult {
  audit: Audit;
  ms: number;
}

export interface AuditExportRequest {
  scenario: Scenario;
  scenarioName: string;
  datasetName: string;
  /** Local date-time of the export (exportMoment): the worker reads no clock. */
  exportedAt: string;
  quality?: string[];
  lang?: Lang;
}

/** What the 方案说明 of a list's export states besides the scenario itself. */
export interface ListExportMeta {
  scenarioName: string;
  datasetName: string;
  listDescription: string;
  /** Local date-time with its UTC offset (src/whatif/export/provenance.ts, localDateTime). */
  exportedAt: string;
  /** The data set's data-quality warnings (in `lang`), stated in the 方案说明. */
  quality?: string[];
  /** The reader's language for column heads, sheet names and note values (default zh). */
  lang?: Lang;
}

export interface ListExportRequest extends ListExportMeta {
  scenario: Scenario;
  rule: ListRule;
  /**
   * The list as CSV or XLSX, its 方案说明 as a CSV of its own (the list CSV starts with its
   * header), or the publication pack (公示包, an XLSX: src/whatif/lists/publication-pack.ts).
   */
  format: 'csv' | 'xlsx' | 'notes-csv' | 'pack';
  relending: boolean;
  segment?: SegmentRef;
}

export interface AgreementRequest {
  scenario: Scenario;
  /** Size of the top-N overlap. */
  topN: number;
}

export interface ListPageRequest {
  scenario: Scenario;
  rule: ListRule;
  offset: number;
  limit: number;
  /** The 备选企业名单 (rows with a loan demand) instead of the whole list. */
  relending: boolean;
  segment?: SegmentRef;
}

/** A Monte Carlo run's per-row results, handed to the scoring worker (which holds the names) for paging. */
export interface McTableLoad extends McListSource {
  /** The scenario the run perturbed (its stages and weights go in the table and its 方案说明). */
  scenario: Scenario;
  /** The segment of the run: the table holds its rows only. */
  segment?: SegmentRef;
}

export interface McTableQuery {
  offset: number;
  limit: number;
  sort: McSortKey;
  /** Read the sort backwards (e.g. lowest probability first). */
  reverse: boolean;
  search: string;
}

/** A page row: the run's figures for one enterprise and its row index in the dataset. */
export interface McTableRow extends McListRow {
  row: number;
}

export interface McTablePage {
  /** Rows matching the search (all rows without one). */
  total: number;
  offset: number;
  samples: number;
  rows: McTableRow[];
}

export interface McTableExportRequest extends Omit<McTableQuery, 'offset' | 'limit'> {
  format: 'csv' | 'xlsx';
  /** Label/value lines of the 方案说明 (run settings, list rule, time), made where they are known. */
  notes: [string, string][];
  /** The reader's language for column heads, sheet names and note values (default zh). */
  lang?: Lang;
}

export interface WhatifApi {
  compare(req: CompareRequest): Promise<CompareResult>;
  sensitivity(req: SensitivityRequest): Promise<SensitivityResult>;
  /** The population for a Monte Carlo (or Sobol) run; with a segment, its rows mask and ranks within it. */
  mcData(scenario: Scenario, segment?: SegmentRef): Promise<McData>;
  rowInfo(rows: number[]): Promise<RowInfo[]>;
  methodAgreement(req: AgreementRequest): Promise<AgreementResult>;
  crossSystem(req: { topN: number }): Promise<CrossSystemResult>;
  listPage(req: ListPageRequest): Promise<ListPage>;
  listExport(req: ListExportRequest): Promise<Uint8Array>;
  listBorderline(req: BorderlineRequest): Promise<BorderlineResult>;
  /** The current list beside a reference list: on both, added, dropped (why), outside, missing. */
  referenceCompare(req: ReferenceRequest): Promise<ReferenceResult>;
  referenceExport(req: ReferenceExportRequest): Promise<Uint8Array>;
  audit(req: AuditRequest): Promise<AuditResult>;
  auditExport(req: AuditExportRequest): Promise<Uint8Array>;
  mcTableLoad(req: McTableLoad): Promise<void>;
  mcTablePage(req: McTableQuery): Promise<McTablePage>;
  mcTableExport(req: McTableExportRequest): Promise<Uint8Array>;
}
