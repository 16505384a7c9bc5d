import { bilingualError } from '../src/import/errors.ts';
import { baselineScenario, PreparedCache, scoreScenario, type IndicatorSystem, type Population, type Run, type Scenario } from '../src/engine/index.ts';
import { getSystem } from '../src/systems/index.ts';
import { runKey } from '../src/systems/run-key.ts';

/** Runs kept for comparisons and lists besides the current and baseline ones (the UI asks again for the same A/B). */
const KEPT_RUNS = 4;

/**
 * The worker's scoring state for one population: the current run (what the ranking shows), the
 * baseline run (the system's published weights, for Δrank) and the last few runs that comparisons
 * and lists asked for. Every run goes through `scoreScenario` with one prepared-matrix cache, so a
 * weight or toggle change is a rescore into the previous result's buffers, and comparing two
 * weight sets prepares nothing new.
 */
export class ScoringSession {
  private readonly cache = new PreparedCache(2);
  private readonly kept = new Map<string, Run>();
  private baselineRun: Run | null = null;
  private currentRun: Run | null = null;
  private currentKey = '';

  constructor(readonly population: Population) {}

  get current(): Run | null {
    return this.currentRun;
  }

  get baseline(): Run | null {
    return this.baselineRun;
  }

  /** Makes `scenario` the current one; false when nothing changed (same JSON as before). */
  setScenario(scenario: Scenario): boolean {
    const key = runKey(scenario);
    if (key === this.currentKey && this.currentRun) return false;
    const system = this.systemFor(scenario);
    const previous = this.currentRun;
    // The previous current result is overwritten in place unless someone else holds it.
    const reuse = previous && previous.system === system && previous.result !== this.baselineRun?.result ? previous.result : undefined;
    this.currentRun = scoreScenario(this.population, system, scenario, { cache: this.cache, ...(reuse ? { reuse } : {}) });
    this.currentKey = key;
    return true;
  }

  /** Scores any scenario (A or B of a comparison, a list's scenario) without changing the current one. */
  score(scenario: Scenario): Run {
    const key = runKey(scenario);
    if (key === this.currentKey && this.currentRun) return this.currentRun;
    const system = this.systemFor(scenario);
    const hit = this.kept.get(key);
    if (hit) {
      this.kept.delete(key);
      this.kept.set(key, hit);
      return hit;
    }
    const run = scoreScenario(this.population, system, scenario, { cache: this.cache });
    this.kept.set(key, run);
    while (this.kept.size > KEPT_RUNS) this.kept.delete(this.kept.keys().next().value!);
    return run;
  }

  /** The scenario's system; a new system starts afresh with its baseline run (pinned in the cache). */
  private systemFor(scenario: Scenario): IndicatorSystem {
    const system = getSystem(scenario.systemId);
    if (!system) throw bilingualError('unknown-system', { zh: `未知的指标体系“${scenario.systemId}”`, en: `unknown indicator system "${scenario.systemId}"` });
    if (this.baselineRun?.system !== system) {
      this.cache.clear();
      this.kept.clear();
      this.currentRun = null;
      this.currentKey = '';
      this.baselineRun = scoreScenario(this.population, system, baselineScenario(system), { cache: this.cache });
      this.cache.pin(this.baselineRun.prepared);
    }
    return system;
  }
}
