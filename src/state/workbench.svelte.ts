import type { Remote } from 'comlink';
import type { Scenario } from '../engine/index.ts';
import type { IndicatorSystem } from '../engine/types.ts';
import { getSystem } from '../systems/index.ts';
import type { LoadReport, LoadTimings, RankingPage, RankingQuery, ScoreStats, ScoringApi, UpdateRequest, UpdateResult } from '../protocol/scoring.ts';
import { LatestRequest } from './latest-request.ts';
import { DEFAULT_QUERY } from './ranking-query.ts';

export type Phase = 'idle' | 'generating' | 'reading' | 'scoring' | 'ready' | 'error';

export const DEFAULT_SYSTEM_ID = 'sichuan-2024';

/**
 * The workbench's reactive state: the loaded dataset's report, the scenario and ranking query the
 * user edits, and the worker's latest small results. Large results never reach this thread; the
 * ones that do are replaced whole (`$state.raw`), never mutated.
 */
export class Workbench {
  phase = $state<Phase>('idle');
  error = $state<string | null>(null);
  report = $state.raw<LoadReport | null>(null);
  timings = $state.raw<LoadTimings | null>(null);
  stats = $state.raw<ScoreStats | null>(null);
  page = $state.raw<RankingPage | null>(null);
  scenario = $state.raw<Scenario>({ version: 1, systemId: DEFAULT_SYSTEM_ID });
  query = $state.raw<RankingQuery>(DEFAULT_QUERY);
  /** Generation of the last applied worker answer (the e2e tests and the benchmark wait on it). */
  appliedGen = $state(0);
  /** Increments whenever the scores change (a re-score, not just another page). */
  scoreVersion = $state(0);
  /** Milliseconds from the request to the answer of the last update. */
  lastUpdateMs = $state(0);
  /**
   * The scenario the shown `stats` and `page` were computed for. While a re-score is under way it
   * still names the previous scenario, so a view that must not mislabel numbers (presenter mode)
   * can tell its numbers are not yet those of `scenario`.
   */
  scoredScenario = $state.raw<Scenario | null>(null);
  /** Bumped when a custom system changes under its id (the registry itself is not reactive). */
  private systemsVersion = $state(0);
  readonly system: IndicatorSystem = $derived.by(() => {
    void this.systemsVersion;
    return getSystem(this.scenario.systemId) ?? (getSystem(DEFAULT_SYSTEM_ID) as IndicatorSystem);
  });

  private readonly updates: LatestRequest<Omit<UpdateRequest, 'gen'>, UpdateResult>;
  private sentAt = new Map<number, number>();
  private sentScenario = new Map<number, Scenario>();

  constructor(readonly scoring: Remote<ScoringApi>) {
    this.updates = new LatestRequest<Omit<UpdateRequest, 'gen'>, UpdateResult>(
      (req, gen) => {
        this.sentAt.set(gen, performance.now());
        this.sentScenario.set(gen, req.scenario);
        return this.scoring.update({ ...req, gen });
      },
      (res, gen) => this.apply(res, gen),
      (err) => this.fail(err),
    );
  }

  /** The demo, generated and built in the scoring worker: it never waits for DuckDB. */
  async loadDemo(rows: number): Promise<void> {
    this.phase = 'generating';
    // The worker's steps happen within the wait: the total is the wait as the page sees it.
    await this.loadWith(
      () => this.scoring.loadDemo({ rows }),
      (report, waited) => ({ totalMs: waited, steps: report.timings.steps }),
    );
  }

  /**
   * Loads a dataset (the demo, or the importer's file handed over by the import worker): `load`
   * resolves to the worker's report; a failure is shown like any other. By default 载入用时 is
   * the report's steps (reading, DuckDB, validation) plus the wait for the scoring worker.
   */
  async loadWith(
    load: () => Promise<LoadReport>,
    timings = (report: LoadReport, waited: number): LoadTimings => ({
      totalMs: report.timings.totalMs + waited,
      steps: [...report.timings.steps, { label: { zh: '交给评分线程', en: 'hand over to scoring' }, ms: waited }],
    }),
  ): Promise<boolean> {
    try {
      if (this.phase !== 'generating') this.phase = 'reading';
      this.error = null;
      const t0 = performance.now();
      const report = await load();
      this.report = report;
      this.timings = timings(report, performance.now() - t0);
      this.query = { ...DEFAULT_QUERY };
      this.refresh();
      return true;
    } catch (err) {
      this.fail(err);
      return false;
    }
  }

  setScenario(scenario: Scenario): void {
    // Another system has other stages: a stage filter by index would no longer mean the same.
    if (scenario.systemId !== this.scenario.systemId) this.query = { ...this.query, stage: -1, offset: 0 };
    this.scenario = scenario;
    this.refresh();
  }

  /**
   * A custom system was saved or removed: `scenario` (the system's default weights, since indicators
   * may have come or gone) becomes current and is scored again (the worker's cache keys carry the
   * registry's epoch, so the same JSON is not mistaken for the old run).
   */
  systemsChanged(scenario: Scenario): void {
    this.systemsVersion++;
    this.setScenario(scenario);
  }

  setQuery(query: RankingQuery): void {
    this.query = query;
    this.refresh();
  }

  private refresh(): void {
    if (!this.report) return;
    // $state.raw values are plain objects; a snapshot keeps proxies out of postMessage anyway.
    this.updates.push({ scenario: $state.snapshot(this.scenario), query: $state.snapshot(this.query) });
  }

  private apply(res: UpdateResult, gen: number): void {
    const sent = this.sentAt.get(gen);
    this.sentAt.clear();
    if (sent !== undefined) this.lastUpdateMs = performance.now() - sent;
    // An answer without stats means the scenario did not change since the previous answer.
    this.scoredScenario = this.sentScenario.get(gen) ?? this.scoredScenario;
    this.sentScenario.clear();
    if (res.stats) {
      this.stats = res.stats;
      this.scoreVersion++;
    }
    this.page = res.page;
    this.appliedGen = gen;
    if (this.phase !== 'ready') this.phase = 'ready';
  }

  private fail(err: unknown): void {
    console.error(err);
    this.error = err instanceof Error ? err.message : String(err);
    this.phase = 'error';
  }
}
