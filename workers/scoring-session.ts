import {
  scenarioToggles,
  assignStages,
  effectiveWeights,
  prepare,
  rescore,
  resolveNormalization,
  resolveStages,
  type IndicatorSystem,
  type Prepared,
  type Scenario,
  type ScoreResult,
  type Toggles,
} from '../src/engine/index.ts';
import { getSystem } from '../src/systems/index.ts';
import { scenarioAsOf, type Dataset } from './dataset.ts';

/** One scoring run: a prepared population under one scenario, and its result. */
export interface Run {
  system: IndicatorSystem;
  prepared: Prepared;
  weights: Float64Array;
  toggles: Toggles;
  result: ScoreResult;
}

/**
 * The worker's scoring state for one dataset. `prepare` (sort, quantiles, s-matrix) runs only
 * when the system, the stage cut-offs, the as-of date or the normalisation change; a weight or
 * toggle change is a `rescore` into the previous result's buffers. The baseline run (the system's
 * published weights, `{ version: 1, systemId }`) is kept for Δrank and shares the prepared matrix
 * when the scenario prepares the same way.
 */
export class ScoringSession {
  private preparedCache = new Map<string, Prepared>();
  private baselineRun: Run | null = null;
  private currentRun: Run | null = null;
  private scenarioKey = '';

  constructor(private readonly ds: Dataset) {}

  get current(): Run | null {
    return this.currentRun;
  }

  get baseline(): Run | null {
    return this.baselineRun;
  }

  /** Applies a scenario; false when nothing changed (same JSON as the previous one). */
  setScenario(scenario: Scenario): boolean {
    const key = JSON.stringify(scenario);
    if (key === this.scenarioKey && this.currentRun) return false;
    const system = getSystem(scenario.systemId);
    if (!system) throw new Error(`unknown indicator system "${scenario.systemId}"`);
    if (this.baselineRun?.system.id !== system.id) {
      this.preparedCache.clear();
      this.currentRun = null;
      this.baselineRun = this.run(system, { version: 1, systemId: system.id }, undefined);
    }
    const reuse = this.currentRun && this.currentRun.result !== this.baselineRun?.result ? this.currentRun.result : undefined;
    this.currentRun = this.run(system, scenario, reuse);
    this.scenarioKey = key;
    return true;
  }

  private run(system: IndicatorSystem, scenario: Scenario, reuse: ScoreResult | undefined): Run {
    const prepared = this.prepared(system, scenario);
    const weights = effectiveWeights(system, scenario);
    const toggles = scenarioToggles(system, scenario);
    const out = reuse && reuse.base.length === prepared.n ? reuse : undefined;
    return { system, prepared, weights, toggles, result: rescore(prepared, weights, toggles, out) };
  }

  private prepared(system: IndicatorSystem, scenario: Scenario): Prepared {
    const { engine } = this.ds;
    const asOfDays = scenarioAsOf(this.ds, scenario);
    const stages = resolveStages(system, scenario);
    const normalization = resolveNormalization(scenario);
    const key = JSON.stringify([system.id, asOfDays, stages.map((s) => s.maxAgeYears ?? null), normalization]);
    let p = this.preparedCache.get(key);
    if (!p) {
      const stage = assignStages(engine.regDays, asOfDays, stages);
      p = prepare({ system, columns: engine.columns, n: engine.n, stage, normalization });
      // Keep the baseline's matrix and the latest one: at most two s-matrices in memory.
      if (this.preparedCache.size >= 2) {
        const baseKey = this.baselineRun ? [...this.preparedCache].find(([, v]) => v === this.baselineRun?.prepared)?.[0] : undefined;
        for (const k of [...this.preparedCache.keys()]) if (k !== baseKey) this.preparedCache.delete(k);
      }
      this.preparedCache.set(key, p);
    }
    return p;
  }
}
