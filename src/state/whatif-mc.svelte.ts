import type { Remote } from 'comlink';
import { NORMALIZATION_METHODS, type Scenario } from '../engine/index.ts';
import type { ListRule } from '../whatif/lists/index.ts';
import { rowInterval, topIntervals, type McConfig, type McSummary, type RankInterval } from '../whatif/mc/index.ts';
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
  topN: number;
  ms: number;
  workers: number;
  resolution: number;
}

/** A fresh seed for the settings form (shown and editable: a run is reproducible from it). */
export function randomSeed(): number {
  return (Math.random() * 0x7fffffff) | 0;
}

/** The Monte Carlo config the form describes (src/whatif/mc/config.ts). */
export function mcConfig(f: { samples: number; mode: 'perturb' | 'simplex'; spread: number; topN: number; sampleMethods: boolean }, list: ListRule | undefined): McConfig {
  return {
    samples: f.samples,
    weights: f.mode === 'perturb' ? { mode: 'perturb', spread: f.spread } : { mode: 'simplex' },
    topN: [f.topN],
    ...(list ? { list } : {}),
    ...(f.sampleMethods ? { methods: [...NORMALIZATION_METHODS] } : {}),
  };
}

/**
 * The Monte Carlo rank-uncertainty run: the population comes from the scoring worker (copied once
 * per run, transferred), a pool of workers (one per core, src/whatif/pool) draws the samples and
 * streams progress; Cancel keeps the samples done so far. The same seed gives the same numbers.
 */
export class MonteCarloState {
  samples = $state(200);
  mode = $state<'perturb' | 'simplex'>('perturb');
  spread = $state(0.2);
  topN = $state(10);
  seed = $state(20240601);
  sampleMethods = $state(false);
  running = $state(false);
  done = $state(0);
  total = $state(0);
  error = $state<string | null>(null);
  outcome = $state.raw<McOutcome | null>(null);
  /** The last run's per-enterprise summary (typed arrays; replaced whole), for the profile. */
  summary = $state.raw<McSummary | null>(null);
  private pool: ReturnType<typeof createBrowserPool> | null = null;
  private abort: AbortController | null = null;

  constructor(private readonly scoring: Remote<ScoringApi>) {}

  async run(scenario: Scenario, list: ListRule | undefined, chartRows = 30): Promise<void> {
    if (this.running) return;
    this.running = true;
    this.error = null;
    this.done = 0;
    this.total = this.samples;
    const abort = (this.abort = new AbortController());
    try {
      const config = mcConfig({ samples: this.samples, mode: this.mode, spread: this.spread, topN: this.topN, sampleMethods: this.sampleMethods }, list);
      const seed = this.seed;
      const data = await this.scoring.mcData(scenario);
      this.pool ??= createBrowserPool();
      const { pool } = this.pool;
      await pool.load(data.load);
      if (abort.signal.aborted) return;
      const res = await pool.run(data.run, config, seed, { signal: abort.signal, onProgress: (d) => (this.done = d) });
      this.done = res.done;
      this.summary = res.summary;
      const top = topIntervals(res.summary, data.rank0, Math.max(chartRows, 50));
      const info = new Map((await this.scoring.rowInfo(top.map((t) => t.row))).map((r) => [r.row, r.name]));
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
        ms: res.ms,
        workers: pool.workers.length,
        resolution: res.summary.resolution,
      };
    } catch (err) {
      this.error = err instanceof Error ? err.message : String(err);
    } finally {
      this.running = false;
      this.abort = null;
    }
  }

  /** One enterprise's rank interval from the last run, or null before any run. */
  intervalOf(row: number): RankInterval | null {
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
