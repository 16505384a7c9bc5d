import { transfer } from 'comlink';
import type { SegmentDb } from '../db/segment-db.ts';
import type { LoadReport } from '../protocol/scoring.ts';
import { CURRENT_TABLES, dataColumns, PREVIOUS_TABLES, SEGMENT_SCORE, type SegmentColumnDef } from '../segment/columns.ts';
import type { Scenario } from '../engine/index.ts';
import { runKey } from '../systems/run-key.ts';
import { checkSegmentExpression, type SegmentError } from '../segment/expression.ts';
import type { SegmentFacets } from '../segment/facets.ts';
import { selectSegment } from '../segment/run.ts';
import type { Workbench } from './workbench.svelte.ts';

/** Where the time of one apply went (ms): the table handed to DuckDB (0 when held), the condition's queries, the rows to the scoring worker. */
export interface SegmentTimings {
  tableMs: number;
  queryMs: number;
  handOverMs: number;
}

/** Two ascending row lists hold the same rows. */
function sameRows(a: Uint32Array | null, b: Uint32Array): boolean {
  if (!a || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The active condition on the comparison year (SegmentState.previousSegment). */
export type PreviousSegment = { ok: true; id: number; count: number } | { ok: false; error: SegmentError };

/** Columns added per background step (see SegmentState.backfill). */
const BACKFILL_STEP = 8;

export interface ActiveSegmentView {
  id: number;
  /** The condition as the user wrote it. */
  text: string;
  /** The checked SQL that ran. */
  sql: string;
  count: number;
  /** The dataset it was computed for. */
  report: LoadReport;
  /** When the condition names `score`: the run key of the scenario whose scores it tested. */
  scoredFor?: string;
}

/**
 * The segment (细分范围) the user defines by a SQL condition: checked, run in the locked segment
 * database, then held by the scoring worker as a row mask that the ranking query names by id.
 * A new dataset drops the rows (they are row indices) and the condition runs again on it.
 */
export class SegmentState {
  text = $state('');
  active = $state.raw<ActiveSegmentView | null>(null);
  error = $state.raw<SegmentError | null>(null);
  busy = $state(false);
  /** The columns a condition may name on the current dataset (the checker's list; the hint's). */
  columns = $state.raw<SegmentColumnDef[]>([]);
  /** Milliseconds of the last apply, condition → ranking page requested, and its parts (bench:segment reads them). */
  lastMs = $state(0);
  timings = $state.raw<SegmentTimings | null>(null);
  /** The field filters' values for the current dataset (loaded when the filters are first opened). */
  facets = $state.raw<SegmentFacets | null>(null);
  private facetsFor: LoadReport | null = null;
  private nextId = 1;
  private tableFor: LoadReport | null = null;
  private columnsFor: LoadReport | null = null;
  /** The columns the table in the segment database holds. */
  private loaded = new Set<string>();
  private loads = 0;

  constructor(
    private readonly workbench: Workbench,
    private readonly db: SegmentDb,
  ) {}

  /**
   * Runs `text` on the current dataset; false (with `error` set) when it is refused. Applies run
   * one after another: each may change the table the next one queries.
   */
  apply(text: string = this.text): Promise<boolean> {
    const run = this.enqueue(() => this.applyNow(text, false));
    void run.then((ok) => {
      if (ok) void this.backfill();
    });
    return run;
  }

  private queue: Promise<void> = Promise.resolve();

  private enqueue<T>(job: () => Promise<T>): Promise<T> {
    const run = this.queue.then(job);
    this.queue = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  /** True once the table holds every column (later conditions then never wait for one). */
  complete = $state(false);
  private backfilling = false;

  /**
   * After the first condition, the columns no condition has named yet are added in the
   * background, BACKFILL_STEP at a time through the same queue, so an apply waits for one step at
   * most and, once all are held, a change is only its queries.
   */
  private async backfill(): Promise<void> {
    if (this.backfilling) return;
    this.backfilling = true;
    try {
      for (;;) {
        const report = this.workbench.report;
        // A few columns per step: each step copies the table once (DuckDB has no cheap ADD COLUMN
        // from Arrow), so one column per step would copy it ~40 times at 1M rows.
        const next = dataColumns(this.columns)
          .filter((c) => !this.loaded.has(c.id))
          .slice(0, BACKFILL_STEP);
        if (!next.length || this.tableFor !== report || this.db.key === null) break;
        await this.enqueue(async () => {
          const ids = next.map((c) => c.id).filter((id) => !this.loaded.has(id));
          if (this.tableFor !== this.workbench.report || !ids.length || this.db.key === null) return;
          await this.db.addColumns(await this.workbench.scoring.segmentTable(ids));
          for (const id of ids) this.loaded.add(id);
        });
      }
      this.complete = this.tableFor === this.workbench.report && dataColumns(this.columns).every((c) => this.loaded.has(c.id));
    } catch {
      // A column that cannot be added now is added when a condition names it.
    } finally {
      this.backfilling = false;
    }
  }

  private rescoring = false;

  /**
   * The scenario changed: a condition that names `score` selected its rows by the old scores, so
   * it runs again on the new ones (the field's text and the ranking page are left as they are).
   * A burst of changes (a weight being dragged) runs it once for the last scenario, not per step.
   */
  scenarioChanged(): void {
    const a = this.active;
    if (!a?.scoredFor || this.rescoring || a.scoredFor === runKey(this.workbench.scenario)) return;
    this.rescoring = true;
    void this.enqueue(async () => {
      this.rescoring = false;
      const now = this.active;
      if (now?.scoredFor && now.scoredFor !== runKey(this.workbench.scenario)) await this.applyNow(now.text, true);
    });
  }

  private async applyNow(text: string, rescore: boolean): Promise<boolean> {
    const report = this.workbench.report;
    if (!report) return false;
    if (!rescore) this.text = text;
    if (text.trim() === '') {
      await this.clear();
      return true;
    }
    this.busy = true;
    const t0 = performance.now();
    try {
      if (this.columnsFor !== report) {
        this.columns = await this.workbench.scoring.segmentColumns();
        this.columnsFor = report;
        this.loaded = new Set();
        this.complete = false;
      }
      // The table holds the columns conditions have named so far (and what the background has
      // added); a condition naming another adds it first. The first condition on 1M rows thus moves
      // only its own columns into DuckDB.
      const check = checkSegmentExpression(text, this.columns);
      let scoredFor: string | undefined;
      if (check.ok) {
        const own = dataColumns(check.columns);
        if (this.tableFor !== report || this.db.key === null) {
          await this.db.load(String(++this.loads), await this.workbench.scoring.segmentTable(own));
          this.loaded = new Set(own);
          this.complete = false;
          this.tableFor = report;
        } else {
          const missing = own.filter((c) => !this.loaded.has(c));
          if (missing.length) {
            await this.db.addColumns(await this.workbench.scoring.segmentTable(missing));
            for (const c of missing) this.loaded.add(c);
          }
        }
        if (check.columns.includes(SEGMENT_SCORE)) {
          const scenario = $state.snapshot(this.workbench.scenario);
          await this.db.loadTable(CURRENT_TABLES.score, await this.workbench.scoring.segmentScores(scenario));
          scoredFor = runKey(scenario);
        }
      }
      const t1 = performance.now();
      const sel = await selectSegment(this.db, text, this.columns);
      const t2 = performance.now();
      if (this.workbench.report !== report) return false; // another dataset arrived meanwhile
      if (!sel.ok) {
        if (rescore) await this.rescoreFailed(text, sel.error);
        else this.error = sel.error;
        return false;
      }
      const prevActive = this.active;
      // Re-applied on new scores and the same rows: the segment (and every result held for its id) stays as it is.
      if (rescore && prevActive?.text === text && sameRows(this.activeRows, sel.rows)) {
        this.active = { ...prevActive, ...(scoredFor ? { scoredFor } : {}) };
        return true;
      }
      const id = this.nextId++;
      const count = sel.rows.length;
      this.activeRows = scoredFor ? sel.rows.slice() : null;
      await this.workbench.scoring.setSegment(transfer({ id, rows: sel.rows }, [sel.rows.buffer as ArrayBuffer]));
      // A re-apply leaves the field's message alone when the field holds another condition than the active one.
      if (!rescore || this.text === text) this.error = null;
      this.active = { id, text, sql: sel.sql, count, report, ...(scoredFor ? { scoredFor } : {}) };
      this.workbench.setQuery({ ...this.workbench.query, segment: id, offset: rescore ? this.workbench.query.offset : 0 });
      const t3 = performance.now();
      this.lastMs = t3 - t0;
      this.timings = { tableMs: t1 - t0, queryMs: t2 - t1, handOverMs: t3 - t2 };
      return true;
    } catch (e) {
      const m = e instanceof Error ? e.message : String(e);
      const error: SegmentError = { code: 'duckdb', at: -1, zh: `细分条件无法执行：${m}`, en: `The segment condition could not run: ${m}` };
      if (rescore) await this.rescoreFailed(text, error);
      else this.error = error;
      return false;
    } finally {
      this.busy = false;
    }
  }

  /** The rows of the active segment when it tests `score` (a re-apply compares its new rows with them). */
  private activeRows: Uint32Array | null = null;

  /**
   * A score segment could not be selected again on the new scores: its rows belong to the old
   * ones, so it is cleared (never left on screen under "scores of the current scenario"), and the
   * field says why.
   */
  private async rescoreFailed(text: string, why: SegmentError): Promise<void> {
    await this.clear();
    this.error = {
      ...why,
      at: -1,
      zh: `细分条件“${text}”无法按新的得分重新筛选，已清除细分范围：${why.zh}`,
      en: `The segment condition “${text}” could not select again by the new scores and was cleared: ${why.en}`,
    };
  }

  /** The comparison year's answer for the active condition (年度对比), and what it was computed for. */
  private prev: { key: string; report: LoadReport; result: PreviousSegment } | null = null;
  private prevTable: { report: LoadReport; loaded: Set<string> } | null = null;

  /**
   * The active condition run on the comparison year's own data (年度对比 draws each year's list
   * within each year's segment): checked against that year's columns, run in the same locked
   * database over its own tables, and held by the scoring worker under a fresh id. `score` there
   * is last year's score as the comparison scores it. Null when no segment is active.
   */
  previousSegment(prevReport: LoadReport, scenario: Scenario): Promise<PreviousSegment | null> {
    const a = this.active;
    if (!a) return Promise.resolve(null);
    const key = `${a.id}:${a.scoredFor ? runKey(scenario) : ''}`;
    const cached = () => (this.prev && this.prev.key === key && this.prev.report === prevReport ? this.prev.result : null);
    // A page, order or search of the comparison asks again: answered without waiting behind applies.
    const hit = cached();
    if (hit) return Promise.resolve(hit);
    return this.enqueue(async () => {
      const again = cached();
      if (again) return again;
      const scoring = this.workbench.scoring;
      const columns = await scoring.previousSegmentColumns();
      const check = checkSegmentExpression(a.text, columns);
      let result: PreviousSegment;
      if (!check.ok) result = { ok: false, error: check.error };
      else {
        const own = dataColumns(check.columns);
        const held = this.prevTable?.report === prevReport ? this.prevTable.loaded : new Set<string>();
        if (this.prevTable?.report !== prevReport || own.some((c) => !held.has(c))) {
          const ids = [...new Set([...held, ...own])];
          this.prevTable = null; // until the new table is in: a failed load must not look loaded
          await this.db.loadTable(PREVIOUS_TABLES.rows, await scoring.previousSegmentTable(ids));
          this.prevTable = { report: prevReport, loaded: new Set(ids) };
        }
        if (check.columns.includes(SEGMENT_SCORE)) await this.db.loadTable(PREVIOUS_TABLES.score, await scoring.previousSegmentScores(scenario));
        const sel = await selectSegment(this.db, a.text, columns, PREVIOUS_TABLES);
        if (!sel.ok) result = { ok: false, error: sel.error };
        else {
          const id = this.nextId++;
          const count = sel.rows.length;
          await scoring.setPreviousSegment(transfer({ id, rows: sel.rows }, [sel.rows.buffer as ArrayBuffer]));
          result = { ok: true, id, count };
        }
      }
      // A refusal of the condition itself is kept (asking again gives it again); DuckDB's failures are tried again.
      this.prev = result.ok || result.error.code !== 'duckdb' ? { key, report: prevReport, result } : null;
      return result;
    });
  }

  /** Whether the active segment belongs to the data set on screen (just after a switch it does not, until it runs again). */
  isCurrent(a: ActiveSegmentView): boolean {
    return a.report === this.workbench.report;
  }

  /** The comparison year was removed: its tables and answers go too. */
  dropPrevious(): Promise<void> {
    this.prev = null;
    this.prevTable = null;
    return this.enqueue(() => this.db.dropTables([PREVIOUS_TABLES.rows, PREVIOUS_TABLES.score]));
  }

  /** Loads the field filters' values once per dataset. */
  async loadFacets(): Promise<void> {
    const report = this.workbench.report;
    if (!report || this.facetsFor === report) return;
    this.facetsFor = report;
    const facets = await this.workbench.scoring.segmentFacets();
    if (this.workbench.report === report) this.facets = facets;
  }

  async clear(): Promise<void> {
    this.active = null;
    this.activeRows = null;
    this.error = null;
    if (!this.workbench.report) return;
    await this.workbench.scoring.setSegment(null);
    const { segment: _old, ...query } = this.workbench.query;
    this.workbench.setQuery({ ...query, offset: 0 });
  }

  /** After a dataset change: the held rows belong to the old one; run the condition again. */
  datasetChanged(report: LoadReport | null): void {
    // A condition that failed on the last dataset (a column it lacked) is tried on the new one too.
    if (this.facetsFor !== report) {
      this.facets = null;
      this.facetsFor = null;
    }
    if (this.active ? this.active.report === report : !this.error || this.tableFor === report) return;
    this.active = null;
    if (report && this.text.trim()) void this.apply(this.text);
  }
}
