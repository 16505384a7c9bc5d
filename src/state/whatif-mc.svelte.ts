import { transfer, type Remote } from 'comlink';
import type { Scenario } from '../engine/index.ts';
import { mcConfig, mcExportNotes, MC_DEFAULTS } from '../whatif/mc/run-config.ts';
import { DEFAULT_LIST_RULE, type ListRule } from '../whatif/lists/index.ts';
import { listPlaces, rowInterval, topIntervals, type McSortKey, type McSummary, type RankInterval } from '../whatif/mc/index.ts';
import type { McTablePage, McTableQuery, SegmentRef } from '../protocol/whatif.ts';
import { Job } from './job.svelte.ts';
import type { Lang } from '../i18n/lang.ts';
import { downloadBytes, exportMoment, MIME } from './whatif-lists.svelte.ts';
import { createBrowserPool } from '../whatif/pool/browser-pool.ts';
import type { ScoringApi } from '../protocol/scoring.ts';

export interface McRow {
  row: number;
  name: string;
  rank0: number;
  median: number;
  p05: number;
  p95: number;
  pTop: number;
  pList: number | null;
  exact: boolean;
}

export interface McOutcome {
  rows: McRow[];
  samples: number;
  requested: number;
  cancelled: boolean;
  seed: number;
  /** The list's N (listPlaces): the one N of the view, the top-N of the profile's probability. */
  topN: number;
  /** The list rule of the run (the table's probability is of being on this list). */
  rule: ListRule | null;
  /** The segment the run ranked within (its condition), or null for all enterprises. */
  segment: SegmentRef | null;
  /** How the run drew its weights (the form may have changed since: the export names the run's). */
  mode: 'perturb' | 'simplex';
  spread: number;
  ms: number;
  workers: number;
  resolution: number;
}

/** A fresh seed for the settings form (shown and editable: a run is reproducible from it). */
export function randomSeed(): number {
  return (Math.random() * 0x7fffffff) | 0;
}

/**
 * The Monte Carlo rank-uncertainty run: the population comes from the scoring worker (copied once
 * per run, transferred), a pool of workers (one per core, src/whatif/pool) draws the samples and
 * streams progress; Cancel keeps the samples done so far. The same seed gives the same numbers.
 */
export class MonteCarloState {
  samples = $state(MC_DEFAULTS.samples);
  mode = $state<'perturb' | 'simplex'>('perturb');
  spread = $state(MC_DEFAULTS.spread);
  /** Set from the list rule at each run (listPlaces), never typed: one N per view. */
  topN = $state(100);
  seed = $state(MC_DEFAULTS.seed);
  sampleMethods = $state(false);
  running = $state(false);
  done = $state(0);
  total = $state(0);
  error = $state<string | null>(null);
  outcome = $state.raw<McOutcome | null>(null);
  /** The last run's per-enterprise summary (typed arrays; replaced whole), for the profile. */
  summary = $state.raw<McSummary | null>(null);
  /** The table of every enterprise's probability of being on the list, paged by the scoring worker. */
  query = $state<Omit<McTableQuery, 'search'> & { search: string }>({ offset: 0, limit: 50, sort: 'pList', reverse: false, search: '' });
  readonly table: Job<McTableQuery, McTablePage>;
  exporting = $state(false);
  exportError = $state<string | null>(null);
  private pool: ReturnType<typeof createBrowserPool> | null = null;
  /** The last run's scenario ranks (within its segment: 0 outside). */
  private rank0: Int32Array | null = null;
  private abort: AbortController | null = null;

  constructor(private readonly scoring: Remote<ScoringApi>) {
    this.table = new Job((q) => scoring.mcTablePage(q));
  }

  /** Fetches the table page the query describes (after a run). */
  refreshTable(): Promise<void> {
    return this.table.run($state.snapshot(this.query));
  }

  setSort(sort: McSortKey, reverse = false): void {
    this.query = { ...this.query, sort, reverse, offset: 0 };
  }

  /** The whole table in the current order and search as a file, with the run's 方案说明. */
  async exportTable(format: 'csv' | 'xlsx', names: { scenarioName: string; datasetName: string }, lang: Lang = 'zh'): Promise<void> {
    const out = this.outcome;
    if (!out) return;
    this.exporting = true;
    this.exportError = null;
    try {
      const now = exportMoment();
      const q = $state.snapshot(this.query);
      const notes = mcExportNotes(
        {
          ...names,
          rule: out.rule ?? DEFAULT_LIST_RULE,
          mode: out.mode,
          spread: out.spread,
          sort: q.sort,
          reverse: q.reverse,
          samples: out.samples,
          requested: out.requested,
          seed: out.seed,
          topN: out.topN,
          search: q.search,
          ...(out.segment ? { segment: out.segment.condition } : {}),
          exportedAt: now.text,
        },
        lang,
      );
      const bytes = await this.scoring.mcTableExport({ format, sort: q.sort, reverse: q.reverse, search: q.search, lang, notes });
      downloadBytes(bytes, `蒙特卡洛-入选概率-${now.date}.${format}`, MIME[format]);
    } catch (err) {
      this.exportError = err instanceof Error ? err.message : String(err);
    } finally {
      this.exporting = false;
    }
  }

  /** A run of `scenario`; with a segment, ranks are within it and the list is drawn from it. */
  async run(scenario: Scenario, list: ListRule | undefined, chartRows = 30, segment?: SegmentRef): Promise<void> {
    if (this.running) return;
    this.running = true;
    this.error = null;
    this.done = 0;
    this.total = this.samples;
    const abort = (this.abort = new AbortController());
    try {
      // One N: the list rule's (a top-n's n, else the list's size under the scenario).
      const listed =
        list && list.kind !== 'top-n' ? (await this.scoring.listPage({ scenario, rule: list, offset: 0, limit: 0, relending: false, ...(segment ? { segment } : {}) })).total : 0;
      this.topN = list ? listPlaces(list, listed) : this.topN;
      const config = mcConfig({ samples: this.samples, mode: this.mode, spread: this.spread, topN: this.topN, sampleMethods: this.sampleMethods }, list);
      const seed = this.seed;
      const data = await this.scoring.mcData(scenario, segment);
      const { pool } = this.sharedPool();
      await pool.load(data.load);
      if (abort.signal.aborted) return;
      const res = await pool.run(data.run, config, seed, { signal: abort.signal, onProgress: (d) => (this.done = d) });
      this.done = res.done;
      const top = topIntervals(res.summary, data.rank0, Math.max(chartRows, 50));
      const info = new Map((await this.scoring.rowInfo(top.map((t) => t.row))).map((r) => [r.row, r.name]));
      // Every row's results go to the scoring worker (copies: the profile keeps the summary), which
      // pages, sorts and searches them with the names it holds.
      const sm = res.summary;
      const listCount = res.partial.listCount?.slice() ?? new Uint32Array(sm.n);
      const tableLoad = {
        scenario,
        ...(segment ? { segment } : {}),
        samples: res.done,
        listCount,
        rank0: data.rank0.slice(),
        median: sm.median.slice(),
        p05: sm.p05.slice(),
        p95: sm.p95.slice(),
        exact: sm.exact.slice(),
      };
      await this.scoring.mcTableLoad(
        transfer(tableLoad, [
          listCount.buffer,
          tableLoad.rank0.buffer,
          tableLoad.median.buffer,
          tableLoad.p05.buffer,
          tableLoad.p95.buffer,
          tableLoad.exact.buffer,
        ] as ArrayBuffer[]),
      );
      // Only once the table holds the run: a refused load (the segment changed meanwhile) leaves the last run whole.
      this.summary = res.summary;
      this.rank0 = data.rank0.slice();
      this.query = { ...this.query, offset: 0 };
      this.outcome = {
        rows: top.map((t) => ({
          row: t.row,
          name: info.get(t.row) ?? '',
          rank0: t.rank0,
          median: t.median,
          p05: t.p05,
          p95: t.p95,
          pTop: t.pTop[0],
          pList: t.pList,
          exact: t.exact,
        })),
        samples: res.done,
        requested: config.samples,
        cancelled: res.cancelled,
        seed,
        topN: this.topN,
        rule: list ?? null,
        segment: segment ?? null,
        mode: config.weights.mode,
        spread: config.weights.mode === 'perturb' ? config.weights.spread : 0,
        ms: res.ms,
        workers: pool.workers.length,
        resolution: res.summary.resolution,
      };
      await this.refreshTable();
    } catch (err) {
      this.error = err instanceof Error ? err.message : String(err);
    } finally {
      this.running = false;
      this.abort = null;
    }
  }

  /**
   * The worker pool, created on first use and shared with the Sobol view (src/state/whatif-sobol):
   * one set of workers per page, so the two analyses never compete for the cores with two pools.
   */
  sharedPool(): ReturnType<typeof createBrowserPool> {
    return (this.pool ??= createBrowserPool());
  }

  /** One enterprise's rank interval from the last run, or null before any run. */
  intervalOf(row: number): RankInterval | null {
    // Outside the run's segment a row has no sampled rank: no interval, rather than an empty one.
    if (this.outcome?.segment && this.rank0 && !(this.rank0[row] > 0)) return null;
    return this.summary && row >= 0 && row < this.summary.n ? rowInterval(this.summary, row) : null;
  }

  cancel(): void {
    this.abort?.abort();
  }

  dispose(): void {
    this.abort?.abort();
    this.pool?.dispose();
    this.pool = null;
  }
}
