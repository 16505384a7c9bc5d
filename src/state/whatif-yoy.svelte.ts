import type { Remote } from 'comlink';
import type { Scenario } from '../engine/index.ts';
import type { ListRule } from '../whatif/lists/index.ts';
import type { LoadReport, ScoringApi } from '../protocol/scoring.ts';
import type { YoyExportRequest, YoyFilter, YoyQuery, YoyRequest, YoyResult, YoySort } from '../protocol/yoy.ts';
import type { Label } from '../engine/types.ts';
import { bilingualError } from '../import/errors.ts';
import type { PreviousSegment, SegmentState } from './segment.svelte.ts';
import { YOY } from '../i18n/yoy.ts';
import { Job } from './job.svelte.ts';
import type { PreviousYearSource } from './previous-year.ts';
import { downloadBytes, exportMoment, MIME } from './whatif-lists.svelte.ts';

/** Rows per page of the year on year table. */
export const YOY_PAGE = 50;

/** 'demo' = the demo's previous year; otherwise the id of a data set stored on this computer. */
export type PreviousChoice = string;

/**
 * 年度对比: the previous year's data set held by the scoring worker beside the current one, and
 * the comparison under the current scenario and list rule (recomputed when either, or the current
 * data set, changes; a page, filter, order or search only re-reads the worker's table).
 */
export class YoyState {
  /** The comparison year as loaded (its report), and which choice it came from. */
  previous = $state.raw<{ choice: PreviousChoice; report: LoadReport } | null>(null);
  loading = $state(false);
  loadError = $state<string | null>(null);
  filter = $state<YoyFilter>('all');
  sort = $state<YoySort>('fall');
  search = $state('');
  offset = $state(0);
  limit = $state(YOY_PAGE);
  exporting = $state(false);
  exportError = $state<string | null>(null);
  readonly job: Job<YoyQuery, YoyResult>;

  /** Why the segment cannot run on the comparison year's data (the comparison is then not made). */
  segmentError = $state.raw<Label | null>(null);

  constructor(
    private readonly scoring: Remote<ScoringApi>,
    private readonly source: PreviousYearSource,
    private readonly segment: SegmentState | null = null,
  ) {
    this.job = new Job((q) => scoring.yoyCompare(q));
  }

  /**
   * The request's segment: the active one, run on the comparison year's own data too; null when
   * it cannot run there (segmentError says why), undefined when no segment is active.
   */
  private async segmentOf(scenario: Scenario): Promise<YoyRequest['segment'] | null | undefined> {
    const a = this.segment?.active;
    if (!a || !this.previous) {
      this.segmentError = null;
      return undefined;
    }
    // Just after a data set change the segment has not run on the new one yet: its change refreshes again.
    if (!this.segment!.isCurrent(a)) return null;
    let prev: PreviousSegment | null;
    try {
      prev = await this.segment!.previousSegment(this.previous.report, scenario);
    } catch (err) {
      const m = err instanceof Error ? err.message : String(err);
      this.segmentError = { zh: `细分条件无法执行：${m}`, en: `The segment condition could not run: ${m}` };
      return null;
    }
    // The segment changed while last year's rows were selected: the newer refresh answers.
    if (this.segment?.active !== a) return null;
    if (!prev) return undefined;
    if (!prev.ok) {
      this.segmentError = prev.error;
      return null;
    }
    this.segmentError = null;
    return { id: a.id, condition: a.text, previous: prev.id };
  }

  /** Refreshes started; an older one that finishes later is dropped. */
  private generation = 0;

  async load(choice: PreviousChoice): Promise<void> {
    this.loading = true;
    this.loadError = null;
    try {
      const report = choice === 'demo' ? await this.source.demo() : await this.source.stored(choice);
      this.previous = { choice, report };
      this.segmentError = null;
      this.offset = 0;
      this.job.clear();
    } catch (err) {
      this.loadError = err instanceof Error ? err.message : String(err);
    } finally {
      this.loading = false;
    }
  }

  async remove(): Promise<void> {
    this.previous = null;
    this.segmentError = null;
    this.job.clear();
    await this.scoring.dropPrevious();
    await this.segment?.dropPrevious();
  }

  query(scenario: Scenario, rule: ListRule, segment?: YoyRequest['segment']): YoyQuery {
    return {
      scenario: $state.snapshot(scenario) as Scenario,
      rule: $state.snapshot(rule) as ListRule,
      ...(segment ? { segment } : {}),
      filter: this.filter,
      sort: this.sort,
      search: this.search,
      offset: this.offset,
      limit: this.limit,
    };
  }

  async refresh(scenario: Scenario, rule: ListRule): Promise<void> {
    if (!this.previous) return;
    const g = ++this.generation;
    const q = this.query(scenario, rule); // read now: the effect that calls this tracks the table's controls
    const segment = await this.segmentOf(q.scenario);
    if (g !== this.generation) return;
    if (segment === null) {
      if (this.segmentError) this.job.clear();
      return;
    }
    return this.job.run(segment ? { ...q, segment } : q);
  }

  async export(format: 'csv' | 'xlsx', scenario: Scenario, rule: ListRule, meta: Omit<YoyExportRequest, 'scenario' | 'rule' | 'format' | 'exportedAt'>): Promise<void> {
    if (!this.previous) return;
    this.exporting = true;
    this.exportError = null;
    try {
      const now = exportMoment();
      const snapshot = $state.snapshot(scenario) as Scenario;
      const segment = await this.segmentOf(snapshot);
      if (segment === null) {
        const why = this.segmentError ?? { zh: '细分范围已更改，请重新导出。', en: 'The segment changed; export again.' };
        throw bilingualError('yoy-segment', { zh: `${YOY.zh.segmentError}${why.zh}`, en: `${YOY.en.segmentError} ${why.en}` });
      }
      const bytes = await this.scoring.yoyExport({
        scenario: snapshot,
        rule: $state.snapshot(rule) as ListRule,
        ...(segment ? { segment } : {}),
        ...meta,
        format,
        exportedAt: now.text,
      });
      downloadBytes(bytes, `年度对比-${now.date}.${format}`, MIME[format]);
    } catch (err) {
      this.exportError = err instanceof Error ? err.message : String(err);
    } finally {
      this.exporting = false;
    }
  }
}
