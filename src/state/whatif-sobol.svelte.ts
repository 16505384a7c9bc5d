import { sobolConfig } from '../whatif/sobol/config.ts';
import type { Remote } from 'comlink';
import type { IndicatorSystem, Scenario } from '../engine/index.ts';
import type { Lang } from '../i18n/lang.ts';
import { sobolExportHeaders, sobolText } from '../i18n/sobol.ts';
import type { ScoringApi } from '../protocol/scoring.ts';
import { Latest } from '../protocol/latest.ts';
import { toCsvBytes, type ExportTable } from '../whatif/export/index.ts';
import type { ListRule } from '../whatif/lists/index.ts';
import { sobolDrawsTable, sobolEnterpriseTable, sobolIndicesTable, type SobolResult } from '../whatif/sobol/index.ts';
import { parseSamples, profileFactor, sobolOutputViews, sobolSentence, type SobolOutputView } from './sobol-view.ts';
import type { MonteCarloState } from './whatif-mc.svelte.ts';
import { downloadBytes, exportMoment, MIME } from './whatif-lists.svelte.ts';
import { runKey } from '../systems/run-key.ts';

export interface SobolOutcome {
  result: SobolResult;
  /** The system, weights `w[stage·k + i]` and spread the run perturbed (for the tables and the draws export). */
  system: IndicatorSystem;
  weights: Float64Array;
  spread: number;
  rule: ListRule | null;
  /** What the run was for: the scenario (as JSON), the list rule and the dataset's load report (by identity). */
  scenarioKey: string;
  ruleKey: string;
  dataset: unknown;
  requested: number;
  cancelled: boolean;
  seed: number;
  ms: number;
  workers: number;
}

/** A scenario as the key a run is remembered under (the workbench's object, snapshot in the same key order). */
/** A result's scenario, with the system registry's epoch: a custom system saved again makes it stale. */
export const scenarioKey = (s: Scenario): string => runKey(s);

/**
 * 情景分析 → 方差敏感性: a Sobol run of the current scenario on the Monte Carlo worker pool (one set
 * of workers for both analyses; src/whatif/pool). The weight range is Monte Carlo's (`mc.spread`),
 * never a copy. A new run replaces the one in flight (latest wins: only the newest run writes its
 * progress and result); Cancel keeps the base samples done so far. The last result stays for the
 * profile's "该企业的排名主要取决于…" while the scenario and the dataset are the ones it was run on.
 */
export class SobolState {
  samplesText = $state('64');
  seed = $state(20240601);
  running = $state(false);
  done = $state(0);
  total = $state(0);
  error = $state<string | null>(null);
  outcome = $state.raw<SobolOutcome | null>(null);
  exporting = $state(false);
  exportError = $state<string | null>(null);
  private readonly latest = new Latest();
  private abort: AbortController | null = null;

  constructor(
    private readonly scoring: Remote<ScoringApi>,
    readonly mc: MonteCarloState,
  ) {}

  /** N, or null while the field holds something that is not a valid N. */
  get samples(): number | null {
    return parseSamples(this.samplesText);
  }

  /** The Monte Carlo weight range (±x), read and written through: one setting for both views. */
  get spread(): number {
    return this.mc.spread;
  }

  set spread(v: number) {
    this.mc.spread = v;
  }

  async run(scenario: Scenario, list: ListRule | undefined, dataset: unknown): Promise<void> {
    const samples = this.samples;
    if (samples === null) return;
    const ticket = this.latest.take();
    this.abort?.abort();
    const abort = (this.abort = new AbortController());
    const seed = this.seed;
    const spread = this.spread;
    this.running = true;
    this.error = null;
    this.done = 0;
    this.total = samples;
    try {
      const data = await this.scoring.mcData(scenario);
      if (!this.latest.isNewest(ticket)) return;
      const { pool } = this.mc.sharedPool();
      await pool.load(data.load);
      if (abort.signal.aborted) return;
      const config = sobolConfig(samples, spread, list);
      const res = await pool.runSobol(data.run, config, seed, {
        signal: abort.signal,
        onProgress: (d) => {
          if (this.latest.isNewest(ticket)) this.done = d;
        },
      });
      if (!this.latest.isNewest(ticket)) return;
      this.done = res.done;
      this.outcome = {
        result: res.result,
        system: data.load.system,
        weights: data.run.weights.slice(),
        spread,
        rule: list ?? null,
        scenarioKey: scenarioKey(scenario),
        ruleKey: JSON.stringify(list ?? null),
        dataset,
        requested: samples,
        cancelled: res.cancelled,
        seed,
        ms: res.ms,
        workers: pool.workers.length,
      };
    } catch (err) {
      if (this.latest.isNewest(ticket)) this.error = err instanceof Error ? err.message : String(err);
    } finally {
      if (this.latest.isNewest(ticket)) {
        this.running = false;
        this.abort = null;
      }
    }
  }

  cancel(): void {
    this.abort?.abort();
  }

  /** True when the shown result is not of this scenario, list rule and dataset (the panel says so). */
  isStale(scenario: Scenario, list: ListRule | undefined, dataset: unknown): boolean {
    const o = this.outcome;
    return !!o && (o.scenarioKey !== scenarioKey(scenario) || o.ruleKey !== JSON.stringify(list ?? null) || o.dataset !== dataset);
  }

  /** The tables of the last result, indicators named in `lang`. */
  views(lang: Lang): SobolOutputView[] {
    const o = this.outcome;
    if (!o) return [];
    return sobolOutputViews(o.result, this.indicatorNames(lang), o.weights, o.system.stages.length);
  }

  sentence(lang: Lang): string | null {
    return this.outcome ? sobolSentence(this.views(lang), this.outcome.rule, lang) : null;
  }

  /**
   * The profile's line for enterprise `row`: its dominant weight when the last run is of this
   * scenario and dataset, `{ factor: null }` when its rank never moved, null without such a run.
   */
  profileLine(row: number | null, scenario: Scenario, dataset: unknown, lang: Lang): { name: string; S: number; ST: number } | { name: null } | null {
    const o = this.outcome;
    if (row === null || !o || o.dataset !== dataset || o.scenarioKey !== scenarioKey(scenario)) return null;
    const f = profileFactor(o.result, row);
    if (!f) return null;
    return f.factor === null ? { name: null } : { name: this.indicatorNames(lang)[f.factor], S: f.S, ST: f.ST };
  }

  private indicatorNames(lang: Lang): string[] {
    return this.outcome ? this.outcome.system.indicators.map((ind) => ind.name[lang]) : [];
  }

  exportIndices(lang: Lang): Promise<void> {
    return this.download(lang, 'fileIndices', async (o) => sobolIndicesTable(o.result, this.indicatorNames(lang), sobolExportHeaders(lang)));
  }

  /** Every enterprise's indices, with its code and name from the scoring worker (the run's dataset only). */
  exportEnterprises(lang: Lang): Promise<void> {
    return this.download(lang, 'fileEnterprises', async (o) => {
      const info = await this.scoring.rowInfo(Array.from({ length: o.result.n }, (_, r) => r));
      if (info.length !== o.result.n) throw new Error(sobolText(lang).stale);
      return sobolEnterpriseTable(
        o.result,
        info.map((r) => r.uscc),
        this.indicatorNames(lang),
        sobolExportHeaders(lang),
        info.map((r) => r.name),
      );
    });
  }

  exportDraws(lang: Lang): Promise<void> {
    return this.download(lang, 'fileDraws', async (o) =>
      sobolDrawsTable(
        o.result,
        o.weights,
        o.spread,
        o.system.stages.map((s) => s.name[lang]),
        this.indicatorNames(lang),
        sobolExportHeaders(lang),
      ),
    );
  }

  private async download(lang: Lang, file: 'fileIndices' | 'fileEnterprises' | 'fileDraws', build: (o: SobolOutcome) => Promise<ExportTable>): Promise<void> {
    const o = this.outcome;
    if (!o) return;
    this.exporting = true;
    this.exportError = null;
    try {
      const bytes = toCsvBytes(await build(o));
      downloadBytes(bytes, `${sobolText(lang)[file]}-${exportMoment().date}.csv`, MIME.csv);
    } catch (err) {
      this.exportError = err instanceof Error ? err.message : String(err);
    } finally {
      this.exporting = false;
    }
  }

  dispose(): void {
    this.latest.invalidate();
    this.abort?.abort();
  }
}
