import type { Remote } from 'comlink';
import type { Scenario } from '../engine/index.ts';
import type { IndicatorSystem } from '../engine/types.ts';
import { getSystem } from '../systems/index.ts';
import type { Connector } from '../db/connector.ts';
import type { LoadReport, RankingPage, RankingQuery, ScoreStats, ScoringApi, UpdateRequest, UpdateResult } from '../protocol/scoring.ts';
import { LatestRequest } from './latest-request.ts';
import { loadDemo, type LoadTimings } from './load-dataset.ts';
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
  readonly system: IndicatorSystem = $derived(getSystem(this.scenario.systemId) ?? (getSystem(DEFAULT_SYSTEM_ID) as IndicatorSystem));

  private readonly updates: LatestRequest<Omit<UpdateRequest, 'gen'>, UpdateResult>;
  private sentAt = new Map<number, number>();

  constructor(
    private readonly db: Connector,
    readonly scoring: Remote<ScoringApi>,
  ) {
    this.updates = new LatestRequest<Omit<UpdateRequest, 'gen'>, UpdateResult>(
      (req, gen) => {
        this.sentAt.set(gen, performance.now());
        return this.scoring.update({ ...req, gen });
      },
      (res, gen) => this.apply(res, gen),
      (err) => this.fail(err),
    );
  }

  async loadDemo(rows: number): Promise<void> {
    try {
      this.phase = 'generating';
      this.error = null;
      const { report, timings } = await loadDemo(this.db, this.scoring, rows, (p) => (this.phase = p));
      this.report = report;
      this.timings = timings;
      this.query = { ...DEFAULT_QUERY };
      this.refresh();
    } catch (err) {
      this.fail(err);
    }
  }

  /**
   * Loads a dataset prepared elsewhere (the importer's file, through the same scoring worker):
   * `load` resolves to the worker's report; a failure is shown like any other.
   */
  async loadWith(load: () => Promise<LoadReport>): Promise<boolean> {
    try {
      this.phase = 'reading';
      this.error = null;
      this.report = await load();
      this.timings = null;
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
